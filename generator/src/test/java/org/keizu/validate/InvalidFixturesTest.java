package org.keizu.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.keizu.TestRegistries;
import org.keizu.diagnostic.Check;
import org.keizu.diagnostic.Finding;

/**
 * Each file in {@code fixtures/invalid/} is named after the one check it must trigger ({@code
 * REF-002--unknown-base.yaml}); its first line says where it goes in the valid fixture registry,
 * and the lines marked {@code # expect} are where the findings must point.
 */
class InvalidFixturesTest {
    private static final Path INVALID = TestRegistries.FIXTURES.resolve("invalid");
    private static final Pattern TARGET = Pattern.compile("# fixture: (\\S+)");
    private static final Pattern ID = Pattern.compile("(?m)^id: ([^\\s#]+)");

    static Stream<Path> fixtures() throws IOException {
        try (Stream<Path> files = Files.list(INVALID)) {
            return files.sorted().toList().stream();
        }
    }

    @Test
    void theValidFixtureRegistryHasNoFindings(@TempDir Path root) {
        TestRegistries.validFixture(root);
        assertEquals(List.of(), TestRegistries.validate(root).sorted());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void yieldsExactlyItsCheckAtTheMarkedLines(Path fixture, @TempDir Path root)
            throws IOException {
        String name = fixture.getFileName().toString();
        Check expected =
                Check.byCode(name.substring(0, name.indexOf("--")))
                        .orElseThrow(
                                () ->
                                        new AssertionError(
                                                "fixture "
                                                        + name
                                                        + " is not named after a check code"));
        assertTrue(
                name.contains("--" + expected.kebabName()),
                "name it " + expected.code() + "--" + expected.kebabName());
        byte[] bytes = Files.readAllBytes(fixture);
        String text = new String(bytes, StandardCharsets.ISO_8859_1); // header and ids are ASCII
        Matcher target = TARGET.matcher(text);
        assertTrue(target.find(), "first line must say '# fixture: models/<file>'");
        Matcher id = ID.matcher(text);
        String relative = target.group(1).replace("{id}", id.find() ? id.group(1) : "unnamed");
        TestRegistries.validFixture(root);
        Files.write(root.resolve("data").resolve(relative), bytes);

        List<Finding> findings = TestRegistries.validate(root).sorted();

        Set<Integer> expectedLines = markedLines(text);
        assertFalse(expectedLines.isEmpty(), "mark the expected lines with '# expect'");
        assertEquals(
                Set.of(expected),
                findings.stream().map(Finding::check).collect(Collectors.toSet()),
                () -> "findings: " + findings);
        assertEquals(
                expectedLines,
                findings.stream().map(Finding::line).collect(Collectors.toCollection(TreeSet::new)),
                () -> "findings: " + findings);
        assertTrue(
                findings.stream().allMatch(f -> f.file().equals("data/" + relative)),
                () -> "findings: " + findings);
    }

    @Test
    void everyCheckHasAnInvalidFixture() throws IOException {
        // LOAD-007, LOAD-011 and LOAD-012 need files a fixture cannot be (huge, misnamed, a link):
        // RecordParserTest
        // and RecordFilesTest cover them. SNAP-001 to SNAP-003 concern snapshot folders:
        // SnapshotCheckTest covers them.
        // SITE-001 concerns a prose page, not a record: SiteBuildTest covers it.
        // SITE-002 concerns a translation's message bundle: TranslationsTest covers it.
        // LIN-006 needs two records naming each other: LineageCycleTest covers it.
        // SNAP-006 concerns a weights.json: SnapshotCheckTest covers it. LIN-007 needs weights
        // fingerprints fetched from a hub: WeightsEvidenceSiteTest covers it.
        // HIST-001 and HIST-002 concern the git history: RecordHistoryTest and RecordVersionsTest.
        Set<Check> covered = new TreeSet<>();
        for (Path fixture : fixtures().toList()) {
            String name = fixture.getFileName().toString();
            Check.byCode(name.substring(0, name.indexOf("--"))).ifPresent(covered::add);
        }
        List<Check> missing = new ArrayList<>(Arrays.asList(Check.values()));
        missing.removeAll(covered);
        missing.removeAll(
                List.of(
                        Check.LOAD_007,
                        Check.LOAD_011,
                        Check.LOAD_012,
                        Check.SCHEMA_006,
                        Check.SNAP_001,
                        Check.SNAP_002,
                        Check.SNAP_003,
                        Check.SNAP_006,
                        Check.LIN_006,
                        Check.LIN_007,
                        Check.HIST_001,
                        Check.HIST_002,
                        Check.SITE_001,
                        Check.SITE_002));
        assertEquals(List.of(), missing);
    }

    private static Set<Integer> markedLines(String text) {
        Set<Integer> lines = new TreeSet<>();
        String[] all = text.split("\n", -1);
        for (int i = 0; i < all.length; i++) {
            if (all[i].contains("# expect")) {
                lines.add(i + 1);
            }
        }
        return lines;
    }
}
