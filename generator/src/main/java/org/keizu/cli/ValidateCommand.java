package org.keizu.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.keizu.RegistryBuild;
import org.keizu.diagnostic.Finding;
import org.keizu.diagnostic.FindingFormat;
import org.keizu.diagnostic.Findings;
import org.keizu.load.RecordKind;
import org.keizu.registry.Registry;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code keizu validate}: checks every record and prints every finding, sorted. */
@Command(
        name = "validate",
        mixinStandardHelpOptions = true,
        description =
                "Check every record under the data folder. Exit 0 when there is no error, 1 otherwise.")
final class ValidateCommand implements Callable<Integer> {
    @Mixin CommonOptions common;

    @Option(
            names = "--format",
            defaultValue = "text",
            description =
                    "text (file:line:column: ...) or github (workflow annotations). Default: ${DEFAULT-VALUE}.")
    String format;

    @Option(
            names = "--list-checks",
            description = "Print every check's code, name and rule, then exit.")
    boolean listChecks;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (listChecks) {
            for (org.keizu.diagnostic.Check check : org.keizu.diagnostic.Check.values()) {
                spec.commandLine()
                        .getOut()
                        .println(check.code() + " " + check.kebabName() + ": " + check.rule());
            }
            return 0;
        }
        FindingFormat findingFormat =
                switch (format) {
                    case "text" -> FindingFormat.TEXT;
                    case "github" -> FindingFormat.GITHUB;
                    default ->
                            throw new CommandLine.ParameterException(
                                    spec.commandLine(),
                                    "--format is text or github, not \"" + format + "\"");
                };
        RegistryBuild.Checked checked =
                new RegistryBuild(common.options(spec.commandLine())).check();
        Registry registry = checked.registry();
        return report(
                checked.findings(),
                findingFormat,
                spec.commandLine().getOut(),
                spec.commandLine().getErr(),
                "checked "
                        + Counted.of(registry.parsed(RecordKind.MODEL).size(), "model")
                        + ", "
                        + Counted.of(
                                registry.parsed(RecordKind.ORGANISATION).size(), "organisation")
                        + ", "
                        + Counted.of(registry.parsed(RecordKind.PROGRAMME).size(), "programme")
                        + " and "
                        + Counted.of(registry.snapshots().size(), "snapshot"));
    }

    /** Prints findings to out and a one-line summary to err; returns the exit code. */
    static int report(Findings findings, FindingFormat format, PrintWriter out, PrintWriter err) {
        return report(findings, format, out, err, "");
    }

    /**
     * As {@link #report(Findings, FindingFormat, PrintWriter, PrintWriter)}, the summary starting
     * with what was done ("checked 78 models, ...: 0 errors, 0 warnings").
     */
    static int report(
            Findings findings,
            FindingFormat format,
            PrintWriter out,
            PrintWriter err,
            String done) {
        for (Finding finding : findings.sorted()) {
            out.println(format.format(finding));
        }
        String counts =
                Counted.of(findings.errorCount(), "error")
                        + ", "
                        + Counted.of(findings.warningCount(), "warning");
        err.println(done.isEmpty() ? counts : done + ": " + counts);
        return findings.hasErrors() ? 1 : 0;
    }
}
