package org.keizu.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.keizu.load.RecordFiles;
import org.keizu.load.RecordKind;
import org.keizu.load.RecordMapper;
import org.keizu.load.RecordParser;
import org.keizu.validate.IdentityCheck;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code keizu new source MODEL-ID SOURCE-ID}: a commented source entry inserted at the end of a
 * model's {@code sources} list ({@link SourceInsertion}), the rest of the file left as it was.
 */
@Command(
        name = "source",
        mixinStandardHelpOptions = true,
        description =
                "Add a commented source entry at the end of a model's sources list, keeping the"
                        + " rest of the file as it is.")
final class NewSourceCommand implements Callable<Integer> {
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
        } catch (NewCommand.Refusal e) {
            err.println("keizu new: " + e.getMessage());
            return 1;
        }
    }

    private String add(Path data) throws NewCommand.Refusal, IOException {
        if (!IdentityCheck.ID.matcher(sourceId).matches()) {
            throw new NewCommand.Refusal(
                    "the source id \""
                            + sourceId
                            + "\" must be lower-case letters, digits, '-' and single '.'"
                            + " between them, at most 64 characters, e.g. hf-card");
        }
        Path file = modelFile(data);
        String shown = RecordFiles.display(file, Path.of(""));
        byte[] bytes = RecordFiles.readCapped(file, RecordMapper.MAX_FILE_BYTES);
        RecordParser.ParseResult parsed =
                new RecordParser(new RecordMapper()).parse(RecordKind.MODEL, file, shown, bytes);
        if (parsed.record().isEmpty()) {
            throw new NewCommand.Refusal(
                    shown + " does not read as a record; run keizu validate and fix it first");
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        SourceInsertion.Inserted inserted;
        try {
            inserted = SourceInsertion.insert(parsed.record().get(), text, sourceId);
        } catch (SourceInsertion.Refused e) {
            throw new NewCommand.Refusal(shown + " was left as it was: " + e.getMessage());
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

    private Path modelFile(Path data) throws NewCommand.Refusal {
        Optional<String> problem = IdentityCheck.problem(modelId);
        if (problem.isPresent()) {
            throw new NewCommand.Refusal(
                    "the model id \""
                            + modelId
                            + "\" "
                            + problem.get()
                            + ExistingIds.read(data, RecordKind.MODEL).hint(modelId));
        }
        Path folder = data.resolve(RecordKind.MODEL.folder());
        for (String extension : new String[] {".yaml", ".yml"}) {
            Path file = folder.resolve(modelId + extension);
            if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                return file;
            }
        }
        if (Files.exists(folder.resolve(modelId + ".json"))) {
            throw new NewCommand.Refusal(
                    "the model "
                            + modelId
                            + " is a JSON file; add the source to its sources list by hand");
        }
        throw new NewCommand.Refusal(
                "no model \""
                        + modelId
                        + "\" in "
                        + RecordFiles.display(folder, Path.of(""))
                        + ExistingIds.read(data, RecordKind.MODEL).hint(modelId));
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
