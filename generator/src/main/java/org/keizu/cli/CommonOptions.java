package org.keizu.cli;

import java.nio.file.Path;
import java.util.Optional;
import org.keizu.RegistryBuild;
import org.keizu.model.PartialDate;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** Options every command shares: where the data and templates are, and the dataset's date. */
final class CommonOptions {
    @Option(
            names = "--data",
            defaultValue = "data",
            description = "The registry's data folder (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(
            names = "--templates",
            defaultValue = "templates",
            description = "The templates folder (default: ${DEFAULT-VALUE}).")
    Path templateDir;

    @Option(
            names = "--as-of",
            paramLabel = "YYYY-MM-DD",
            description =
                    "The dataset's date; no record may be reviewed after it. Default: the date of the commit the data is at.")
    String asOf;

    RegistryBuild.Options options(CommandLine commandLine) {
        Optional<PartialDate> date = Optional.empty();
        if (asOf != null) {
            date = PartialDate.parse(asOf);
            if (date.isEmpty()) {
                throw new CommandLine.ParameterException(
                        commandLine, "--as-of takes a real date, not \"" + asOf + "\"");
            }
        }
        if (!dataDir.toFile().isDirectory()) {
            throw new CommandLine.ParameterException(
                    commandLine,
                    "no data folder at "
                            + dataDir
                            + "; run from the repository root or give --data");
        }
        return new RegistryBuild.Options(dataDir, templateDir, Path.of(""), date);
    }
}
