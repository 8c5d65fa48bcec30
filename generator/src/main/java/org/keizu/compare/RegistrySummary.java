package org.keizu.compare;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The part of a built site's {@code data/registry.json} that a comparison needs: each model's name,
 * verdict and detected grade, by id. The file is read as untrusted input (it may come from a
 * stranger's pull request): capped in size and nesting, duplicate keys refused, every field checked
 * for its type, and any fault reported as a {@link Malformed} with a sentence, never a stack trace.
 *
 * <pre>
 *   RegistrySummary before = RegistrySummary.read(Path.of("base/data/registry.json"));
 * </pre>
 */
public record RegistrySummary(String datasetDate, Map<String, Entry> models) {
    /** The largest file read: a registry of 20,000 records is about 11 MB. */
    public static final long MAX_BYTES = 64L * 1024 * 1024;

    /** The {@code schema_version} of {@code OpenData} that this reader understands. */
    public static final int SCHEMA_VERSION = 1;

    private static final ObjectMapper JSON =
            JsonMapper.builder(
                            new com.fasterxml.jackson.core.JsonFactoryBuilder()
                                    .streamReadConstraints(
                                            StreamReadConstraints.builder()
                                                    .maxNestingDepth(64)
                                                    .maxStringLength(1 << 20)
                                                    .maxNumberLength(100)
                                                    .build())
                                    .build())
                    .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                    .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
                    .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                    .build();

    /** One model as the registry's open data states it; verdict and grade may be null. */
    public record Entry(String id, String name, String verdict, String grade) {}

    /** A file that is not a readable registry.json; the message says why, in words. */
    public static final class Malformed extends Exception {
        private static final long serialVersionUID = 1L;

        public Malformed(String message) {
            super(message);
        }
    }

    public RegistrySummary {
        models = Collections.unmodifiableMap(new LinkedHashMap<>(models));
    }

    /** Reads {@code file}, or throws {@link Malformed} naming the file and the fault. */
    public static RegistrySummary read(Path file) throws Malformed {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, MAX_BYTES + 1));
        } catch (NoSuchFileException e) {
            throw new Malformed(file + ": no such file");
        } catch (IOException e) {
            throw new Malformed(file + ": cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        if (bytes.length > MAX_BYTES) {
            throw new Malformed(file + ": larger than " + (MAX_BYTES >> 20) + " MiB");
        }
        try {
            return parse(bytes);
        } catch (Malformed e) {
            throw new Malformed(file + ": " + e.getMessage());
        }
    }

    /** Parses the bytes of a registry.json. */
    public static RegistrySummary parse(byte[] bytes) throws Malformed {
        JsonNode root;
        try {
            root = JSON.readTree(bytes);
        } catch (JsonProcessingException e) {
            String why = e.getOriginalMessage().replaceAll("(?s)\\s*\\(start marker at .*", "");
            var at = e.getLocation();
            throw new Malformed(
                    "not well-formed JSON: "
                            + why
                            + (at == null
                                    ? ""
                                    : " (line "
                                            + at.getLineNr()
                                            + ", column "
                                            + at.getColumnNr()
                                            + ")"));
        } catch (IOException e) {
            throw new Malformed("not well-formed JSON");
        }
        if (root == null || !root.isObject()) {
            throw new Malformed("not a registry.json: the top level is not an object");
        }
        JsonNode version = root.get("schema_version");
        if (version == null || !version.isIntegralNumber()) {
            throw new Malformed("not a registry.json: no integer schema_version");
        }
        if (version.asLong() != SCHEMA_VERSION) {
            throw new Malformed(
                    "schema_version "
                            + version.asLong()
                            + " is not the one this keizu reads ("
                            + SCHEMA_VERSION
                            + ")");
        }
        String date = optionalText(root, "dataset_date", "the registry").orElse("");
        JsonNode list = root.get("models");
        if (list == null || !list.isArray()) {
            throw new Malformed("not a registry.json: no models list");
        }
        Map<String, Entry> models = new LinkedHashMap<>();
        int index = 0;
        for (JsonNode model : list) {
            String where = "models[" + index++ + "]";
            if (!model.isObject()) {
                throw new Malformed(where + " is not an object");
            }
            String id =
                    optionalText(model, "id", where)
                            .filter(s -> !s.isEmpty())
                            .orElseThrow(() -> new Malformed(where + " has no id"));
            String name = optionalText(model, "name", where).orElse(id);
            Entry entry =
                    new Entry(
                            id,
                            name,
                            optionalText(model, "verdict", where).orElse(null),
                            optionalText(model, "detected_grade", where).orElse(null));
            if (models.putIfAbsent(id, entry) != null) {
                throw new Malformed(where + " repeats the id of another model");
            }
        }
        return new RegistrySummary(date, models);
    }

    /** A field that is absent, null or a string; anything else is a fault. */
    private static Optional<String> optionalText(JsonNode node, String field, String where)
            throws Malformed {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw new Malformed(where + ": " + field + " is not a string");
        }
        return Optional.of(value.asText());
    }
}
