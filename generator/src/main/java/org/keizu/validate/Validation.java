package org.keizu.validate;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.keizu.diagnostic.Finding;
import org.keizu.io.Parallel;
import org.keizu.model.PartialDate;
import org.keizu.registry.Registry;

/**
 * Phase 2, validate: every check of the loaded registry beyond what each file's schema says, in a
 * fixed order. The lineage-against-config check ({@link DetectionCheck}) runs in the analyse phase,
 * on the comparisons the analysis makes once.
 */
public final class Validation {
    private final List<RegistryCheck> checks;

    /**
     * @param asOf the dataset's date, when fixed: nothing may be dated after it
     */
    public Validation(Path dataDir, Path workingDir, Optional<PartialDate> asOf) {
        this.checks =
                List.of(
                        new IdentityCheck(),
                        new ReferenceCheck(),
                        new ValueCheck(ValueCheck.bundledSpdxIds()),
                        new DateOrderCheck(asOf),
                        new LineageCheck(),
                        new SnapshotCheck(dataDir.resolve("snapshots"), workingDir),
                        new SnapshotReferenceCheck(),
                        new PassageCheck(),
                        new LookalikeCheck());
    }

    public void run(Registry registry, Consumer<Finding> out) {
        // The checks only read the registry, so they run at once, on every core; their findings
        // are handed on in the fixed order of the checks.
        List<List<Finding>> found =
                Parallel.map(
                        checks,
                        check -> {
                            List<Finding> findings = new java.util.ArrayList<>();
                            check.check(registry, findings::add);
                            return findings;
                        });
        found.forEach(findings -> findings.forEach(out));
    }
}
