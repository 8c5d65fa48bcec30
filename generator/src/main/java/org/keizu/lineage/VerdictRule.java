package org.keizu.lineage;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.keizu.model.Claim;
import org.keizu.model.ClaimKind;
import org.keizu.model.Dispute;
import org.keizu.model.Grade;
import org.keizu.model.LineageLink;
import org.keizu.model.Model;
import org.keizu.model.PartialDate;
import org.keizu.model.Relation;

/**
 * Computes a model's verdict and headline from its claims, lineage and disputes. The rules, in order:
 * <ol>
 * <li>an open dispute: <em>contested</em>;</li>
 * <li>a derivation of the weights (fine-tune, continued pre-training, distillation): against a
 *     from-scratch claim, <em>claim refuted</em> at E3 or more and <em>contested</em> below; else
 *     <em>consistent</em> when the makers named the base by the release date (or on an unknown date, if
 *     they made no other claim at release), <em>disclosed after the fact</em> when they named it only
 *     later, <em>undisclosed derivation</em> when never;</li>
 * <li>a reused component or tokenizer: <em>component reuse</em>;</li>
 * <li>an upheld dispute: <em>claim refuted</em>; disputes all rebutted or withdrawn: <em>cleared</em>;</li>
 * <li>no claims recorded: <em>not examined</em>; otherwise <em>no base found</em>.</li>
 * </ol>
 * An architecture-only link never leads to a derivation verdict.
 */
public final class VerdictRule {

    /**
     * The verdict, the base it concerns (if any), the headline in plain words, and whether the
     * lineage link it rests on is marked uncertain (the site then says so next to the verdict).
     */
    public record Finding(Verdict verdict, Optional<String> baseId, String headline, boolean uncertain) {
        Finding(Verdict verdict, Optional<String> baseId, String headline) {
            this(verdict, baseId, headline, false);
        }

        Finding restingOn(LineageLink link) {
            return new Finding(verdict, baseId, headline, link.uncertain() != null);
        }
    }

    private final Map<String, Model> models;

    /** @param models every model by id, to name bases in headlines */
    public VerdictRule(Map<String, Model> models) {
        this.models = Map.copyOf(models);
    }

    public Finding judge(Model model) {
        Finding finding = decide(model);
        return finding.baseId().flatMap(base -> model.lineage().stream().filter(l -> l.base().equals(base)).findFirst())
                .map(finding::restingOn).orElse(finding);
    }

    private Finding decide(Model model) {
        List<LineageLink> derivations = model.lineage().stream()
                .filter(l -> l.relation().derivesWeights())
                .sorted(Comparator.comparing(LineageLink::grade).reversed())
                .toList();
        Optional<Dispute> open = model.disputes().stream().filter(d -> d.status() == Dispute.Status.OPEN).findFirst();
        if (open.isPresent()) {
            Optional<String> base = Optional.ofNullable(open.get().base());
            return new Finding(Verdict.CONTESTED, base, base.map(b -> "Whether it derives from " + name(b) + " is disputed")
                    .orElse("Its origin is disputed") + "; both sides are set out below with their dates.");
        }
        if (!derivations.isEmpty()) {
            LineageLink strongest = derivations.get(0);
            String base = name(strongest.base());
            boolean claimedFromScratch = model.claims().stream().anyMatch(c -> c.kind() == ClaimKind.FROM_SCRATCH);
            if (claimedFromScratch) {
                return strongest.grade().atLeast(Grade.E3)
                        ? new Finding(Verdict.CLAIM_REFUTED, Optional.of(strongest.base()),
                                "Presented as built from scratch, but the evidence shows it derives from " + base + ".")
                        : new Finding(Verdict.CONTESTED, Optional.of(strongest.base()),
                                "Presented as built from scratch; its files are shape-compatible with " + base + ", which is not proof.");
            }
            List<Claim> disclosures = model.claims().stream()
                    .filter(c -> c.kind() == ClaimKind.NAMES_BASE)
                    .filter(c -> c.base() == null || derivations.stream().anyMatch(d -> d.base().equals(c.base())))
                    .toList();
            if (disclosures.isEmpty()) {
                return new Finding(Verdict.UNDISCLOSED_DERIVATION, Optional.of(strongest.base()),
                        "The evidence shows it derives from " + base + "; its makers have not said so.");
            }
            if (disclosedByRelease(model, disclosures)) {
                return new Finding(Verdict.CONSISTENT, Optional.of(strongest.base()),
                        "Its makers say it is built on " + base + ", and the evidence agrees.");
            }
            return new Finding(Verdict.DISCLOSED_AFTER_THE_FACT, Optional.of(strongest.base()),
                    "Built on " + base + "; its makers did not say so at release and disclosed it only later.");
        }
        Optional<LineageLink> component = model.lineage().stream()
                .filter(l -> l.relation() == Relation.COMPONENT || l.relation() == Relation.TOKENIZER)
                .max(Comparator.comparing(LineageLink::grade));
        if (component.isPresent()) {
            LineageLink link = component.get();
            String part = link.relation() == Relation.TOKENIZER ? "tokenizer"
                    : link.component() != null ? link.component() : "a component";
            return new Finding(Verdict.COMPONENT_REUSE, Optional.of(link.base()),
                    "Reuses " + (part.equals("tokenizer") ? "the tokenizer" : part) + " of " + name(link.base())
                            + "; the rest is presented as its makers' own.");
        }
        Optional<Dispute> upheld = model.disputes().stream().filter(d -> d.status() == Dispute.Status.UPHELD).findFirst();
        if (upheld.isPresent()) {
            return new Finding(Verdict.CLAIM_REFUTED, Optional.ofNullable(upheld.get().base()),
                    "An allegation about its origin was upheld; see the dispute below.");
        }
        String architecture = model.lineage().stream()
                .filter(l -> l.relation() == Relation.ARCHITECTURE_ONLY)
                .map(l -> " It uses the architecture of " + name(l.base()) + ", which is not a derivation.")
                .findFirst().orElse("");
        if (!model.disputes().isEmpty()) {
            Dispute first = model.disputes().get(0);
            return new Finding(Verdict.CLEARED, Optional.ofNullable(first.base()),
                    "An allegation that it derives from " + (first.base() == null ? "another model" : name(first.base()))
                            + " was " + first.status().term() + "." + architecture);
        }
        if (model.claims().isEmpty()) {
            return new Finding(Verdict.NOT_EXAMINED, Optional.empty(),
                    "The registry has not examined its makers' claims about its origin yet." + architecture);
        }
        return new Finding(Verdict.NO_BASE_FOUND, Optional.empty(),
                "No evidence that it derives from another model." + architecture);
    }

    /**
     * True unless the makers demonstrably said something else first: a disclosure dated no later
     * than the release counts; an undated one counts only when no other claim was made at release.
     */
    private static boolean disclosedByRelease(Model model, List<Claim> disclosures) {
        Optional<PartialDate> released = PartialDate.parse(model.released());
        if (released.isEmpty()) {
            return true;
        }
        boolean datedByRelease = disclosures.stream().map(c -> PartialDate.parse(c.date()))
                .anyMatch(d -> d.isPresent() && d.get().notAfter(released.get()));
        if (datedByRelease) {
            return true;
        }
        boolean undated = disclosures.stream().anyMatch(c -> c.date() == null);
        boolean saidOtherwiseAtRelease = model.claims().stream()
                .filter(c -> c.kind() != ClaimKind.NAMES_BASE)
                .map(c -> PartialDate.parse(c.date()))
                .anyMatch(d -> d.isPresent() && d.get().notAfter(released.get()));
        return undated && !saidOtherwiseAtRelease;
    }

    private String name(String id) {
        Model base = models.get(id);
        return base == null ? id : base.name();
    }
}
