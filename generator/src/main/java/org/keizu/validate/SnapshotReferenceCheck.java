package org.keizu.validate;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.keizu.diagnostic.Check;
import org.keizu.diagnostic.Finding;
import org.keizu.load.Loaded;
import org.keizu.load.LoadedSnapshot;
import org.keizu.model.Evidence;
import org.keizu.model.LineageLink;
import org.keizu.model.Model;
import org.keizu.registry.Registry;

/**
 * Records that point into snapshots point at real ones, and config evidence holds: the value at
 * {@code pointer} in the snapshot's config.json equals {@code equals}. So a claim such as
 * "architectures[0] is DeepseekV3ForCausalLM" is checked on every build, not taken on trust.
 */
public final class SnapshotReferenceCheck implements RegistryCheck {

    @Override
    public void check(Registry registry, Consumer<Finding> out) {
        for (Loaded<Model> loaded : registry.models()) {
            Model model = loaded.record();
            if (model.snapshot() != null && registry.snapshot(model.snapshot()).isEmpty()) {
                out.accept(
                        Finding.error(
                                loaded.file(),
                                loaded.at("/snapshot"),
                                Check.SNAP_004,
                                "snapshot " + model.snapshot() + " is not in data/snapshots/"));
            }
            List<LineageLink> lineage = model.lineage();
            for (int l = 0; l < lineage.size(); l++) {
                List<Evidence> evidence = lineage.get(l).evidence();
                for (int e = 0; e < evidence.size(); e++) {
                    checkEvidence(
                            registry,
                            loaded,
                            evidence.get(e),
                            "/lineage/" + l + "/evidence/" + e,
                            out);
                }
            }
        }
    }

    private static void checkEvidence(
            Registry registry,
            Loaded<Model> loaded,
            Evidence evidence,
            String at,
            Consumer<Finding> out) {
        if (evidence.pointer() == null && evidence.equals() == null) {
            if (evidence.snapshot() != null && registry.snapshot(evidence.snapshot()).isEmpty()) {
                out.accept(
                        Finding.error(
                                loaded.file(),
                                loaded.at(at + "/snapshot"),
                                Check.SNAP_004,
                                "snapshot " + evidence.snapshot() + " is not in data/snapshots/"));
            }
            return;
        }
        if (evidence.pointer() == null || evidence.equals() == null) {
            out.accept(
                    Finding.error(
                            loaded.file(),
                            loaded.at(at),
                            Check.SNAP_005,
                            "config evidence gives both pointer and equals, so the build can check it"));
            return;
        }
        String snapshotId =
                evidence.snapshot() != null ? evidence.snapshot() : loaded.record().snapshot();
        Optional<LoadedSnapshot> snapshot =
                snapshotId == null ? Optional.empty() : registry.snapshot(snapshotId);
        if (snapshot.isEmpty() || snapshot.get().config().isEmpty()) {
            out.accept(
                    Finding.error(
                            loaded.file(),
                            loaded.at(
                                    evidence.snapshot() != null
                                            ? at + "/snapshot"
                                            : at + "/pointer"),
                            Check.SNAP_004,
                            snapshotId == null
                                    ? "pointer needs a snapshot: give snapshot: here or on the record"
                                    : "snapshot "
                                            + snapshotId
                                            + " (with a config.json) is not in data/snapshots/"));
            return;
        }
        if (!snapshot.get().intact()) {
            return; // its bytes fail their hashes: SnapshotCheck reports that, and nothing is read
            // from it
        }
        if (!evidence.pointer().isEmpty() && !evidence.pointer().startsWith("/")) {
            // Jackson would throw on it and stop every check; it is this item's finding instead.
            out.accept(
                    Finding.error(
                            loaded.file(),
                            loaded.at(at + "/pointer"),
                            Check.SNAP_005,
                            "pointer \""
                                    + evidence.pointer()
                                    + "\" must start with '/', as in /architectures/0"));
            return;
        }
        JsonNode found = snapshot.get().config().get().at(evidence.pointer());
        if (found.isMissingNode()) {
            out.accept(
                    Finding.error(
                            loaded.file(),
                            loaded.at(at + "/pointer"),
                            Check.SNAP_005,
                            "pointer "
                                    + evidence.pointer()
                                    + " finds nothing in "
                                    + snapshotId
                                    + "/config.json"));
        } else if (!found.equals(evidence.equals())
                && !(found.isNumber()
                        && evidence.equals().isNumber()
                        && found.decimalValue().compareTo(evidence.equals().decimalValue()) == 0)) {
            out.accept(
                    Finding.error(
                            loaded.file(),
                            loaded.at(at + "/equals"),
                            Check.SNAP_005,
                            "the snapshot has "
                                    + found
                                    + " at "
                                    + evidence.pointer()
                                    + ", not "
                                    + evidence.equals()));
        }
    }
}
