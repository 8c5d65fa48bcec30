package org.keizu.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.keizu.TestRegistries;

/**
 * The acceptance test: a deliberate mistake in a copy of a real record is reported at its
 * line with its code, the command exits 1, and the previously built site is untouched.
 */
class DeliberateMistakesTest {
    private static final String RECORD = "models/rakuten-ai-3.0.yaml";

    static Stream<Arguments> mistakes() {
        return Stream.of(
                Arguments.of(
                        "wrong country code",
                        "country: JP",
                        "country: JA",
                        "VAL-001 unknown-country"),
                Arguments.of(
                        "unknown base",
                        "  - base: deepseek-v3\n    relation",
                        "  - base: deepseek-v9\n    relation",
                        "REF-002 unknown-base"),
                Arguments.of(
                        "dangling source id",
                        "    source: hf-card-3-0-1\n    uncertain",
                        "    source: hf-card-9\n    uncertain",
                        "REF-004 unknown-source"),
                Arguments.of(
                        "duplicate key",
                        "country: JP\n",
                        "country: JP\ncountry: JP\n",
                        "LOAD-003 duplicate-key"),
                Arguments.of(
                        "an alias",
                        "released: 2026-03-17",
                        "released: *release",
                        "LOAD-004 anchor-or-alias"),
                Arguments.of(
                        "a tab-indented line",
                        "  total: 671e9",
                        "\ttotal: 671e9",
                        "LOAD-009 tab-indentation"),
                Arguments.of(
                        "a javascript: URL",
                        "url: https://aifriends.jp/rakuten-ai-3-0/",
                        "url: javascript:alert(document.domain)",
                        "VAL-005 insecure-url"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mistakes")
    void isReportedAtItsLineAndLeavesTheSiteAlone(
            String what, String from, String to, String code, @TempDir Path root) throws Exception {
        Path data = TestRegistries.realCopy(root);
        Path site = root.resolve("site");
        String[] common = {
            "--data", data.toString(), "--templates", TestRegistries.TEMPLATES.toString()
        };
        Cli first = Cli.run(concat(new String[] {"build", "--out", site.toString()}, common));
        assertEquals(0, first.exitCode(), first.out() + first.err());
        Map<String, byte[]> before = TestRegistries.snapshot(site);

        Path record = data.resolve(RECORD);
        String text = Files.readString(record);
        assertTrue(text.contains(from), "the record no longer contains: " + from);
        String broken = text.replace(from, to);
        Files.writeString(record, broken);
        int line = lineOfFirstDifference(text, broken);

        Cli validate = Cli.run(concat(new String[] {"validate"}, common));
        Cli build = Cli.run(concat(new String[] {"build", "--out", site.toString()}, common));

        assertEquals(1, validate.exitCode());
        assertEquals(1, build.exitCode());
        List<String> lines = validate.out().lines().toList();
        assertTrue(
                lines.stream()
                        .anyMatch(
                                l ->
                                        l.contains(RECORD + ":" + line + ":")
                                                && l.contains("error [" + code + "]")),
                "expected " + code + " at line " + line + " in:\n" + validate.out());
        Map<String, byte[]> after = TestRegistries.snapshot(site);
        assertEquals(before.keySet(), after.keySet());
        before.forEach((path, bytes) -> assertArrayEquals(bytes, after.get(path), path));
    }

    private static int lineOfFirstDifference(String a, String b) {
        List<String> x = a.lines().toList();
        List<String> y = b.lines().toList();
        for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
            if (!x.get(i).equals(y.get(i))) {
                return i + 1;
            }
        }
        return Math.min(x.size(), y.size()) + 1;
    }

    private static String[] concat(String[] a, String[] b) {
        return Stream.concat(Stream.of(a), Stream.of(b)).toArray(String[]::new);
    }
}
