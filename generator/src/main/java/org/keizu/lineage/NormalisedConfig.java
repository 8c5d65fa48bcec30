package org.keizu.lineage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A config.json reduced to what describes the model: export-only keys and transformers' default
 * keys dropped, nested objects flattened to dotted names ({@code rope_scaling.factor}), and the two
 * fields transformers derives when absent filled in ({@code head_dim}, {@code
 * num_key_value_heads}), so that a config that spells them out and one that does not still compare
 * equal.
 */
public record NormalisedConfig(Map<String, JsonNode> fields) {
    public NormalisedConfig {
        fields = Map.copyOf(fields);
    }

    public static NormalisedConfig of(JsonNode config) {
        Map<String, JsonNode> fields = new TreeMap<>();
        for (Map.Entry<String, JsonNode> e : config.properties()) {
            String key = e.getKey();
            // A null is how transformers writes "not set", so it counts as absent.
            if (e.getValue().isNull()
                    || ConfigFields.EXPORT_ONLY.contains(key)
                    || isTransformersDefault(key, e.getValue())) {
                continue;
            }
            flatten(key, e.getValue(), fields);
        }
        deriveDefaults(fields);
        return new NormalisedConfig(fields);
    }

    public Optional<JsonNode> get(String field) {
        return Optional.ofNullable(fields.get(field));
    }

    /** The architecture class: the first entry of {@code architectures}. */
    public Optional<String> architectureClass() {
        JsonNode architectures = fields.get("architectures");
        return architectures != null && architectures.isArray() && architectures.size() > 0
                ? Optional.of(architectures.get(0).asText())
                : Optional.empty();
    }

    private static boolean isTransformersDefault(String key, JsonNode value) {
        String expected = ConfigFields.TRANSFORMERS_DEFAULTS.get(key);
        return expected != null && ConfigValues.equal(value, ConfigValues.parse(expected));
    }

    private static void flatten(String prefix, JsonNode value, Map<String, JsonNode> out) {
        if (value.isObject() && value.size() > 0) {
            for (Map.Entry<String, JsonNode> e : value.properties()) {
                flatten(prefix + "." + e.getKey(), e.getValue(), out);
            }
        } else if (!value.isNull()) {
            out.put(prefix, value);
        }
    }

    private static void deriveDefaults(Map<String, JsonNode> fields) {
        JsonNode hidden = fields.get("hidden_size");
        JsonNode heads = fields.get("num_attention_heads");
        if (heads != null
                && heads.canConvertToInt()
                && !fields.containsKey("num_key_value_heads")) {
            fields.put("num_key_value_heads", heads);
        }
        boolean multiHeadLatent =
                fields.containsKey("kv_lora_rank"); // MLA sets its head dims separately
        if (hidden != null
                && heads != null
                && hidden.canConvertToInt()
                && heads.canConvertToInt()
                && heads.asInt() > 0
                && !fields.containsKey("head_dim")
                && !multiHeadLatent) {
            fields.put("head_dim", IntNode.valueOf(hidden.asInt() / heads.asInt()));
        }
    }
}
