package org.keizu.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Callable;
import org.keizu.RegistryLoad;
import org.keizu.diagnostic.Findings;
import org.keizu.fetch.FetchException;
import org.keizu.fetch.FetchPolicy;
import org.keizu.fetch.HubClient;
import org.keizu.fetch.RegistryFetch;
import org.keizu.fetch.SnapshotFetcher;
import org.keizu.fetch.WeightsFetcher;
import org.keizu.lineage.DetectionIndex;
import org.keizu.model.PartialDate;
import org.keizu.registry.Registry;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code keizu fetch}: takes pinned snapshots of models' files from the Hub, or with {@code
 * --check} reports what changed upstream without writing. The only command that uses the network or
 * the clock.
 */
@Command(
        name = "fetch",
        mixinStandardHelpOptions = true,
        description =
                "Fetch snapshots of models' files from the hub, or --check what changed upstream.")
final class FetchCommand implements Callable<Integer> {
    @Mixin CommonOptions common;

    @Parameters(paramLabel = "MODEL-ID", arity = "0..*", description = "Models to fetch.")
    List<String> ids = List.of();

    @Option(names = "--all", description = "Every model whose record names a hub repository.")
    boolean all;

    @Option(
            names = "--hub",
            defaultValue = "https://huggingface.co",
            description = "The hub's base URL, https only (default: ${DEFAULT-VALUE}).")
    URI hub;

    @Option(
            names = "--check",
            description = "Report what changed upstream since the stored snapshot; write nothing.")
    boolean check;

    @Option(
            names = "--weights",
            description =
                    "Also fingerprint the weights of each model and of its declared and detected"
                            + " bases: every normalisation vector and 16 embedding rows, read by"
                            + " range requests (a few hundred kilobytes per model, never a whole"
                            + " file).")
    boolean weights;

    @Option(
            names = "--retrieved",
            paramLabel = "YYYY-MM-DD",
            description = "The retrieval date to record (default: today, UTC).")
    String retrieved;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (check && weights) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "--check and --weights do not go together");
        }
        if (all == !ids.isEmpty()) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "name model ids, or give --all (not both)");
        }
        FetchPolicy policy;
        try {
            policy = FetchPolicy.forHub(hub);
        } catch (FetchException e) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "--hub: " + e.getMessage());
        }
        String date = retrieved != null ? retrieved : LocalDate.now(ZoneOffset.UTC).toString();
        if (PartialDate.parse(date).filter(d -> d.day() > 0).isEmpty()) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "--retrieved takes a date YYYY-MM-DD");
        }
        var options = common.options(spec.commandLine());
        Findings findings = new Findings();
        Registry registry = new RegistryLoad(options.dataDir(), options.workingDir()).run(findings);
        HubClient client = new HubClient(policy);
        RegistryFetch fetch =
                new RegistryFetch(
                        registry,
                        options.dataDir(),
                        new SnapshotFetcher(client, policy),
                        new WeightsFetcher(client, policy));
        List<String> chosen = all ? fetch.fetchable() : ids;
        if (weights) {
            return report(
                    fetch.fetchWeights(
                            fetch.withBases(chosen, DetectionIndex.of(registry)),
                            date,
                            Progress.to(spec.commandLine().getErr())),
                    spec.commandLine().getOut(),
                    spec.commandLine().getErr());
        }
        return report(
                check
                        ? fetch.check(chosen, date, Progress.to(spec.commandLine().getErr()))
                        : fetch.fetch(chosen, date, Progress.to(spec.commandLine().getErr())),
                spec.commandLine().getOut(),
                spec.commandLine().getErr());
    }

    /**
     * One line per model; exit 1 when any failed, or (with --check) when anything changed upstream.
     */
    int report(List<RegistryFetch.Outcome> outcomes, PrintWriter out, PrintWriter err) {
        boolean bad = false;
        int failed = 0;
        int changed = 0;
        for (RegistryFetch.Outcome o : outcomes) {
            out.println(
                    (o.failed() ? "error: " : o.changed() && check ? "changed: " : "ok: ")
                            + o.model()
                            + ": "
                            + o.message());
            bad |= o.failed() || (check && o.changed());
            failed += o.failed() ? 1 : 0;
            changed += !o.failed() && o.changed() ? 1 : 0;
        }
        int ok = outcomes.size() - failed;
        err.println(
                check
                        ? "checked "
                                + Counted.of(outcomes.size(), "model")
                                + " upstream: "
                                + changed
                                + " changed, "
                                + (ok - changed)
                                + " unchanged, "
                                + failed
                                + " failed; nothing was written"
                        : "fetched "
                                + ok
                                + " of "
                                + Counted.of(outcomes.size(), "model")
                                + " ("
                                + changed
                                + " with new files)"
                                + (failed > 0 ? ", " + failed + " failed" : ""));
        return bad ? 1 : 0;
    }
}
