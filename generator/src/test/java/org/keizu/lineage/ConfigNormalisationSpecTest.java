package org.keizu.lineage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Config equality and normalisation as tables: what makes two config values the same, and what a
 * config implies.
 */
class ConfigNormalisationSpecTest {

    @ParameterizedTest(name = "{0} vs {1}: {2}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
        1                       | 1.0                     | true
        4096                    | 4097                    | false
        "a"                     | "a"                     | true
        "a"                     | "b"                     | false
        "1"                     | 1                       | false
        [1, 2]                  | [1.0, 2]                | true
        [1, 2]                  | [1, 2, 3]               | false
        [1, 2]                  | [2, 1]                  | false
        []                      | []                      | true
        {"a": 1, "b": [1]}      | {"b": [1.0], "a": 1}    | true
        {"a": 1}                | {"a": 1, "b": 2}        | false
        {"a": 1}                | {"b": 1}                | false
        {"a": 1}                | {"a": 2}                | false
        null                    | null                    | true
        true                    | true                    | true
        true                    | 1                       | false
        """)
    void equalMeansWhatAConfigMeans(String a, String b, boolean equal) {
        assertEquals(equal, ConfigValues.equal(ConfigValues.parse(a), ConfigValues.parse(b)));
        assertEquals(
                equal,
                ConfigValues.equal(ConfigValues.parse(b), ConfigValues.parse(a)),
                "symmetric");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
        head_dim derived from hidden size and heads           | {"hidden_size": 4096, "num_attention_heads": 32}                                   | head_dim            | 128
        an explicit head_dim is kept                          | {"hidden_size": 4096, "num_attention_heads": 32, "head_dim": 64}                   | head_dim            | 64
        multi-head latent attention sets its own head dims    | {"hidden_size": 7168, "num_attention_heads": 128, "kv_lora_rank": 512}             | head_dim            | absent
        no heads, no head_dim                                 | {"hidden_size": 4096}                                                              | head_dim            | absent
        zero heads derive nothing                             | {"hidden_size": 4096, "num_attention_heads": 0}                                    | head_dim            | absent
        text heads are not numbers                            | {"hidden_size": 4096, "num_attention_heads": "32"}                                 | head_dim            | absent
        key-value heads default to the attention heads        | {"num_attention_heads": 32}                                                        | num_key_value_heads | 32
        explicit key-value heads are kept                     | {"num_attention_heads": 32, "num_key_value_heads": 8}                              | num_key_value_heads | 8
        a null is not set                                     | {"sliding_window": null}                                                           | sliding_window      | absent
        nested settings are flattened                         | {"text_config": {"hidden_size": 3584, "rope": {"theta": 1e6}}}                     | text_config.rope.theta | 1000000.0
        an empty object is kept as a value                    | {"rope_scaling": {}}                                                               | rope_scaling        | {}
        """)
    void normalises(String why, String config, String field, String expected) {
        NormalisedConfig normalised = NormalisedConfig.of(ConfigValues.parse(config));
        Optional<String> shown = normalised.get(field).map(ConfigValues::show);
        assertEquals(expected, shown.orElse("absent"), why);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
        {"architectures": ["LlamaForCausalLM", "Other"]} | LlamaForCausalLM
        {"architectures": []}                            | absent
        {"architectures": "LlamaForCausalLM"}            | absent
        {}                                               | absent
        """)
    void theArchitectureClassIsTheFirstEntry(String config, String expected) {
        assertEquals(
                expected,
                NormalisedConfig.of(ConfigValues.parse(config))
                        .architectureClass()
                        .orElse("absent"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
        absent | absent
        "text" | text
        12     | 12
        [1,2]  | [1,2]
        """)
    void showsValuesAsTheTablePrintsThem(String value, String shown) {
        assertEquals(
                shown,
                ConfigValues.show(value.equals("absent") ? null : ConfigValues.parse(value)));
    }
}
