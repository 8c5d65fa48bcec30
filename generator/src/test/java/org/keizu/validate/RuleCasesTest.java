package org.keizu.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.keizu.TestRegistries;

/**
 * One case per rule, not per check code: each edits one file of the clean fixture registry and
 * names the finding the edit must cause ("CODE severity file:line"), so that every branch of the
 * passage, date and look-alike rules is pinned, including those the invalid fixtures share a code
 * with.
 */
class RuleCasesTest {

    private static Arguments rule(
            String why, String file, String from, String to, String... expected) {
        return Arguments.of(why, file, from, to, List.of(expected));
    }

    static Stream<Arguments> rules() {
        String model = "models/national-model.yaml";
        String org = "organisations/national-co.yaml";
        String programme = "programmes/fixture-programme.yaml";
        return Stream.of(
                rule(
                        "a model's summary should quote its source (a warning)",
                        "models/base-model.yaml",
                        "  passage: {text: \"Fixture passage.\"}\n  source: card\nhub:",
                        "  source: card\nhub:",
                        "PAS-001 WARNING data/models/base-model.yaml:8"),
                rule(
                        "an organisation's summary should quote its source (a warning)",
                        org,
                        "  passage: {text: \"Fixture passage.\"}\n",
                        "",
                        "PAS-001 WARNING data/organisations/national-co.yaml:8"),
                rule(
                        "a programme's summary should quote its source (a warning)",
                        programme,
                        "  passage: {text: \"Fixture passage.\"}\n  source: launch\ntimeline",
                        "  source: launch\ntimeline",
                        "PAS-001 WARNING data/programmes/fixture-programme.yaml:7"),
                rule(
                        "a programme's timeline event needs its source's words",
                        programme,
                        "    passage: {text: \"Fixture passage.\"}\n",
                        "",
                        "PAS-001 ERROR data/programmes/fixture-programme.yaml:11"),
                rule(
                        "a paraphrased claim needs the words it paraphrases",
                        model,
                        "    quote: continued pre-training on Base Model\n",
                        "    quote: continued pre-training on Base Model\n    paraphrased: true\n",
                        "PAS-001 ERROR data/models/national-model.yaml:25"),
                rule(
                        "a paraphrased response needs the words it paraphrases",
                        model,
                        "  text: We have updated the card.\n",
                        "  text: We have updated the card.\n  paraphrased: true\n",
                        "PAS-001 ERROR data/models/national-model.yaml:62"),
                rule(
                        "a verbatim reply in Japanese needs no passage but a non-English passage on it needs a translation",
                        model,
                        "  language: en\n  source: card-later\nsources:",
                        "  language: en\n  passage: {text: 更新しました, language: ja}\n  source: card-later\nsources:",
                        "PAS-002 WARNING data/models/national-model.yaml:66"),
                rule(
                        "a licence obligation's passage in Japanese needs a translation",
                        model,
                        "    met_on: 2025-06-01\n",
                        "    met_on: 2025-06-01\n    passage: {text: 通知を追加しました, language: ja}\n",
                        "PAS-002 WARNING data/models/national-model.yaml:51"),
                rule(
                        "a timeline in a programme reads forwards",
                        programme,
                        "timeline:\n",
                        "timeline:\n  - {date: 2024-05-01, event: Later first., passage: {text: x}, source: launch}\n",
                        "VAL-004 ERROR data/programmes/fixture-programme.yaml:12"),
                rule(
                        "an organisation's source cannot be read before it was published",
                        org,
                        "    language: en\n",
                        "    language: en\n    published: 2025-02-01\n    accessed: 2025-01-01\n",
                        "VAL-004 ERROR data/organisations/national-co.yaml:17"),
                rule(
                        "a model's source cannot be read before the model was released",
                        model,
                        "    accessed: 2025-03-02\n",
                        "    accessed: 2025-02-27\n",
                        "VAL-004 ERROR data/models/national-model.yaml:72",
                        "VAL-004 ERROR data/models/national-model.yaml:72"),
                rule(
                        "an alias that imitates another record's name with a Cyrillic letter",
                        model,
                        "native_name: 国民モデル\n",
                        "native_name: 国民モデル\naliases: [B\u0430se Model]\n",
                        "VAL-007 ERROR data/models/national-model.yaml:4",
                        "VAL-007 ERROR data/models/national-model.yaml:4"),
                rule(
                        "a native name may use its own script, even mixed with Latin",
                        model,
                        "native_name: 国民モデル\n",
                        "native_name: 国民AIモデル\n"),
                rule(
                        "an organisation name that reads as another organisation's",
                        org,
                        "name: National Co\n",
                        "name: B\u0430se Lab\n",
                        "VAL-007 ERROR data/organisations/national-co.yaml:2",
                        "VAL-007 ERROR data/organisations/national-co.yaml:2"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void yields(
            String why,
            String file,
            String from,
            String to,
            List<String> expected,
            @TempDir Path root)
            throws IOException {
        Path data = TestRegistries.validFixture(root);
        Path target = data.resolve(file);
        String text = Files.readString(target, StandardCharsets.UTF_8);
        assertEquals(true, text.contains(from), "the case's anchor text is in " + file);
        Files.writeString(target, text.replace(from, to), StandardCharsets.UTF_8);

        List<String> found =
                TestRegistries.validate(root).sorted().stream()
                        .map(
                                f ->
                                        f.check().code()
                                                + " "
                                                + f.severity()
                                                + " "
                                                + f.file()
                                                + ":"
                                                + f.line())
                        .toList();

        assertEquals(expected, found, why);
    }
}
