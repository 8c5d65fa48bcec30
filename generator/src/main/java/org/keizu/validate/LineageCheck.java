package org.keizu.validate;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.keizu.diagnostic.Check;
import org.keizu.diagnostic.Finding;
import org.keizu.load.Loaded;
import org.keizu.load.Registry;
import org.keizu.model.Claim;
import org.keizu.model.ClaimKind;
import org.keizu.model.Grade;
import org.keizu.model.LineageLink;
import org.keizu.model.Model;
import org.keizu.model.Relation;

/**
 * Keeps the registry's central distinction in the data: a shared architecture class is grade E1
 * and relation architecture-only, never a derivation; reusing a base's weights or files needs
 * evidence of grade E2 or more.
 */
public final class LineageCheck implements RegistryCheck {

    @Override
    public void check(Registry registry, Consumer<Finding> out) {
        for (Loaded<Model> loaded : registry.models()) {
            List<LineageLink> lineage = loaded.record().lineage();
            Set<String> bases = new HashSet<>();
            for (int i = 0; i < lineage.size(); i++) {
                LineageLink link = lineage.get(i);
                String at = "/lineage/" + i;
                if (link.relation() == Relation.ARCHITECTURE_ONLY && link.grade() != Grade.E1) {
                    out.accept(Finding.error(loaded.file(), loaded.at(at + "/grade"), Check.LIN_001,
                            "architecture-only is grade E1 (same architecture class only), not " + link.grade()
                                    + "; if the weights or files were reused, say which relation"));
                } else if (link.relation().reusesArtefacts() && !link.grade().atLeast(Grade.E2)) {
                    out.accept(Finding.error(loaded.file(), loaded.at(at + "/grade"), Check.LIN_001,
                            link.relation().term() + " needs evidence of grade E2 or more; at " + link.grade()
                                    + " the finding is architecture-only"));
                }
                if (!bases.add(link.base())) {
                    out.accept(Finding.error(loaded.file(), loaded.at(at + "/base"), Check.LIN_002,
                            "base \"" + link.base() + "\" has a lineage entry already; put all its evidence in one"));
                }
            }
            List<Claim> claims = loaded.record().claims();
            for (int i = 0; i < claims.size(); i++) {
                Claim claim = claims.get(i);
                boolean namesOne = claim.kind() == ClaimKind.NAMES_BASE || claim.kind() == ClaimKind.NAMES_ARCHITECTURE;
                if (namesOne && claim.base() == null) {
                    out.accept(Finding.warning(loaded.file(), loaded.at("/claims/" + i + "/kind"), Check.LIN_003,
                            "a " + claim.kind().term() + " claim should say which base it names (base: <model id>)"));
                }
            }
        }
    }
}
