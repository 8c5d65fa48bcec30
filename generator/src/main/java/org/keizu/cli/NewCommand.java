package org.keizu.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.keizu.load.RecordFiles;
import org.keizu.load.RecordKind;
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
            NewSourceCommand.class
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
            ExistingIds existing = ExistingIds.read(data, kind);
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
                        ExistingIds.read(data, RecordKind.ORGANISATION).named(organisation));
            }
            if (programme != null) {
                values.put(
                        "programme", ExistingIds.read(data, RecordKind.PROGRAMME).named(programme));
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

    static String noun(RecordKind kind) {
        return switch (kind) {
            case MODEL -> "model";
            case ORGANISATION -> "organisation";
            case PROGRAMME -> "programme";
            case SNAPSHOT -> "snapshot";
            case WEIGHTS -> "weights fingerprint";
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
}
