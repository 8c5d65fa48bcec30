package org.keizu.browser;

import java.util.List;
import java.util.Map;
import org.keizu.RegistryBuild;
import org.keizu.TestRegistries;
import org.keizu.lineage.VerdictRule;
import org.keizu.model.Evidence;
import org.keizu.model.Model;
import org.keizu.render.Bundles;
import org.keizu.render.Language;
import org.keizu.render.Messages;

/**
 * What a model's evidence page must say in one language, read from the real registry and the real
 * bundle through the generator's own loaders ({@link Messages#bundle}, the analysis's verdict, the
 * record's {@code translations}), so that the browser tests never copy the translators' wording.
 *
 * @param verdictLabel the verdict's label, from the bundle's {@code vocab.verdicts.*} key
 * @param summary the record's summary in the language (its translation, or the English)
 * @param evidence each evidence item's summary in the language, in the record's order
 * @param evidenceKinds each evidence item's kind label in the language, in the same order
 */
record RecordInLanguage(
        Language language,
        Messages msg,
        String name,
        String verdictLabel,
        String verdictMeaning,
        String headline,
        String summary,
        List<String> evidence,
        List<String> evidenceKinds) {
    private static RegistryBuild.Checked checked;

    private static synchronized RegistryBuild.Checked checked() {
        if (checked == null) {
            checked = TestRegistries.checkReal();
        }
        return checked;
    }

    /** The bundle of {@code language} as the build reads it. */
    static Messages messages(Language language) {
        return new Messages(Messages.bundle(TestRegistries.TEMPLATES, language));
    }

    static RecordInLanguage of(String modelId, Language language) {
        Model model = checked().registry().model(modelId).orElseThrow();
        VerdictRule.Finding verdict = checked().analysis().of(modelId).verdict();
        Messages msg = messages(language);
        String term = verdict.verdict().term();
        List<Evidence> items =
                model.lineage().stream().flatMap(link -> link.evidence().stream()).toList();
        return new RecordInLanguage(
                language,
                msg,
                model.name(),
                term(msg, "verdicts", term, "label"),
                term(msg, "verdicts", term, "meaning"),
                msg.format(verdict.headline()),
                in(language, model.summary().text(), model.summary().translations()),
                items.stream().map(e -> in(language, e.summary(), e.translations())).toList(),
                items.stream().map(e -> term(msg, "evidence-kinds", e.kind(), "label")).toList());
    }

    /**
     * A term's label or meaning as the pages print it: the bundle's {@code vocab.*} key in a
     * translation, data/vocab (read by the build's VocabularyLoader) in English.
     */
    private static String term(Messages msg, String list, String term, String part) {
        String key = Bundles.vocabKey(list, term, part);
        if (msg.has(key)) {
            return msg.format(key);
        }
        var found = checked().vocabulary().orElseThrow().find(list, term).orElseThrow();
        return part.equals("label") ? found.label() : found.meaning();
    }

    private static String in(Language language, String english, Map<String, String> translations) {
        return language.english() ? english : translations.getOrDefault(language.code(), english);
    }

    /** Text as a browser's {@code innerText} gives it: runs of white space as one space. */
    static String squeeze(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }
}
