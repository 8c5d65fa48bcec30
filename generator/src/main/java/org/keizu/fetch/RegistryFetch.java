package org.keizu.fetch;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.keizu.load.Loaded;
import org.keizu.load.LoadedSnapshot;
import org.keizu.model.Model;
import org.keizu.model.WeightsFingerprint;
import org.keizu.registry.Registry;

/**
 * Fetches snapshots for models of the registry, or checks them against upstream. Each model is
 * handled on its own: one model's failure is reported and the others go on.
 *
 * <pre>
 *   FetchReport report = new RegistryFetch(registry, dataDir, fetcher, weightsFetcher).fetch(List.of("rakuten-ai-3.0"), "2026-11-29", err::println);
 * </pre>
 */
public final class RegistryFetch {
    /**
     * The outcome for one model: a line for the reader, and whether it failed or found a change.
     */
    public record Outcome(String model, String message, boolean failed, boolean changed) {}

    private final Registry registry;
    private final Path dataDir;
    private final SnapshotFetcher fetcher;
    private final WeightsFetcher weights;

    public RegistryFetch(
            Registry registry, Path dataDir, SnapshotFetcher fetcher, WeightsFetcher weights) {
        this.registry = registry;
        this.dataDir = dataDir;
        this.fetcher = fetcher;
        this.weights = weights;
    }

    /**
     * How many of the detector's candidates {@code --weights} fingerprints besides the declared
     * bases.
     */
    static final int DETECTED_BASES = 3;

    /**
     * The models {@code --weights} fingerprints for these: each, then its declared bases, then the
     * detector's best candidates whose shapes allow the weights to be shared (E2 or above); each
     * once, and only those with a hub repository.
     */
    public List<String> withBases(List<String> ids, org.keizu.lineage.DetectionIndex detection) {
        java.util.LinkedHashSet<String> all = new java.util.LinkedHashSet<>();
        for (String id : ids) {
            all.add(id);
            Optional<Model> model = registry.model(id);
            if (model.isEmpty()) {
                continue;
            }
            model.get().lineage().forEach(l -> all.add(l.base()));
            detection.candidates(id).stream()
                    .filter(c -> c.grade().atLeast(org.keizu.model.Grade.E2))
                    .limit(DETECTED_BASES)
                    .forEach(c -> all.add(c.base()));
        }
        return all.stream()
                .filter(
                        id ->
                                ids.contains(id)
                                        || registry.model(id)
                                                .map(m -> m.hub() != null)
                                                .orElse(false))
                .toList();
    }

    /**
     * Fetches each model's snapshot as {@link #fetch} does, then a weights fingerprint at the
     * snapshot's commit, written beside it. A model whose weights cannot be read keeps its snapshot
     * and reports why.
     */
    public List<Outcome> fetchWeights(
            List<String> ids, String retrieved, Consumer<String> progress) {
        return each(
                ids,
                (id, model) -> {
                    Fetched fetched = fetchSnapshot(model, retrieved, progress);
                    WeightsFingerprint fingerprint =
                            weights.fetch(fetched.revision(), retrieved, progress);
                    boolean written = WeightsWriter.write(fetched.written().folder(), fingerprint);
                    return new Outcome(
                            id,
                            (written ? "wrote weights of " : "already had the weights of ")
                                    + fetched.snapshot().id()
                                    + ": "
                                    + fingerprint.tensors().size()
                                    + " tensors sampled from "
                                    + fingerprint.shards().size()
                                    + " files, "
                                    + fingerprint.downloaded()
                                    + " bytes downloaded",
                            false,
                            written || fetched.written().created());
                });
    }

    /** One model's work: its outcome, or an exception whose message becomes a failed one. */
    private interface PerModel {
        Outcome run(String id, Loaded<Model> model) throws IOException;
    }

    /**
     * Runs {@code work} for each model that exists and names a hub repository, one after another;
     * one model's failure is its outcome, and the others go on.
     */
    private List<Outcome> each(List<String> ids, PerModel work) {
        List<Outcome> outcomes = new ArrayList<>();
        for (String id : ids) {
            Optional<Loaded<Model>> model = withHub(id, outcomes);
            if (model.isEmpty()) {
                continue;
            }
            try {
                outcomes.add(work.run(id, model.get()));
            } catch (FetchException | IOException e) {
                outcomes.add(new Outcome(id, e.getMessage(), true, false));
            }
        }
        return outcomes;
    }

    private record Fetched(
            org.keizu.model.Snapshot snapshot,
            HubRevision revision,
            SnapshotWriter.Written written) {}

    private Fetched fetchSnapshot(Loaded<Model> model, String retrieved, Consumer<String> progress)
            throws IOException {
        Model m = model.record();
        String revision = m.hub().revision() != null ? m.hub().revision() : "main";
        FetchedSnapshot fetched = fetcher.fetch(m.hub().repo(), revision, retrieved, progress);
        SnapshotWriter.Written written =
                new SnapshotWriter(dataDir.resolve("snapshots")).write(fetched);
        RecordSnapshotLink.set(model.source().file(), fetched.snapshot().id());
        return new Fetched(fetched.snapshot(), fetched.revision(), written);
    }

    /** Models with a hub repository: what {@code --all} means. */
    public List<String> fetchable() {
        return registry.models().stream()
                .map(Loaded::record)
                .filter(m -> m.hub() != null)
                .map(Model::id)
                .toList();
    }

    /**
     * Fetches each model at its pinned revision (or the hub's main), writes the snapshot and links
     * the record to it.
     */
    public List<Outcome> fetch(List<String> ids, String retrieved, Consumer<String> progress) {
        return each(
                ids,
                (id, model) -> {
                    Fetched fetched = fetchSnapshot(model, retrieved, progress);
                    return new Outcome(
                            id,
                            (fetched.written().created() ? "wrote " : "already had ")
                                    + fetched.snapshot().id(),
                            false,
                            fetched.written().created());
                });
    }

    /**
     * Re-fetches each model's latest upstream files and reports what changed since its stored
     * snapshot; writes nothing.
     */
    public List<Outcome> check(List<String> ids, String retrieved, Consumer<String> progress) {
        return each(
                ids,
                (id, model) -> {
                    Model m = model.record();
                    Optional<LoadedSnapshot> stored =
                            m.snapshot() == null
                                    ? Optional.empty()
                                    : registry.snapshot(m.snapshot());
                    FetchedSnapshot upstream =
                            fetcher.fetch(m.hub().repo(), "main", retrieved, progress);
                    if (stored.isEmpty()) {
                        return new Outcome(
                                id,
                                "no stored snapshot; upstream is at " + upstream.snapshot().id(),
                                false,
                                true);
                    }
                    List<String> changes =
                            UpstreamChanges.between(stored.get().snapshot(), upstream.snapshot());
                    return new Outcome(
                            id,
                            changes.isEmpty()
                                    ? "unchanged since " + stored.get().id()
                                    : "changed upstream since "
                                            + stored.get().id()
                                            + ": "
                                            + String.join("; ", changes),
                            false,
                            !changes.isEmpty());
                });
    }

    /**
     * The model, when it exists and names a hub repository; otherwise an outcome saying why not.
     */
    private Optional<Loaded<Model>> withHub(String id, List<Outcome> outcomes) {
        Optional<Loaded<Model>> model =
                registry.models().stream().filter(l -> l.record().id().equals(id)).findFirst();
        if (model.isEmpty() || model.get().record().hub() == null) {
            outcomes.add(
                    new Outcome(
                            id,
                            model.isEmpty()
                                    ? "no such model in the registry"
                                    : "the record names no hub repository",
                            true,
                            false));
            return Optional.empty();
        }
        return model;
    }
}
