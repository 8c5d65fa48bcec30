package org.keizu.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.keizu.TestRegistries;
import org.keizu.render.CitationFormats.Format;

/**
 * The APA and Chicago that {@link PlainDatasetCitations} sets are citeproc-java's, character for
 * character: on every model of the registry cited in every language, and on thousands of generated
 * items; and whatever it does not call plain goes to citeproc.
 */
class PlainDatasetCitationsTest {
    private static final CitationFormats FORMATS = new CitationFormats("[accessed: date]");

    /** What citeproc renders for the item, and what the plain setting gives, compared. */
    private static void sameAsCiteproc(CitationItem item) {
        String json = FORMATS.cslJson(item);
        assertEquals(
                CitationFormats.citeproc(Format.APA, json),
                PlainDatasetCitations.apa(item),
                "APA of " + item);
        assertEquals(
                CitationFormats.citeproc(Format.CHICAGO, json),
                PlainDatasetCitations.chicago(item),
                "Chicago of " + item);
    }

    private static CitationItem item(String title, String url, String issued, String version) {
        return new CitationItem(
                "keizu-x", "dataset", title, "Keizu contributors", "Keizu", url, issued, version);
    }

    /** Every title the site gives: each model's name in each language's citation title. */
    @Test
    void everyModelOfTheRegistryInEveryLanguageIsPlainAndSetAsCiteprocSetsIt() throws IOException {
        List<String> names = new ArrayList<>();
        YAMLMapper yaml = new YAMLMapper();
        try (Stream<Path> files = Files.list(TestRegistries.REAL_DATA.resolve("models"))) {
            for (Path file : files.sorted().toList()) {
                JsonNode record = yaml.readTree(file.toFile());
                names.add(record.get("name").asText());
            }
        }
        assertTrue(names.size() > 50, "the registry's models: " + names.size());
        int checked = 0;
        for (Language language : Language.available(TestRegistries.TEMPLATES)) {
            Messages messages = new Messages(Messages.bundle(TestRegistries.TEMPLATES, language));
            for (String name : names) {
                for (String version : new String[] {null, "1", "12"}) {
                    CitationItem cited =
                            new CitationItem(
                                    "keizu-x",
                                    "dataset",
                                    messages.format("citation_title", name),
                                    messages.format("citation_author"),
                                    messages.format("citation_publisher"),
                                    "https://keizu.example/models/x/v" + version + "/",
                                    "2026-12-01",
                                    version);
                    assertTrue(PlainDatasetCitations.plain(cited), "plain: " + cited);
                    sameAsCiteproc(cited);
                    checked++;
                }
            }
        }
        assertTrue(checked >= 3 * 3 * 50, "items compared: " + checked);
    }

    private static final String[] WORDS = {
        "Rakuten",
        "AI",
        "3.0",
        "A.X",
        "bielik-11b-v2",
        "Llama",
        "(beta)",
        "GPT-4o",
        "Sarvam-M",
        "X/Y",
        "K2",
        "EXAONE",
        "the",
        "of",
        "and",
        "for",
        "a",
        "an",
        "in",
        "on",
        "to",
        "at",
        "by",
        "but",
        "or",
        "nor",
        "as",
        "with",
        "from",
        "into",
        "über",
        "Ünal",
        "太極",
        "하이퍼클로바",
        "v1.5",
        "e5",
        "c++",
        "OLMo_2",
        "AI:",
        "iPhone",
        "McDonald",
        "DeepSeek-V3",
        "mT5",
        "xLSTM",
        "R&D",
        "fine-tuned",
        "Qwen2.5-72B-Instruct",
        "é",
        "ÉCOLE",
        "Ω",
        "ÇA",
        "İstanbul",
        "ΣΊΣΥΦΟΣ",
        "ﬁne",
        "ß",
        "straße",
        "claimed",
        "detected",
        "lineage",
        "主張された系譜",
        "：",
        "주장된",
        "vs.",
        "e.g.",
        "U.S.",
        "de",
        "la",
        "von",
        "van",
        "der",
        "is",
        "up",
        "via",
        "per",
        "so",
        "yet",
        "how",
        "what",
        "why",
        "open-source",
        "state-of-the-art",
        "Mixture-of-Experts"
    };

    /** Marks a contributor might type that the styles may rework: plain must refuse them. */
    private static final String[] ODD = {
        "\"", "'", "“", "”", "‘", "’", "?", "!", ".", ",", ";", "  ", " ", "«", "»", "…", "[", "]",
        "{", "}", "<", ">", "*", "#", "\t", "—", "–"
    };

    @Test
    void generatedItemsArePlainOnlyWhenCiteprocAgrees() {
        Random random = new Random(20261201);
        int plain = 0;
        int odd = 0;
        for (int n = 0; n < 4000; n++) {
            StringBuilder title = new StringBuilder();
            int words = 1 + random.nextInt(7);
            for (int w = 0; w < words; w++) {
                if (w > 0) {
                    title.append(random.nextInt(8) == 0 ? "-" : " ");
                }
                title.append(WORDS[random.nextInt(WORDS.length)]);
            }
            if (random.nextInt(4) == 0) {
                int at = random.nextInt(title.length() + 1);
                title.insert(at, ODD[random.nextInt(ODD.length)]);
            }
            String version = random.nextBoolean() ? null : Integer.toString(1 + random.nextInt(40));
            String issued =
                    String.format(
                            "%04d-%02d-%02d",
                            2020 + random.nextInt(8),
                            1 + random.nextInt(12),
                            1 + random.nextInt(28));
            String url =
                    random.nextBoolean()
                            ? "/models/m" + n + "/"
                            : "https://keizu.example/models/m-" + n + "/v" + version + "/";
            CitationItem item = item(title.toString(), url, issued, version);
            if (PlainDatasetCitations.plain(item)) {
                plain++;
                sameAsCiteproc(item);
            } else {
                odd++;
            }
        }
        assertTrue(plain > 2000, "plain items compared: " + plain);
        assertTrue(odd > 300, "items left to citeproc: " + odd);
    }

    @Test
    void whatTheStylesWouldReworkIsNotPlain() {
        String url = "https://keizu.example/models/x/";
        assertTrue(PlainDatasetCitations.plain(item("Model 1: lineage", url, "2026-11-30", "3")));
        for (String title :
                List.of(
                        "Model \"One\": lineage",
                        "Model’s lineage",
                        "Is it derived?",
                        "Lineage.",
                        " Lineage",
                        "Lineage ",
                        "Two  spaces",
                        "")) {
            assertFalse(
                    PlainDatasetCitations.plain(item(title, url, "2026-11-30", "3")),
                    "plain: [" + title + "]");
        }
        assertFalse(PlainDatasetCitations.plain(item("Model", url, "2026-11-30", "2026-11-30")));
        assertFalse(PlainDatasetCitations.plain(item("Model", url + ".", "2026-11-30", null)));
        assertFalse(PlainDatasetCitations.plain(item("Model", url + " x", "2026-11-30", null)));
        assertFalse(PlainDatasetCitations.plain(item("Model", url, "2026-13-01", null)));
        CitationItem webpage =
                new CitationItem(
                        "k",
                        "webpage",
                        "Model",
                        "Keizu contributors",
                        "Keizu",
                        url,
                        "2026-11-30",
                        null);
        assertFalse(PlainDatasetCitations.plain(webpage));
    }

    /** An item that is not plain still gets citeproc's text through {@link CitationFormats#all}. */
    @Test
    void anOddItemIsRenderedByCiteproc() {
        CitationItem odd =
                item("“Quoted” model: lineage?", "https://keizu.example/m/", "2026-11-30", "2");
        assertFalse(PlainDatasetCitations.plain(odd));
        Map<Format, String> all = FORMATS.all(odd);
        String json = FORMATS.cslJson(odd);
        assertEquals(CitationFormats.citeproc(Format.APA, json), all.get(Format.APA));
        assertEquals(CitationFormats.citeproc(Format.CHICAGO, json), all.get(Format.CHICAGO));
    }
}
