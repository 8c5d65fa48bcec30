package org.keizu.lineage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A config.json reduced to what describes the model: export-only keys and transformers' default
 * keys dropped, nested objects flattened to dotted names ({@code rope_scaling.factor}), and the two
 * fields transformers derives when absent filled in ({@code head_dim}, {@code
 * num_key_value_heads}), so that a config that spells them out and one that does not still compare
 * equal; mixture-of-experts fields that size nothing the weights hold are dropped.
 */
public record NormalisedConfig(Map<String, JsonNode> fields, Optional<String> comparedClass) {
    public NormalisedConfig {
        fields = Map.copyOf(fields);
    }

    /** A config with no table of architecture classes: every class compares as itself. */
    public static NormalisedConfig of(JsonNode config) {
        return of(config, ArchitectureClasses.NONE);
    }

    /**
     * A config as the detector compares it. When its class compares as another ({@link
     * ArchitectureClasses}) and its language model's settings sit in {@code text_config} (a
     * vision-language wrapper), those settings are compared, in place of the wrapper's own.
     */
    public static NormalisedConfig of(JsonNode config, ArchitectureClasses classes) {
        Optional<String> cls = firstArchitecture(config);
        JsonNode text = config.path("text_config");
        if (cls.isPresent() && classes.listed(cls.get()) && text.isObject()) {
            ObjectNode lifted = config.deepCopy();
            lifted.remove("text_config");
            text.properties().forEach(e -> lifted.set(e.getKey(), e.getValue()));
            // The wrapper's own class stays the one named: text_config may name none, or the
            // text model's.
            lifted.set("architectures", config.get("architectures"));
            config = lifted;
        }
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
        dropUnusedMixtureOfExpertsFields(fields);
        return new NormalisedConfig(fields, cls.map(classes::comparedAs));
    }

    private static Optional<String> firstArchitecture(JsonNode config) {
        JsonNode architectures = config.path("architectures");
        return architectures.isArray() && architectures.size() > 0
                ? Optional.of(architectures.get(0).asText())
                : Optional.empty();
    }

    public Optional<JsonNode> get(String field) {
        return Optional.ofNullable(fields.get(field));
    }

    /**
     * The architecture class: the first entry of {@code architectures}. {@link #comparedClass} is
     * the class it is compared as.
     */
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

    /**
     * Mixture-of-experts fields that describe nothing the weights hold, so two configs that differ
     * only in them have the same shape: {@code shared_expert_intermediate_size: 0} (no shared
     * expert, as when it is absent), and {@code intermediate_size} when the experts are sized by
     * {@code moe_intermediate_size} and no layer is dense, since it would size a dense MLP no layer
     * has.
     */
    private static void dropUnusedMixtureOfExpertsFields(Map<String, JsonNode> fields) {
        JsonNode shared = fields.get("shared_expert_intermediate_size");
        if (shared != null && shared.isNumber() && shared.asDouble() == 0) {
            fields.remove("shared_expert_intermediate_size");
        }
        if (fields.containsKey("moe_intermediate_size") && noDenseLayer(fields)) {
            fields.remove("intermediate_size");
        }
    }

    /**
     * Every layer is a mixture of experts: Qwen's layout (experts in every {@code
     * decoder_sparse_step}th layer, none kept dense by {@code mlp_only_layers}) or DeepSeek's (no
     * {@code first_k_dense_replace} dense layers, experts in every {@code moe_layer_freq}th).
     */
    private static boolean noDenseLayer(Map<String, JsonNode> fields) {
        boolean qwen =
                positive(fields.get("num_experts"))
                        && oneOrAbsent(fields.get("decoder_sparse_step"))
                        && emptyOrAbsent(fields.get("mlp_only_layers"));
        boolean deepSeek =
                positive(fields.get("n_routed_experts"))
                        && zeroOrAbsent(fields.get("first_k_dense_replace"))
                        && oneOrAbsent(fields.get("moe_layer_freq"));
        return qwen || deepSeek;
    }

    private static boolean positive(JsonNode n) {
        return n != null && n.isNumber() && n.asDouble() > 0;
    }

    private static boolean oneOrAbsent(JsonNode n) {
        return n == null || (n.isNumber() && n.asDouble() == 1);
    }

    private static boolean zeroOrAbsent(JsonNode n) {
        return n == null || (n.isNumber() && n.asDouble() == 0);
    }

    private static boolean emptyOrAbsent(JsonNode n) {
        return n == null || (n.isArray() && n.isEmpty());
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
