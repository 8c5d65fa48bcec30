package org.keizu.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.keizu.load.ParsedRecord;
import org.keizu.load.RecordFiles;
import org.keizu.load.RecordKind;
import org.keizu.load.RecordMapper;
import org.keizu.load.RecordParser;
import org.keizu.model.Countries;
import org.keizu.model.TextPolicy;
import org.keizu.validate.IdentityCheck;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code keizu new}: writes the commented skeleton of a new model, organisation or programme record
 * ({@link Skeleton}), or adds a source entry to a model's sources ({@link SourceInsertion}).
 *
 * <p>It refuses, with one line and exit 1, an id that breaks the id rule ({@link
 * IdentityCheck#problem}), an id its kind already has (ignoring case; for models, also a former
 * id), and a named organisation or programme that is not in the registry. It never overwrites a
 * file, and writes only {@code <data>/<kind folder>/<id>.yaml}, whose name comes from a checked id.
 */
@Command(
        name = "new",
        mixinStandardHelpOptions = true,
        description =
                "Write the commented skeleton of a new record, or add a source entry to a model.",
        subcommands = {
            NewCommand.NewModel.class,
            NewCommand.NewOrganisation.class,
            NewCommand.NewProgramme.class,
            NewCommand.NewSource.class
        })
final class NewCommand implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(
                spec.commandLine(), "name what to add: model, organisation, programme or source");
    }

    /** A refusal: printed as one line, exit 1, nothing written. */
    static final class Refusal extends Exception {
        private static final long serialVersionUID = 1L;

        Refusal(String message) {
            super(message);
        }
    }

    /** What the three record commands share: the id, the data folder, --name and --country. */
    abstract static class RecordCommand implements Callable<Integer> {
        @Mixin CommonOptions common;

        @Parameters(index = "0", paramLabel = "ID", description = "The new record's id.")
        String id;

        @Option(
                names = "--name",
                paramLabel = "NAME",
                description = "Fill in the name, as its makers write it in Latin letters.")
        String name;

        @Option(
                names = "--country",
                paramLabel = "CC",
                description = "Fill in the country, an ISO 3166-1 alpha-2 code such as JP.")
        String country;

        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        abstract RecordKind kind();

        /** Fields this kind fills from its own options, as placeholder key to value. */
        Map<String, String> more(Path data) throws Refusal {
            return Map.of();
        }

        @Override
        public Integer call() throws IOException {
            Path data = common.options(spec.commandLine()).dataDir();
            PrintWriter err = spec.commandLine().getErr();
            try {
                Path written = create(data);
                err.println(
                        "wrote "
                                + RecordFiles.display(written, Path.of(""))
                                + ": fill the fields marked TODO, then run keizu validate");
                return 0;
            } catch (Refusal e) {
                err.println("keizu new: " + e.getMessage());
                return 1;
            }
        }

        private Path create(Path data) throws Refusal, IOException {
            RecordKind kind = kind();
            String noun = noun(kind);
            Existing existing = Existing.read(data, kind);
            String taken = existing.owner(id);
            if (taken != null) {
                throw new Refusal(noun + " \"" + id + "\" " + taken);
            }
            Optional<String> problem = IdentityCheck.problem(id);
            if (problem.isPresent()) {
                String lower = id.toLowerCase(Locale.ROOT);
                throw new Refusal(
                        "the id \""
                                + id
                                + "\" "
                                + problem.get()
                                + (!lower.equals(id) && IdentityCheck.validId(lower)
                                        ? " (did you mean \"" + lower + "\"?)"
                                        : ""));
            }
            Map<String, String> values = new LinkedHashMap<>();
            values.put("id", id);
            if (name != null) {
                values.put("name", checkedName(name));
            }
            if (country != null) {
                values.put("country", checkedCountry(country));
            }
            values.putAll(more(data));
            String text = Skeleton.record(kind, values);
            Path folder = data.resolve(kind.folder());
            if (Files.isSymbolicLink(folder)) {
                throw new Refusal(
                        RecordFiles.display(folder, Path.of(""))
                                + " is a symbolic link; records are written only to a real folder");
            }
            Files.createDirectories(folder);
            Path file = folder.resolve(id + ".yaml");
            try {
                Files.write(
                        file,
                        text.getBytes(StandardCharsets.UTF_8),
                        StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.WRITE);
            } catch (FileAlreadyExistsException e) {
                throw new Refusal(
                        noun
                                + " \""
                                + id
                                + "\" exists already: "
                                + RecordFiles.display(file, Path.of("")));
            }
            return file;
        }
    }

    @Command(
            name = "model",
            mixinStandardHelpOptions = true,
            description = "Write data/models/ID.yaml, a commented skeleton of a model record.")
    static final class NewModel extends RecordCommand {
        @Option(
                names = "--organisation",
                paramLabel = "ID",
                description = "Fill in the maker, an id in data/organisations/.")
        String organisation;

        @Option(
                names = "--programme",
                paramLabel = "ID",
                description = "Fill in the national programme, an id in data/programmes/.")
        String programme;

        @Override
        RecordKind kind() {
            return RecordKind.MODEL;
        }

        @Override
        Map<String, String> more(Path data) throws Refusal {
            Map<String, String> values = new HashMap<>();
            if (organisation != null) {
                values.put(
                        "organisation",
                        Existing.read(data, RecordKind.ORGANISATION).named(organisation));
            }
            if (programme != null) {
                values.put("programme", Existing.read(data, RecordKind.PROGRAMME).named(programme));
            }
            return values;
        }
    }

    @Command(
            name = "organisation",
            mixinStandardHelpOptions = true,
            description =
                    "Write data/organisations/ID.yaml, a commented skeleton of an organisation"
                            + " record.")
    static final class NewOrganisation extends RecordCommand {
        @Override
        RecordKind kind() {
            return RecordKind.ORGANISATION;
        }
    }

    @Command(
            name = "programme",
            mixinStandardHelpOptions = true,
            description =
                    "Write data/programmes/ID.yaml, a commented skeleton of a programme record.")
    static final class NewProgramme extends RecordCommand {
        @Override
        RecordKind kind() {
            return RecordKind.PROGRAMME;
        }
    }

    @Command(
            name = "source",
            mixinStandardHelpOptions = true,
            description =
                    "Add a commented source entry at the end of a model's sources list, keeping the"
                            + " rest of the file as it is.")
    static final class NewSource implements Callable<Integer> {
        @Mixin CommonOptions common;

        @Parameters(index = "0", paramLabel = "MODEL-ID", description = "The model's id.")
        String modelId;

        @Parameters(
                index = "1",
                paramLabel = "SOURCE-ID",
                description = "The new source's id, which facts cite as source: SOURCE-ID.")
        String sourceId;

        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            Path data = common.options(spec.commandLine()).dataDir();
            PrintWriter err = spec.commandLine().getErr();
            try {
                err.println(add(data));
                return 0;
            } catch (Refusal e) {
                err.println("keizu new: " + e.getMessage());
                return 1;
            }
        }

        private String add(Path data) throws Refusal, IOException {
            if (!IdentityCheck.ID.matcher(sourceId).matches()) {
                throw new Refusal(
                        "the source id \""
                                + sourceId
                                + "\" must be lower-case letters, digits, '-' and single '.'"
                                + " between them, at most 64 characters, e.g. hf-card");
            }
            Path file = modelFile(data);
            String shown = RecordFiles.display(file, Path.of(""));
            byte[] bytes = RecordFiles.readCapped(file, RecordMapper.MAX_FILE_BYTES);
            RecordParser.ParseResult parsed =
                    new RecordParser(new RecordMapper())
                            .parse(RecordKind.MODEL, file, shown, bytes);
            if (parsed.record().isEmpty()) {
                throw new Refusal(
                        shown + " does not read as a record; run keizu validate and fix it first");
            }
            String text = new String(bytes, StandardCharsets.UTF_8);
            SourceInsertion.Inserted inserted;
            try {
                inserted = SourceInsertion.insert(parsed.record().get(), text, sourceId);
            } catch (SourceInsertion.Refused e) {
                throw new Refusal(shown + " was left as it was: " + e.getMessage());
            }
            replace(file, inserted.text());
            return "added source \""
                    + sourceId
                    + "\" to "
                    + shown
                    + " at line "
                    + inserted.line()
                    + ": fill the fields marked TODO, cite it from a fact, then run keizu"
                    + " validate";
        }

        private Path modelFile(Path data) throws Refusal {
            Optional<String> problem = IdentityCheck.problem(modelId);
            if (problem.isPresent()) {
                throw new Refusal(
                        "the model id \""
                                + modelId
                                + "\" "
                                + problem.get()
                                + Existing.read(data, RecordKind.MODEL).hint(modelId));
            }
            Path folder = data.resolve(RecordKind.MODEL.folder());
            for (String extension : new String[] {".yaml", ".yml"}) {
                Path file = folder.resolve(modelId + extension);
                if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                    return file;
                }
            }
            if (Files.exists(folder.resolve(modelId + ".json"))) {
                throw new Refusal(
                        "the model "
                                + modelId
                                + " is a JSON file; add the source to its sources list by hand");
            }
            throw new Refusal(
                    "no model \""
                            + modelId
                            + "\" in "
                            + RecordFiles.display(folder, Path.of(""))
                            + Existing.read(data, RecordKind.MODEL).hint(modelId));
        }

        /** Writes the new text beside the file, then moves it over the file in one step. */
        private static void replace(Path file, String text) throws IOException {
            Path temporary =
                    Files.createTempFile(file.getParent(), "." + file.getFileName() + ".", ".new");
            try {
                Files.writeString(temporary, text);
                try {
                    Files.setPosixFilePermissions(temporary, Files.getPosixFilePermissions(file));
                } catch (UnsupportedOperationException e) {
                    // not a POSIX file system: the file keeps the folder's default permissions
                }
                Files.move(
                        temporary,
                        file,
                        StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temporary);
            }
        }
    }

    static String noun(RecordKind kind) {
        return switch (kind) {
            case MODEL -> "model";
            case ORGANISATION -> "organisation";
            case PROGRAMME -> "programme";
            case SNAPSHOT -> "snapshot";
        };
    }

    static String checkedName(String name) throws Refusal {
        String stripped = name.strip();
        if (stripped.isEmpty() || stripped.length() > 300) {
            throw new Refusal("--name takes one line of 1 to 300 characters");
        }
        if (stripped.codePoints().anyMatch(cp -> TextPolicy.hidden(cp, false))) {
            throw new Refusal(
                    "--name holds a control, bidi or invisible character; type the name again");
        }
        return stripped;
    }

    static String checkedCountry(String country) throws Refusal {
        String code = country.strip().toUpperCase(Locale.ROOT);
        if (!code.matches("[A-Z]{2}") || !Countries.isKnown(code)) {
            throw new Refusal(
                    "--country takes an ISO 3166-1 alpha-2 code such as JP, KR or US, not \""
                            + country
                            + "\"");
        }
        return code;
    }

    /**
     * The ids one kind of record already uses: each file's name and the id inside it, and for
     * models each former id, ignoring case. Read from the files themselves, so that a record that
     * does not validate yet (a half-filled skeleton) still holds its id.
     */
    static final class Existing {
        private final RecordKind kind;
        private final Path folder;

        /** Lower-cased id to where it is used, e.g. "data/models/x.yaml". */
        private final Map<String, String> owners = new HashMap<>();

        /** Lower-cased id to the id as written, for records' own ids (not former ids). */
        private final Map<String, String> ids = new HashMap<>();

        private Existing(RecordKind kind, Path folder) {
            this.kind = kind;
            this.folder = folder;
        }

        static Existing read(Path data, RecordKind kind) {
            Existing existing = new Existing(kind, data.resolve(kind.folder()));
            RecordParser parser = new RecordParser(new RecordMapper());
            Path here = Path.of("");
            for (Path file : RecordFiles.list(data, kind, here, finding -> {})) {
                String shown = RecordFiles.display(file, here);
                String stem = file.getFileName().toString().replaceFirst("\\.[^.]*$", "");
                existing.add(stem, shown);
                Optional<ParsedRecord> parsed;
                try {
                    parsed =
                            parser.parse(
                                            kind,
                                            file,
                                            shown,
                                            RecordFiles.readCapped(
                                                    file, RecordMapper.MAX_FILE_BYTES))
                                    .record();
                } catch (IOException e) {
                    continue; // its file name still counts
                }
                if (parsed.isEmpty()) {
                    continue;
                }
                String id = parsed.get().idOrNull();
                if (id != null) {
                    existing.add(id, shown);
                }
                for (var former : parsed.get().tree().path("former_ids")) {
                    if (former.isTextual()) {
                        existing.owners.putIfAbsent(
                                former.asText().toLowerCase(Locale.ROOT),
                                "is a former id of " + shown + ", and its address leads there");
                    }
                }
            }
            return existing;
        }

        private void add(String id, String shown) {
            String key = id.toLowerCase(Locale.ROOT);
            owners.put(key, "exists already: " + shown);
            ids.putIfAbsent(key, id);
        }

        /** How {@code id} is used already, ignoring case ("exists already: ..."), or null. */
        String owner(String id) {
            return owners.get(id.toLowerCase(Locale.ROOT));
        }

        /**
         * {@code id} when a record of this kind has it exactly; else a refusal naming the closest.
         */
        String named(String id) throws Refusal {
            if (ids.containsValue(id)) {
                return id;
            }
            throw new Refusal(
                    "no "
                            + noun(kind)
                            + " \""
                            + id
                            + "\" in "
                            + RecordFiles.display(folder, Path.of(""))
                            + hint(id)
                            + "; keizu new "
                            + noun(kind)
                            + " "
                            + id
                            + " adds one");
        }

        /** {@code (did you mean "x"?)} with the closest id, or nothing when there are none. */
        String hint(String wanted) {
            return ids.values().stream()
                    .min(
                            Comparator.comparingInt((String id) -> distance(wanted, id))
                                    .thenComparing(Comparator.naturalOrder()))
                    .map(id -> " (did you mean \"" + id + "\"?)")
                    .orElse("");
        }
    }

    /** Edit distance (Levenshtein), ignoring case. */
    static int distance(String a, String b) {
        String x = a.toLowerCase(Locale.ROOT);
        String y = b.toLowerCase(Locale.ROOT);
        int[] previous = new int[y.length() + 1];
        int[] current = new int[y.length() + 1];
        for (int j = 0; j <= y.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= x.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= y.length(); j++) {
                int substitution = previous[j - 1] + (x.charAt(i - 1) == y.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[y.length()];
    }
}
