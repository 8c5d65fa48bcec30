package org.keizu.lineage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.keizu.model.Claim;
import org.keizu.model.ClaimKind;
import org.keizu.model.Dispute;
import org.keizu.model.Grade;
import org.keizu.model.LineageLink;
import org.keizu.model.Model;
import org.keizu.model.Relation;
import org.keizu.model.TestModels;

/**
 * The verdict rule as a specification table: the smallest record that reaches each verdict by each
 * branch of {@link VerdictRule}, with the reason the case exists. The real records cannot do this
 * (two verdicts never occur in them); these cases pin the rule itself.
 */
class VerdictSpecTest {
    private static final Map<String, Model> BASES =
            Map.of("base", model("base", null).build(), "other", model("other", null).build());

    /** A minimal record under construction. */
    private static final class Spec {
        final String id;
        final String released;
        final List<Claim> claims = new ArrayList<>();
        final List<LineageLink> lineage = new ArrayList<>();
        final List<Dispute> disputes = new ArrayList<>();

        Spec(String id, String released) {
            this.id = id;
            this.released = released;
        }

        Spec claim(ClaimKind kind, String base, String date) {
            claims.add(
                    new Claim(
                            kind, base, "quoted", "en", null, null, date, null, null, "card",
                            null));
            return this;
        }

        Spec link(String base, Relation relation, Grade grade) {
            return link(base, relation, grade, null, null);
        }

        Spec link(String base, Relation relation, Grade grade, String component, String uncertain) {
            lineage.add(new LineageLink(base, relation, grade, component, uncertain, List.of()));
            return this;
        }

        Spec dispute(String base, Dispute.Status status) {
            disputes.add(
                    new Dispute(
                            base,
                            "alleged",
                            "critics",
                            "2025-06-01",
                            status,
                            null,
                            "card",
                            List.of(),
                            null));
            return this;
        }

        Model build() {
            return TestModels.model(id)
                    .released(released)
                    .claims(claims)
                    .lineage(lineage)
                    .disputes(disputes)
                    .build();
        }
    }

    private static Spec model(String id, String released) {
        return new Spec(id, released);
    }

    private static Arguments row(
            String why, Spec spec, Verdict verdict, String base, String headlineKey) {
        return Arguments.of(why, spec.build(), verdict, Optional.ofNullable(base), headlineKey);
    }

    static Stream<Arguments> table() {
        Relation cpt = Relation.CONTINUED_PRETRAINING;
        return Stream.of(
                row(
                        "an open dispute outranks everything, even a disclosed derivation",
                        model("m", "2025-03-01")
                                .claim(ClaimKind.NAMES_BASE, "base", "2025-03-01")
                                .link("base", cpt, Grade.E4)
                                .dispute("base", Dispute.Status.OPEN),
                        Verdict.CONTESTED,
                        "base",
                        "headline_contested_base"),
                row(
                        "an open dispute that names no base",
                        model("m", null)
                                .claim(ClaimKind.VAGUE, null, null)
                                .dispute(null, Dispute.Status.OPEN),
                        Verdict.CONTESTED,
                        null,
                        "headline_contested"),
                row(
                        "an open dispute where the record shows only a shared architecture is not worded as one about weights",
                        model("m", null)
                                .claim(ClaimKind.FROM_SCRATCH, null, null)
                                .link("base", Relation.ARCHITECTURE_ONLY, Grade.E1)
                                .dispute("base", Dispute.Status.OPEN),
                        Verdict.CONTESTED,
                        "base",
                        "headline_contested_architecture"),
                row(
                        "a derivation at E3 against a from-scratch claim refutes the claim",
                        model("m", null)
                                .claim(ClaimKind.FROM_SCRATCH, null, null)
                                .link("base", Relation.FINE_TUNE, Grade.E3),
                        Verdict.CLAIM_REFUTED,
                        "base",
                        "headline_refuted"),
                row(
                        "at E2 (shape only) the same is contested, not refuted",
                        model("m", null)
                                .claim(ClaimKind.FROM_SCRATCH, null, null)
                                .link("base", Relation.FINE_TUNE, Grade.E2),
                        Verdict.CONTESTED,
                        "base",
                        "headline_contested_shape"),
                row(
                        "a derivation its makers never named",
                        model("m", "2025-03-01")
                                .claim(ClaimKind.VAGUE, null, "2025-03-01")
                                .link("base", cpt, Grade.E4),
                        Verdict.UNDISCLOSED_DERIVATION,
                        "base",
                        "headline_undisclosed"),
                row(
                        "naming another base does not disclose this one",
                        model("m", "2025-03-01")
                                .claim(ClaimKind.NAMES_BASE, "other", "2025-03-01")
                                .link("base", cpt, Grade.E4),
                        Verdict.UNDISCLOSED_DERIVATION,
                        "base",
                        "headline_undisclosed"),
                row(
                        "named on release day",
                        model("m", "2025-03-01")
                                .claim(ClaimKind.NAMES_BASE, "base", "2025-03-01")
                                .link("base", cpt, Grade.E4),
                        Verdict.CONSISTENT,
                        "base",
                        "headline_consistent"),
                row(
                        "named a day after release",
                        model("m", "2025-03-01")
                                .claim(ClaimKind.NAMES_BASE, "base", "2025-03-02")
                                .link("base", cpt, Grade.E4),
                        Verdict.DISCLOSED_AFTER_THE_FACT,
                        "base",
                        "headline_after_the_fact"),
                row(
                        "a disclosure dated to the month of release may be that day: benefit of the doubt",
                        model("m", "2025-03-17")
                                .claim(ClaimKind.NAMES_BASE, "base", "2025-03")
                                .link("base", cpt, Grade.E4),
                        Verdict.CONSISTENT,
                        "base",
                        "headline_consistent"),
                row(
                        "a release known only to the month: a disclosure later that month may be on time",
                        model("m", "2025-03")
                                .claim(ClaimKind.NAMES_BASE, "base", "2025-03-20")
                                .link("base", cpt, Grade.E4),
                        Verdict.CONSISTENT,
                        "base",
                        "headline_consistent"),
                row(
                        "a disclosure the month after release is late",
                        model("m", "2025-03-17")
                                .claim(ClaimKind.NAMES_BASE, "base", "2025-04")
                                .link("base", cpt, Grade.E4),
                        Verdict.DISCLOSED_AFTER_THE_FACT,
                        "base",
                        "headline_after_the_fact"),
                row(
                        "an undated disclosure counts when the makers said nothing else at release",
                        model("m", "2025-03-01")
                                .claim(ClaimKind.NAMES_BASE, "base", null)
                                .link("base", cpt, Grade.E4),
                        Verdict.CONSISTENT,
                        "base",
                        "headline_consistent"),
                row(
                        "an undated disclosure does not count when the makers said something else at release",
                        model("m", "2025-03-01")
                                .claim(ClaimKind.VAGUE, null, "2025-03-01")
                                .claim(ClaimKind.NAMES_BASE, "base", null)
                                .link("base", cpt, Grade.E4),
                        Verdict.DISCLOSED_AFTER_THE_FACT,
                        "base",
                        "headline_after_the_fact"),
                row(
                        "with no release date, any disclosure is consistent",
                        model("m", null)
                                .claim(ClaimKind.NAMES_BASE, "base", "2030-01-01")
                                .link("base", cpt, Grade.E4),
                        Verdict.CONSISTENT,
                        "base",
                        "headline_consistent"),
                row(
                        "a disclosure that names no base id still discloses the derivation",
                        model("m", null)
                                .claim(ClaimKind.NAMES_BASE, null, null)
                                .link("base", Relation.DISTILLATION, Grade.E4),
                        Verdict.CONSISTENT,
                        "base",
                        "headline_consistent"),
                row(
                        "of two derivations, the verdict rests on the stronger",
                        model("m", null)
                                .claim(ClaimKind.NAMES_BASE, null, null)
                                .link("other", Relation.FINE_TUNE, Grade.E2)
                                .link("base", cpt, Grade.E4),
                        Verdict.CONSISTENT,
                        "base",
                        "headline_consistent"),
                row(
                        "a reused component with its name",
                        model("m", null)
                                .claim(ClaimKind.VAGUE, null, null)
                                .link("base", Relation.COMPONENT, Grade.E4, "vision encoder", null),
                        Verdict.COMPONENT_REUSE,
                        "base",
                        "headline_component"),
                row(
                        "a reused component without a name",
                        model("m", null)
                                .claim(ClaimKind.VAGUE, null, null)
                                .link("base", Relation.COMPONENT, Grade.E3),
                        Verdict.COMPONENT_REUSE,
                        "base",
                        "headline_component_unnamed"),
                row(
                        "a reused tokenizer",
                        model("m", null)
                                .claim(ClaimKind.VAGUE, null, null)
                                .link("base", Relation.TOKENIZER, Grade.E3),
                        Verdict.COMPONENT_REUSE,
                        "base",
                        "headline_tokenizer"),
                row(
                        "an upheld dispute with no recorded derivation refutes the claim",
                        model("m", null)
                                .claim(ClaimKind.FROM_SCRATCH, null, null)
                                .dispute("base", Dispute.Status.UPHELD),
                        Verdict.CLAIM_REFUTED,
                        "base",
                        "headline_upheld"),
                row(
                        "a rebutted dispute clears the model",
                        model("m", null)
                                .claim(ClaimKind.FROM_SCRATCH, null, null)
                                .link("base", Relation.ARCHITECTURE_ONLY, Grade.E1)
                                .dispute("base", Dispute.Status.REBUTTED),
                        Verdict.CLEARED,
                        "base",
                        "headline_cleared"),
                row(
                        "a withdrawn dispute that named no base",
                        model("m", null)
                                .claim(ClaimKind.FROM_SCRATCH, null, null)
                                .dispute(null, Dispute.Status.WITHDRAWN),
                        Verdict.CLEARED,
                        null,
                        "headline_cleared_unnamed"),
                row(
                        "no claims recorded: the registry has not examined it",
                        model("m", null),
                        Verdict.NOT_EXAMINED,
                        null,
                        "headline_not_examined"),
                row(
                        "a from-scratch claim with only a shared architecture is never a derivation",
                        model("m", null)
                                .claim(ClaimKind.FROM_SCRATCH, null, null)
                                .link("base", Relation.ARCHITECTURE_ONLY, Grade.E1),
                        Verdict.NO_BASE_FOUND,
                        null,
                        "headline_no_base"),
                row(
                        "claims and no lineage",
                        model("m", null).claim(ClaimKind.VAGUE, null, null),
                        Verdict.NO_BASE_FOUND,
                        null,
                        "headline_no_base"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void decides(
            String why, Model model, Verdict verdict, Optional<String> base, String headlineKey) {
        VerdictRule.Finding finding = new VerdictRule(BASES).judge(model);
        assertEquals(verdict, finding.verdict(), why);
        assertEquals(base, finding.baseId(), why);
        assertEquals(headlineKey, finding.headline().get(0).key(), why);
    }

    @ParameterizedTest(name = "uncertain link: {0}")
    @MethodSource("table")
    void saysWhenTheLinkItRestsOnIsUncertain(
            String why, Model model, Verdict verdict, Optional<String> base, String key) {
        if (base.isEmpty()
                || model.lineage().stream().noneMatch(l -> l.base().equals(base.get()))) {
            return; // rests on no lineage link
        }
        List<LineageLink> uncertain =
                model.lineage().stream()
                        .map(
                                l ->
                                        l.base().equals(base.get())
                                                ? new LineageLink(
                                                        l.base(),
                                                        l.relation(),
                                                        l.grade(),
                                                        l.component(),
                                                        "thin",
                                                        l.evidence())
                                                : l)
                        .toList();
        Model marked =
                new Model(
                        model.id(),
                        model.name(),
                        null,
                        null,
                        null,
                        "org",
                        "JP",
                        null,
                        model.released(),
                        model.reviewed(),
                        null,
                        null,
                        null,
                        null,
                        null,
                        model.claims(),
                        uncertain,
                        model.disputes(),
                        null,
                        null,
                        null,
                        null,
                        null);
        assertEquals(true, new VerdictRule(BASES).judge(marked).uncertain(), why);
        assertEquals(false, new VerdictRule(BASES).judge(model).uncertain(), why);
    }
}
