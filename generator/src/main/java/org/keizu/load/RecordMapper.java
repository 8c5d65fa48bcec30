package org.keizu.load;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * The one configured Jackson set-up. For records: the JSON and YAML factories with their limits,
 * and the mapper that binds checked trees to records. For everything else Keizu reads or writes as
 * JSON or CSV: the shared, immutable readers and writers below. Nothing else in Keizu builds a
 * mapper.
 */
public final class RecordMapper {
    /** A record file is at most this many bytes (SECURITY.md §7). */
    public static final int MAX_FILE_BYTES = 256 * 1024;

    /**
     * A weights fingerprint may be larger: a model of a hundred layers keeps some four hundred
     * sampled vectors. Machine-written, one per snapshot.
     */
    public static final int MAX_WEIGHTS_BYTES = 1024 * 1024;

    /** Records nest at most this deep; the real ones use six levels. */
    public static final int MAX_DEPTH = 20;

    public static final int MAX_STRING_CHARS = 64 * 1024;
    public static final int MAX_NAME_CHARS = 256;
    public static final int MAX_NUMBER_DIGITS = 64;

    private static final StreamReadConstraints LIMITS =
            StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_DEPTH + 1)
                    .maxStringLength(MAX_STRING_CHARS)
                    .maxNameLength(MAX_NAME_CHARS)
                    .maxNumberLength(MAX_NUMBER_DIGITS)
                    // The largest kind's cap; RecordParser holds each file to its own kind's first.
                    .maxDocumentLength(MAX_WEIGHTS_BYTES)
                    .build();

    /**
     * Plain JSON, for trusted files that ship with the generator and for printing single values
     * compactly.
     */
    private static final ObjectMapper PLAIN = JsonMapper.builder().build();

    /** Published JSON: indented, keys in order, so the same data gives the same bytes. */
    private static final ObjectWriter PUBLISHED =
            JsonMapper.builder()
                    .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                    .build()
                    .writerWithDefaultPrettyPrinter();

    /**
     * A snapshot's description as {@code fetch} writes it: snake_case fields, absent values left
     * out.
     */
    private static final ObjectMapper SNAPSHOT =
            JsonMapper.builder()
                    .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                    .defaultPropertyInclusion(
                            JsonInclude.Value.construct(
                                    JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
                    .build();

    /** CSV for spreadsheets: every cell quoted, CRLF line ends (RFC 4180). */
    private static final ObjectWriter CSV =
            new CsvMapper()
                    .enable(CsvGenerator.Feature.ALWAYS_QUOTE_STRINGS)
                    .enable(CsvGenerator.Feature.ALWAYS_QUOTE_EMPTY_STRINGS)
                    .writerFor(String[].class)
                    .with(CsvSchema.emptySchema().withLineSeparator("\r\n"));

    private final JsonFactory json;
    private final YAMLFactory yaml;
    private final ObjectMapper mapper;

    public RecordMapper() {
        // Duplicate keys are found by RecordParser, which names both lines; the parsers' own
        // detection would stop first with a vaguer message, so it stays off here.
        json =
                JsonFactory.builder()
                        .disable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                        .streamReadConstraints(LIMITS)
                        .build();
        LoaderOptions jacksonOptions = loaderOptions();
        jacksonOptions.setAllowDuplicateKeys(true);
        yaml =
                YAMLFactory.builder()
                        .loaderOptions(jacksonOptions)
                        .streamReadConstraints(LIMITS)
                        .build();
        mapper =
                JsonMapper.builder(json)
                        .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                        .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                        .build();
    }

    /** SnakeYAML's own limits, used by the hazard scan and by Jackson's YAML parser alike. */
    static LoaderOptions loaderOptions() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(0);
        options.setNestingDepthLimit(MAX_DEPTH + 1);
        options.setCodePointLimit(MAX_FILE_BYTES);
        options.setAllowRecursiveKeys(false);
        return options;
    }

    /** Reads JSON that ships with the generator (never a contributor's or a stranger's file). */
    public static ObjectMapper plainJson() {
        return PLAIN;
    }

    /** Writes JSON that Keizu publishes or prints: indented, map keys sorted. */
    public static ObjectWriter publishedJson() {
        return PUBLISHED;
    }

    /** Writes a snapshot's description. */
    public static ObjectMapper snapshotJson() {
        return SNAPSHOT;
    }

    /** Writes rows of cells as CSV. */
    public static ObjectWriter csv() {
        return CSV;
    }

    /**
     * Reads JSON from the network, which is untrusted: bounded depth, string length and document
     * size ({@code maxBytes}).
     */
    public static ObjectMapper untrustedJson(long maxBytes) {
        return JsonMapper.builder(
                        JsonFactory.builder()
                                .streamReadConstraints(
                                        StreamReadConstraints.builder()
                                                .maxNestingDepth(64)
                                                .maxStringLength(16 << 20)
                                                .maxDocumentLength(maxBytes)
                                                .build())
                                .build())
                .build();
    }

    public JsonFactory jsonFactory() {
        return json;
    }

    public YAMLFactory yamlFactory() {
        return yaml;
    }

    public ObjectMapper mapper() {
        return mapper;
    }
}
