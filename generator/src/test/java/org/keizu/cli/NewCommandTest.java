package org.keizu.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.keizu.TestRegistries;

/**
 * {@code keizu new} through the command line, on a copy of the valid fixture registry: skeletons
 * that validate reports field by field until they are filled in, refusals that write nothing, and
 * source entries added without disturbing the rest of a record.
 */
class NewCommandTest {
    private static final Pattern FINDING =
            Pattern.compile("(?m)^(\\S+?):(\\d+):(\\d+): error \\[(\\S+) [^\\]]+\\] (.*)$");

    @Test
    void writesASkeletonOfEachKindWhereItBelongs(@TempDir Path root) throws IOException {
        Path data = TestRegistries.validFixture(root);
        for (String kind : new String[] {"model", "organisation", "programme"}) {
            Cli cli = Cli.run("new", kind, "fresh-" + kind, "--data", data.toString());
            assertEquals(0, cli.exitCode(), cli.err());
            Path file = data.resolve(kind + "s/fresh-" + kind + ".yaml");
            assertEquals(
                    "wrote "
                            + file.toAbsolutePath()
                            + ": fill the fields marked TODO, then run keizu validate\n",
                    cli.err().replace(System.lineSeparator(), "\n"));
            String text = Files.readString(file);
            assertTrue(
                    text.startsWith(
                            "# yaml-language-server: $schema=../schema/" + kind + ".schema.json\n"),
                    text);
            assertTrue(text.contains("\nid: fresh-" + kind + " "), text);
            for (String line : text.lines().toList()) {
                if (!line.isBlank() && !line.stripLeading().startsWith("#")) {
                    assertTrue(line.contains("#"), "every field says what goes there: " + line);
                }
            }
        }
    }

    @Test
    void validateReportsEveryUnfilledFieldAtItsLineAndColumn(@TempDir Path root)
            throws IOException {
        Path data = TestRegistries.validFixture(root);
        for (String kind : new String[] {"model", "organisation", "programme"}) {
            assertEquals(
                    0, Cli.run("new", kind, "blank-" + kind, "--data", data.toString()).exitCode());
        }
        Cli validate = Cli.run("validate", "--data", data.toString());
        assertEquals(1, validate.exitCode(), validate.out());
        assertTrue(validate.err().contains(" errors, "), validate.err());
        for (String kind : new String[] {"model", "organisation", "programme"}) {
            Path file = data.resolve(kind + "s/blank-" + kind + ".yaml");
            List<String> expected = new ArrayList<>();
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (line.contains("# TODO ") && !line.stripLeading().startsWith("#")) {
                    expected.add((i + 1) + ":" + (line.indexOf(": ~") + 3));
                }
            }
            List<String> found = new ArrayList<>();
            Matcher m = FINDING.matcher(validate.out());
            while (m.find()) {
                if (m.group(1).endsWith("blank-" + kind + ".yaml")) {
                    found.add(m.group(2) + ":" + m.group(3));
                    assertTrue(
                            m.group(5).contains("still to fill in")
                                    || m.group(5).contains("is null; allowed:"),
                            m.group());
                }
            }
            assertFalse(expected.isEmpty());
            assertEquals(expected, found, validate.out());
        }
        assertTrue(
                validate.out()
                        .contains("blank-model.yaml:7:7: error [SCHEMA-003 wrong-type] \"name\""),
                validate.out());
    }

    @Test
    void aModelSkeletonFilledInWithValidValuesValidates(@TempDir Path root) throws IOException {
        Path data = TestRegistries.validFixture(root);
        Cli cli =
                Cli.run(
                        "new",
                        "model",
                        "kestrel-7b",
                        "--name",
                        "Kestrel 7B",
                        "--organisation",
                        "national-co",
                        "--programme",
                        "fixture-programme",
                        "--country",
                        "jp",
                        "--data",
                        data.toString());
        assertEquals(0, cli.exitCode(), cli.err());
        Path file = data.resolve("models/kestrel-7b.yaml");
        String text = Files.readString(file);
        assertTrue(text.contains("\nname: Kestrel 7B "), text);
        assertTrue(text.contains("\norganisation: national-co "), text);
        assertTrue(text.contains("\nprogramme: fixture-programme "), text);
        assertTrue(text.contains("\ncountry: JP "), text);
        assertFalse(text.contains("\nname: Kestrel 7B  # TODO"), "a filled field is no TODO");
        String filled =
                fill(
                        text,
                        "reviewed: ~",
                        "reviewed: 2026-11-29",
                        "  text: ~",
                        "  text: Kestrel 7B is a fixture model.",
                        "    text: ~",
                        "    text: Kestrel 7B is our model.",
                        "  source: ~",
                        "  source: kestrel-card",
                        "  - kind: ~",
                        "  - kind: vague",
                        "    quote: ~",
                        "    quote: We built Kestrel 7B.",
                        "    language: ~",
                        "    language: en",
                        "    source: ~",
                        "    source: kestrel-card",
                        "  - id: ~",
                        "  - id: kestrel-card",
                        "    title: ~",
                        "    title: \"[Kestrel 7B model card]\"",
                        "    url: ~",
                        "    url: https://example.org/kestrel-7b",
                        "    language: ~",
                        "    language: en");
        Files.writeString(file, filled);
        Cli validate = Cli.run("validate", "--data", data.toString());
        assertEquals(0, validate.exitCode(), validate.out() + validate.err());
        assertEquals("", validate.out());
    }

    @Test
    void namesAreWrittenSoThatTheyReadBackAsWritten(@TempDir Path root) throws IOException {
        Path data = TestRegistries.validFixture(root);
        Cli.run("new", "organisation", "year-lab", "--name", "2025", "--data", data.toString());
        Cli.run("new", "organisation", "hash-lab", "--name", "A: B # C", "--data", data.toString());
        Cli.run(
                "new",
                "organisation",
                "no-lab",
                "--name",
                "no",
                "--country",
                "NO",
                "--data",
                data.toString());
        assertTrue(
                Files.readString(data.resolve("organisations/year-lab.yaml"))
                        .contains("\nname: \"2025\" "));
        assertTrue(
                Files.readString(data.resolve("organisations/hash-lab.yaml"))
                        .contains("\nname: \"A: B # C\" "));
        String no = Files.readString(data.resolve("organisations/no-lab.yaml"));
        // YAML 1.1 readers (some editors) take no and NO for false: quoted, they read as text
        // everywhere, as Keizu's YAML 1.2 reader also takes them.
        assertTrue(no.contains("\nname: \"no\" ") && no.contains("\ncountry: \"NO\" "), no);
    }

    @Test
    void refusesBadExistingReservedAndUnknownIdsWritingNothing(@TempDir Path root)
            throws IOException {
        Path data = TestRegistries.validFixture(root);
        Path national = data.resolve("models/national-model.yaml");
        Files.writeString(
                national,
                Files.readString(national)
                        .replace(
                                "name: National Model\n",
                                "name: National Model\nformer_ids: [old-national]\n"));
        Map<String, String> before = contents(root);
        refused(
                "the id \"Bad_Id\" must be lower-case letters, digits, '-' and single '.' between"
                        + " them, at most 64 characters",
                "new",
                "model",
                "Bad_Id",
                "--data",
                data.toString());
        refused(
                "must be lower-case letters",
                "new",
                "model",
                "../escape",
                "--data",
                data.toString());
        refused(
                "the id \"Fresh-Model\" must be lower-case letters, digits, '-' and single '.'"
                        + " between them, at most 64 characters (did you mean \"fresh-model\"?)",
                "new",
                "model",
                "Fresh-Model",
                "--data",
                data.toString());
        refused(
                "model \"Base-Model\" exists already: ",
                "new",
                "model",
                "Base-Model",
                "--data",
                data.toString());
        refused(
                "organisation \"NATIONAL-CO\" exists already: ",
                "new",
                "organisation",
                "NATIONAL-CO",
                "--data",
                data.toString());
        refused(
                "model \"old-national\" is a former id of ",
                "new",
                "model",
                "old-national",
                "--data",
                data.toString());
        refused(
                "the id \"index\" is a reserved name",
                "new",
                "model",
                "index",
                "--data",
                data.toString());
        refused(
                "the id \"sitemap.xml\" is a reserved name",
                "new",
                "programme",
                "sitemap.xml",
                "--data",
                data.toString());
        refused(
                "no organisation \"natonal-co\" in ",
                "new",
                "model",
                "fine-model",
                "--organisation",
                "natonal-co",
                "--data",
                data.toString());
        refused(
                " (did you mean \"national-co\"?); keizu new organisation natonal-co adds one",
                "new",
                "model",
                "fine-model",
                "--organisation",
                "natonal-co",
                "--data",
                data.toString());
        refused(
                "no programme \"fixture-programm\" in ",
                "new",
                "model",
                "fine-model",
                "--programme",
                "fixture-programm",
                "--data",
                data.toString());
        refused(
                "--country takes an ISO 3166-1 alpha-2 code",
                "new",
                "model",
                "fine-model",
                "--country",
                "Japan",
                "--data",
                data.toString());
        refused(
                "--name holds a control, bidi or invisible character",
                "new",
                "model",
                "fine-model",
                "--name",
                "Evil\u202eName",
                "--data",
                data.toString());
        assertEquals(before, contents(root), "a refusal writes nothing");
    }

    @Test
    void neverOverwritesAFileTheRegistryDoesNotRead(@TempDir Path root) throws IOException {
        Path data = TestRegistries.validFixture(root);
        Path target = root.resolve("outside.txt");
        Files.writeString(target, "keep me\n");
        Files.createSymbolicLink(data.resolve("models/ghost.yaml"), target);
        refused("exists already", "new", "model", "ghost", "--data", data.toString());
        assertEquals("keep me\n", Files.readString(target));
    }

    @Test
    void addsASourceAtTheEndOfTheSourcesListKeepingTheRest(@TempDir Path root) throws IOException {
        Path data = TestRegistries.validFixture(root);
        Path file = data.resolve("models/national-model.yaml");
        String before = Files.readString(file);
        Cli cli =
                Cli.run("new", "source", "national-model", "press-2025", "--data", data.toString());
        assertEquals(0, cli.exitCode(), cli.err());
        String after = Files.readString(file);
        int at = before.indexOf("corrections:\n");
        assertTrue(after.startsWith(before.substring(0, at)), after);
        assertTrue(after.endsWith(before.substring(at)), after);
        String entry = after.substring(at, after.length() - (before.length() - at));
        assertTrue(entry.startsWith("  - id: press-2025 "), entry);
        assertTrue(entry.contains("\n    title: ~ "), entry);
        int line = before.substring(0, at).split("\n", -1).length;
        assertTrue(
                cli.err().contains("added source \"press-2025\" to ")
                        && cli.err().contains("national-model.yaml at line " + line + ":"),
                cli.err());

        Cli unfilled = Cli.run("validate", "--data", data.toString());
        assertEquals(1, unfilled.exitCode());
        // One run shows the three values to fill and, from the same pass, that nothing cites it.
        assertEquals(4, count(unfilled.out(), "national-model.yaml:"), unfilled.out());
        assertTrue(unfilled.out().contains("[REF-005 unused-source]"), unfilled.out());
        assertTrue(
                unfilled.out()
                        .contains(
                                "national-model.yaml:"
                                        + (line + 1)
                                        + ":12: error [SCHEMA-003 wrong-type] \"sources.2.title\""),
                unfilled.out());

        Files.writeString(
                file,
                fill(
                        after,
                        "    title: ~",
                        "    title: \"[Press release]\"",
                        "    url: ~",
                        "    url: https://example.org/press",
                        "    language: ~",
                        "    language: en"));
        Cli unused = Cli.run("validate", "--data", data.toString());
        assertEquals(1, unused.exitCode());
        assertEquals(
                List.of(
                        "national-model.yaml:"
                                + line
                                + ":9: error [REF-005 unused-source] source \"press-2025\" is listed"
                                + " but no fact cites it; cite it or remove it"),
                unused.out()
                        .lines()
                        .map(l -> l.substring(l.indexOf("national-model.yaml")))
                        .toList());

        String filled = Files.readString(file);
        refused(
                "source \"press-2025\" is already listed, at line " + line,
                "new",
                "source",
                "national-model",
                "press-2025",
                "--data",
                data.toString());
        refused(
                "source \"card\" is already listed",
                "new",
                "source",
                "national-model",
                "card",
                "--data",
                data.toString());
        refused(
                "the source id \"Card\" must be lower-case",
                "new",
                "source",
                "national-model",
                "Card",
                "--data",
                data.toString());
        assertEquals(filled, Files.readString(file));
    }

    @Test
    void addsASourceToAListAtColumnOneBeforeATrailingComment(@TempDir Path root)
            throws IOException {
        Path data = TestRegistries.validFixture(root);
        Path file = data.resolve("models/base-model.yaml");
        String before =
                Files.readString(file)
                                .replace("  - id: card\n", "- id: card   # the card\n")
                                .replace("    title: ", "  title: ")
                                .replace("    url: ", "  url: ")
                                .replace(
                                        "    language: en\n",
                                        "  language: en\n\n  # more to come\n")
                        + "# corrections follow\ncorrections: []\n";
        Files.writeString(file, before);
        Cli cli = Cli.run("new", "source", "base-model", "paper", "--data", data.toString());
        assertEquals(0, cli.exitCode(), cli.err());
        String after = Files.readString(file);
        String head = before.substring(0, before.indexOf("# corrections follow"));
        assertTrue(after.startsWith(head + "- id: paper "), after);
        assertTrue(after.contains("\n  title: ~ "), after);
        assertTrue(after.endsWith("# corrections follow\ncorrections: []\n"), after);
        Cli validate = Cli.run("validate", "--data", data.toString());
        assertTrue(validate.out().contains("\"sources.1.title\""), validate.out());
    }

    @Test
    void refusesAModelWithoutSourcesOrUnknownWritingNothing(@TempDir Path root) throws IOException {
        Path data = TestRegistries.validFixture(root);
        Files.writeString(data.resolve("models/bare.yaml"), "id: bare\nname: Bare\n");
        Files.writeString(
                data.resolve("models/flow.yaml"),
                "id: flow\nsources: [{id: a, title: A, url: https://example.org, language: en}]\n");
        Map<String, String> before = contents(root);
        refused(
                "was left as it was: it has no top-level sources: list to add to",
                "new",
                "source",
                "bare",
                "card",
                "--data",
                data.toString());
        refused(
                "not written as a block list",
                "new",
                "source",
                "flow",
                "card",
                "--data",
                data.toString());
        refused(
                "no model \"natonal-model\" in ",
                "new",
                "source",
                "natonal-model",
                "card",
                "--data",
                data.toString());
        refused(
                "no model \"natonal-model\" in "
                        + data.resolve("models")
                        + " (did you mean \"national-model\"?)",
                "new",
                "source",
                "natonal-model",
                "card",
                "--data",
                data.toString());
        assertEquals(before, contents(root));
    }

    @Test
    void helpAndUsage() {
        assertEquals(0, Cli.run("new", "--help").exitCode());
        Cli help = Cli.run("new", "model", "--help");
        assertEquals(0, help.exitCode());
        assertTrue(help.out().contains("Usage: keizu new model"), help.out());
        assertTrue(help.out().contains("--organisation"), help.out());
        assertEquals(2, Cli.run("new").exitCode());
        assertEquals(2, Cli.run("new", "model").exitCode());
        assertEquals(2, Cli.run("new", "source", "national-model").exitCode());
    }

    /** Runs a command that must be refused: exit 1, one line on stderr, nothing on stdout. */
    private static void refused(String expected, String... args) {
        Cli cli = Cli.run(args);
        assertEquals(1, cli.exitCode(), cli.err());
        assertEquals("", cli.out());
        assertEquals(1, cli.err().lines().count(), cli.err());
        assertTrue(cli.err().startsWith("keizu new: "), cli.err());
        assertTrue(cli.err().contains(expected), cli.err());
    }

    /** Replaces each {@code old} (the start of a line, up to its comment) with its {@code new}. */
    private static String fill(String text, String... pairs) {
        String out = text;
        for (int i = 0; i < pairs.length; i += 2) {
            String old = pairs[i];
            Matcher m = Pattern.compile("(?m)^" + Pattern.quote(old) + " +#.*$").matcher(out);
            assertTrue(m.find(), "no line " + old);
            out = out.substring(0, m.start()) + pairs[i + 1] + out.substring(m.end());
        }
        return out;
    }

    private static int count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }

    private static Map<String, String> contents(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.toList()) {
                files.put(
                        root.relativize(path).toString(),
                        Files.isRegularFile(path)
                                ? new String(Files.readAllBytes(path), StandardCharsets.UTF_8)
                                : "<folder>");
            }
        }
        return files;
    }
}
