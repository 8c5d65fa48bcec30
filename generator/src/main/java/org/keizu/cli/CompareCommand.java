package org.keizu.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.keizu.compare.RegistrySummary;
import org.keizu.compare.VerdictChanges;
import org.keizu.diagnostic.FindingFormat;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code keizu compare OLD NEW}: what a change does to verdicts, from the {@code
 * data/registry.json} of the site built before it and the one built after it, as Markdown for a
 * pull request's summary. Reads no data folder, no git history and no network.
 */
@Command(
        name = "compare",
        mixinStandardHelpOptions = true,
        description =
                "Compare two built sites' data/registry.json and print, as Markdown, the models"
                        + " added and removed and each verdict or grade that changed.")
final class CompareCommand implements Callable<Integer> {
    @Parameters(
            index = "0",
            paramLabel = "OLD-registry.json",
            description = "The registry.json built before the change.")
    Path before;

    @Parameters(
            index = "1",
            paramLabel = "NEW-registry.json",
            description = "The registry.json built after the change.")
    Path after;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        RegistrySummary old;
        RegistrySummary now;
        try {
            old = RegistrySummary.read(before);
            now = RegistrySummary.read(after);
        } catch (RegistrySummary.Malformed e) {
            spec.commandLine()
                    .getErr()
                    .println("keizu compare: " + FindingFormat.printable(e.getMessage()));
            return 1;
        }
        VerdictChanges changes = VerdictChanges.of(old, now);
        spec.commandLine().getOut().print(changes.markdown());
        spec.commandLine()
                .getErr()
                .println(
                        "compared "
                                + Counted.of(old.models().size(), "model")
                                + " with "
                                + now.models().size()
                                + ": "
                                + changes.added().size()
                                + " added, "
                                + changes.removed().size()
                                + " removed, "
                                + changes.changed().size()
                                + " with a new verdict or grade");
        return 0;
    }
}
