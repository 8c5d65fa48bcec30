package org.keizu.load;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * The one configured Jackson set-up: the JSON and YAML factories with their limits, and the mapper
 * that binds checked trees to records. Nothing else in Keizu builds a mapper of its own.
 */
public final class RecordMapper {
    /** A record file is at most this many bytes (SECURITY.md §7). */
    public static final int MAX_FILE_BYTES = 256 * 1024;
    /** Records nest at most this deep; the real ones use six levels. */
    public static final int MAX_DEPTH = 20;
    public static final int MAX_STRING_CHARS = 64 * 1024;
    public static final int MAX_NAME_CHARS = 256;
    public static final int MAX_NUMBER_DIGITS = 64;

    private static final StreamReadConstraints LIMITS = StreamReadConstraints.builder()
            .maxNestingDepth(MAX_DEPTH + 1)
            .maxStringLength(MAX_STRING_CHARS)
            .maxNameLength(MAX_NAME_CHARS)
            .maxNumberLength(MAX_NUMBER_DIGITS)
            .maxDocumentLength(MAX_FILE_BYTES)
            .build();

    private final JsonFactory json;
    private final YAMLFactory yaml;
    private final ObjectMapper mapper;

    public RecordMapper() {
        // Duplicate keys are found by RecordParser, which names both lines; the parsers' own
        // detection would stop first with a vaguer message, so it stays off here.
        json = JsonFactory.builder()
                .disable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .streamReadConstraints(LIMITS)
                .build();
        LoaderOptions jacksonOptions = loaderOptions();
        jacksonOptions.setAllowDuplicateKeys(true);
        yaml = YAMLFactory.builder()
                .loaderOptions(jacksonOptions)
                .streamReadConstraints(LIMITS)
                .build();
        mapper = JsonMapper.builder(json)
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
