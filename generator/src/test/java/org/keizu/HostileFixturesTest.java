package org.keizu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.keizu.diagnostic.Finding;

/**
 * The hostile fixture folder: each case under {@code fixtures/hostile/<case>/} lays its files over
 * the clean fixture registry and says, in {@code case.txt}, which threat it carries and what must
 * come of it: findings (their codes, and with {@code at:} lines the exact file and line of each),
 * with nothing written; or {@code clean}: the site is built, the output oracle finds nothing, and
 * the hostile text shows as text ({@code shows:}) or as an inert CSV cell ({@code csv:}). Run with
 * -Dkeizu.hostile=record to write the {@code at:} lines of a new case (then read them).
 */
class HostileFixturesTest {
    static final Path HOSTILE = TestRegistries.FIXTURES.resolve("hostile");

    static Stream<String> cases() throws IOException {
        try (Stream<Path> dirs = Files.list(HOSTILE)) {
            return dirs
                    .filter(Files::isDirectory)
                    .map(p -> p.getFileName().toString())
                    .sorted()
                    .toList()
                    .stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void holds(String name, @TempDir Path root) throws IOException {
        Path caseDir = HOSTILE.resolve(name);
        List<String> spec = Files.readAllLines(caseDir.resolve("case.txt"), StandardCharsets.UTF_8);
        String expect = value(spec, "expect:").get(0);
        TestRegistries.validFixture(root);
        TestRegistries.copyTree(caseDir.resolve("data"), root.resolve("data"));
        Path out = root.resolve("site");

        RegistryBuild.Result result =
                new RegistryBuild(TestRegistries.options(root))
                        .build(new RegistryBuild.Output(out, "/", "", false));
        List<Finding> findings = result.findings().sorted();

        if (expect.equals("clean")) {
            assertEquals(List.of(), findings, "a clean case builds without a finding");
            assertEquals(List.of(), SiteOracle.problems(out, "/"));
            for (String shows : value(spec, "shows:")) {
                String page = shows.substring(0, shows.indexOf(' '));
                String text = shows.substring(shows.indexOf(' ') + 1);
                String shown =
                        Jsoup.parse(out.resolve(page).resolve("index.html").toFile(), "UTF-8")
                                .text();
                assertTrue(shown.contains(text), "shown as text on " + page + ": " + text);
            }
            for (String cell : value(spec, "csv:")) {
                String csv =
                        Files.readString(out.resolve("data/registry.csv"), StandardCharsets.UTF_8);
                assertTrue(csv.contains(cell), "CSV cell " + cell);
            }
            return;
        }
        assertEquals(
                new TreeSet<>(List.of(expect.split(" "))),
                new TreeSet<>(findings.stream().map(f -> f.check().code()).toList()),
                "the codes this case must yield");
        if (findings.stream().anyMatch(Finding::isError)) {
            assertFalse(Files.exists(out), "a build with errors writes nothing");
        }
        List<String> places =
                findings.stream()
                        .map(f -> f.check().code() + " " + f.file() + ":" + f.line())
                        .toList();
        if ("record".equals(System.getProperty("keizu.hostile"))) {
            List<String> lines =
                    new ArrayList<>(spec.stream().filter(l -> !l.startsWith("at:")).toList());
            places.forEach(p -> lines.add("at: " + p));
            Files.write(caseDir.resolve("case.txt"), lines, StandardCharsets.UTF_8);
            return;
        }
        assertEquals(value(spec, "at:"), places, "each finding at its place");
    }

    private static List<String> value(List<String> spec, String key) {
        return spec.stream()
                .filter(l -> l.startsWith(key))
                .map(l -> l.substring(key.length()).strip())
                .toList();
    }
}
