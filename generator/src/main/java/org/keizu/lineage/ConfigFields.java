package org.keizu.lineage;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which config.json fields belong to which tier, and which describe only the export. One list, used
 * by the detector, the evidence page and the methodology page (whose tables are generated from
 * {@link #listed}).
 */
public final class ConfigFields {
    private ConfigFields() {}

    private static final List<String> CLASS_LIST = List.of("architectures", "model_type");

    /** Tier B: every one must be equal for the base's weights to fit (cases.md §2.1). */
    private static final List<String> SHAPE_LIST =
            List.of(
                    "hidden_size",
                    "num_hidden_layers",
                    "intermediate_size",
                    "num_attention_heads",
                    "num_key_value_heads",
                    "head_dim",
                    "vocab_size",
                    "tie_word_embeddings",
                    "n_routed_experts",
                    "num_experts",
                    "num_local_experts",
                    "num_experts_per_tok",
                    "n_shared_experts",
                    "moe_intermediate_size",
                    "shared_expert_intermediate_size",
                    "first_k_dense_replace",
                    "moe_layer_freq",
                    "decoder_sparse_step",
                    "mlp_only_layers",
                    "n_group",
                    "topk_group",
                    "q_lora_rank",
                    "kv_lora_rank",
                    "qk_nope_head_dim",
                    "qk_rope_head_dim",
                    "v_head_dim",
                    "num_nextn_predict_layers",
                    "layer_types",
                    "sliding_window_pattern");

    /** Tier D: token ids and how the weights are packaged. */
    private static final List<String> PACKAGING_LIST =
            List.of(
                    "bos_token_id",
                    "eos_token_id",
                    "pad_token_id",
                    "quantization_config",
                    "internal_version",
                    "use_transformers_inputs");

    /** Keys that describe the export, not the model: dropped before comparing. */
    private static final List<String> EXPORT_ONLY_LIST =
            List.of(
                    "_name_or_path",
                    "transformers_version",
                    "torch_dtype",
                    "_commit_hash",
                    "use_cache",
                    "auto_map");

    static final Set<String> CLASS = Set.copyOf(CLASS_LIST);
    static final Set<String> SHAPE = Set.copyOf(SHAPE_LIST);
    static final Set<String> PACKAGING = Set.copyOf(PACKAGING_LIST);
    static final Set<String> EXPORT_ONLY = Set.copyOf(EXPORT_ONLY_LIST);

    /**
     * The fields a tier lists by name, in the order the methodology gives them; empty for tier C,
     * which is every field not listed elsewhere.
     */
    public static List<String> listed(Tier tier) {
        return switch (tier) {
            case A -> CLASS_LIST;
            case B -> SHAPE_LIST;
            case C -> List.of();
            case D -> PACKAGING_LIST;
        };
    }

    /** The keys dropped before comparing because they describe the export, not the model. */
    public static List<String> exportOnly() {
        return EXPORT_ONLY_LIST;
    }

    /**
     * transformers' PretrainedConfig defaults that a full config dump repeats (the Mistral v0.3
     * copy carries some fifty): dropped when they hold the default value, since every model has
     * them.
     */
    static final Map<String, String> TRANSFORMERS_DEFAULTS =
            Map.ofEntries(
                    Map.entry("return_dict", "true"),
                    Map.entry("output_hidden_states", "false"),
                    Map.entry("output_attentions", "false"),
                    Map.entry("torchscript", "false"),
                    Map.entry("use_bfloat16", "false"),
                    Map.entry("tf_legacy_loss", "false"),
                    Map.entry("pruned_heads", "{}"),
                    Map.entry("chunk_size_feed_forward", "0"),
                    Map.entry("is_encoder_decoder", "false"),
                    Map.entry("is_decoder", "false"),
                    Map.entry("cross_attention_hidden_size", "null"),
                    Map.entry("add_cross_attention", "false"),
                    Map.entry("tie_encoder_decoder", "false"),
                    Map.entry("max_length", "20"),
                    Map.entry("min_length", "0"),
                    Map.entry("do_sample", "false"),
                    Map.entry("early_stopping", "false"),
                    Map.entry("num_beams", "1"),
                    Map.entry("num_beam_groups", "1"),
                    Map.entry("diversity_penalty", "0.0"),
                    Map.entry("temperature", "1.0"),
                    Map.entry("top_k", "50"),
                    Map.entry("top_p", "1.0"),
                    Map.entry("typical_p", "1.0"),
                    Map.entry("repetition_penalty", "1.0"),
                    Map.entry("length_penalty", "1.0"),
                    Map.entry("no_repeat_ngram_size", "0"),
                    Map.entry("encoder_no_repeat_ngram_size", "0"),
                    Map.entry("bad_words_ids", "null"),
                    Map.entry("num_return_sequences", "1"),
                    Map.entry("output_scores", "false"),
                    Map.entry("return_dict_in_generate", "false"),
                    Map.entry("forced_bos_token_id", "null"),
                    Map.entry("forced_eos_token_id", "null"),
                    Map.entry("remove_invalid_values", "false"),
                    Map.entry("exponential_decay_length_penalty", "null"),
                    Map.entry("suppress_tokens", "null"),
                    Map.entry("begin_suppress_tokens", "null"),
                    Map.entry("finetuning_task", "null"),
                    Map.entry("id2label", "{\"0\":\"LABEL_0\",\"1\":\"LABEL_1\"}"),
                    Map.entry("label2id", "{\"LABEL_0\":0,\"LABEL_1\":1}"),
                    Map.entry("tokenizer_class", "null"),
                    Map.entry("prefix", "null"),
                    Map.entry("sep_token_id", "null"),
                    Map.entry("decoder_start_token_id", "null"),
                    Map.entry("task_specific_params", "null"),
                    Map.entry("problem_type", "null"));

    static Tier tierOf(String field) {
        String top = field.contains(".") ? field.substring(0, field.indexOf('.')) : field;
        if (CLASS.contains(top)) {
            return Tier.A;
        }
        if (SHAPE.contains(top)) {
            return Tier.B;
        }
        if (PACKAGING.contains(top)) {
            return Tier.D;
        }
        return Tier.C;
    }
}
