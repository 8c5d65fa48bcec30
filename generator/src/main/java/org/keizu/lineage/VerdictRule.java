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
 * Computes a model's verdict and headline from its claims, lineage and disputes. The rules, in
 * order:
 *
 * <ol>
 *   <li>an open dispute: <em>contested</em>;
 *   <li>a derivation of the weights (fine-tune, continued pre-training, distillation): against a
 *       from-scratch claim, <em>claim refuted</em> at E3 or more and <em>contested</em> below; else
 *       <em>consistent</em> when the makers named the base by the release date (or on an unknown
 *       date, if they made no other claim at release), <em>disclosed after the fact</em> when they
 *       named it only later, <em>undisclosed derivation</em> when never;
 *   <li>a reused component or tokenizer: <em>component reuse</em>;
 *   <li>an upheld dispute: <em>claim refuted</em>; disputes all rebutted or withdrawn:
 *       <em>cleared</em>;
 *   <li>no claims recorded: <em>not examined</em>; otherwise <em>no base found</em>.
 * </ol>
 *
 * An architecture-only link never leads to a derivation verdict.
 */
public final class VerdictRule {

    /**
     * The verdict, the base it concerns (if any), the headline as phrases of the bundle, and
     * whether the lineage link it rests on is marked uncertain (the site then says so next to the
     * verdict).
     */
    public record Finding(
            Verdict verdict, Optional<String> baseId, List<Phrase> headline, boolean uncertain) {
        public Finding {
            headline = List.copyOf(headline);
        }

        Finding(Verdict verdict, Optional<String> baseId, Phrase... headline) {
            this(verdict, baseId, List.of(headline), false);
        }

        Finding restingOn(LineageLink link) {
            return new Finding(verdict, baseId, headline, link.uncertain() != null);
        }
    }

    private final Map<String, Model> models;

    /**
     * @param models every model by id, to name bases in headlines
     */
    public VerdictRule(Map<String, Model> models) {
        this.models = Map.copyOf(models);
    }

    public Finding judge(Model model) {
        Finding finding = decide(model);
        return finding.baseId()
                .flatMap(
                        base ->
                                model.lineage().stream()
                                        .filter(l -> l.base().equals(base))
                                        .findFirst())
                .map(finding::restingOn)
                .orElse(finding);
    }

    private Finding decide(Model model) {
        List<LineageLink> derivations =
                model.lineage().stream()
                        .filter(l -> l.relation().derivesWeights())
                        .sorted(Comparator.comparing(LineageLink::grade).reversed())
                        .toList();
        Optional<Dispute> open =
                model.disputes().stream()
                        .filter(d -> d.status() == Dispute.Status.OPEN)
                        .findFirst();
        if (open.isPresent()) {
            Optional<String> base = Optional.ofNullable(open.get().base());
            // A dispute over a model whose only recorded tie to the base is its architecture must
            // not
            // read as a dispute over the weights: the headline says what the evidence reaches.
            boolean architectureOnly =
                    base.isPresent()
                            && model.lineage().stream()
                                    .anyMatch(
                                            l ->
                                                    l.base().equals(base.get())
                                                            && l.relation()
                                                                    == Relation.ARCHITECTURE_ONLY);
            return new Finding(
                    Verdict.CONTESTED,
                    base,
                    base.map(
                                    b ->
                                            Phrase.of(
                                                    architectureOnly
                                                            ? "headline_contested_architecture"
                                                            : "headline_contested_base",
                                                    name(b)))
                            .orElse(Phrase.of("headline_contested")));
        }
        if (!derivations.isEmpty()) {
            LineageLink strongest = derivations.get(0);
            String base = name(strongest.base());
            boolean claimedFromScratch =
                    model.claims().stream().anyMatch(c -> c.kind() == ClaimKind.FROM_SCRATCH);
            if (claimedFromScratch) {
                return strongest.grade().atLeast(Grade.E3)
                        ? new Finding(
                                Verdict.CLAIM_REFUTED,
                                Optional.of(strongest.base()),
                                Phrase.of("headline_refuted", base))
                        : new Finding(
                                Verdict.CONTESTED,
                                Optional.of(strongest.base()),
                                Phrase.of("headline_contested_shape", base));
            }
            List<Claim> disclosures =
                    model.claims().stream()
                            .filter(c -> c.kind() == ClaimKind.NAMES_BASE)
                            .filter(
                                    c ->
                                            c.base() == null
                                                    || derivations.stream()
                                                            .anyMatch(
                                                                    d -> d.base().equals(c.base())))
                            .toList();
            if (disclosures.isEmpty()) {
                return new Finding(
                        Verdict.UNDISCLOSED_DERIVATION,
                        Optional.of(strongest.base()),
                        Phrase.of("headline_undisclosed", base));
            }
            if (disclosedByRelease(model, disclosures)) {
                return new Finding(
                        Verdict.CONSISTENT,
                        Optional.of(strongest.base()),
                        Phrase.of("headline_consistent", base));
            }
            return new Finding(
                    Verdict.DISCLOSED_AFTER_THE_FACT,
                    Optional.of(strongest.base()),
                    Phrase.of("headline_after_the_fact", base));
        }
        Optional<LineageLink> component =
                model.lineage().stream()
                        .filter(
                                l ->
                                        l.relation() == Relation.COMPONENT
                                                || l.relation() == Relation.TOKENIZER)
                        .max(Comparator.comparing(LineageLink::grade));
        if (component.isPresent()) {
            LineageLink link = component.get();
            Phrase headline =
                    link.relation() == Relation.TOKENIZER
                            ? Phrase.of("headline_tokenizer", name(link.base()))
                            : link.component() != null
                                    ? Phrase.of(
                                            "headline_component",
                                            link.component(),
                                            name(link.base()))
                                    : Phrase.of("headline_component_unnamed", name(link.base()));
            return new Finding(Verdict.COMPONENT_REUSE, Optional.of(link.base()), headline);
        }
        Optional<Dispute> upheld =
                model.disputes().stream()
                        .filter(d -> d.status() == Dispute.Status.UPHELD)
                        .findFirst();
        if (upheld.isPresent()) {
            return new Finding(
                    Verdict.CLAIM_REFUTED,
                    Optional.ofNullable(upheld.get().base()),
                    Phrase.of("headline_upheld"));
        }
        Optional<Phrase> architecture =
                model.lineage().stream()
                        .filter(l -> l.relation() == Relation.ARCHITECTURE_ONLY)
                        .map(l -> Phrase.of("headline_architecture", name(l.base())))
                        .findFirst();
        if (!model.disputes().isEmpty()) {
            Dispute first = model.disputes().get(0);
            Phrase cleared =
                    first.base() == null
                            ? Phrase.of("headline_cleared_unnamed", first.status().term())
                            : Phrase.of(
                                    "headline_cleared", name(first.base()), first.status().term());
            return new Finding(
                    Verdict.CLEARED,
                    Optional.ofNullable(first.base()),
                    with(cleared, architecture));
        }
        if (model.claims().isEmpty()) {
            return new Finding(
                    Verdict.NOT_EXAMINED,
                    Optional.empty(),
                    with(Phrase.of("headline_not_examined"), architecture));
        }
        return new Finding(
                Verdict.NO_BASE_FOUND,
                Optional.empty(),
                with(Phrase.of("headline_no_base"), architecture));
    }

    private static Phrase[] with(Phrase first, Optional<Phrase> then) {
        return then.map(t -> new Phrase[] {first, t}).orElse(new Phrase[] {first});
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
        boolean datedByRelease =
                disclosures.stream()
                        .map(c -> PartialDate.parse(c.date()))
                        .anyMatch(d -> d.isPresent() && d.get().notAfter(released.get()));
        if (datedByRelease) {
            return true;
        }
        boolean undated = disclosures.stream().anyMatch(c -> c.date() == null);
        boolean saidOtherwiseAtRelease =
                model.claims().stream()
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
