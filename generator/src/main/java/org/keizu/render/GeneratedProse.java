package org.keizu.render;

import java.util.List;
import java.util.stream.Collectors;
import org.keizu.lineage.ConfigFields;
import org.keizu.lineage.Tier;
import org.keizu.lineage.WeightRule;
import org.keizu.lineage.WeightsComparison;

/**
 * Parts of the prose pages that are generated from the tables the code uses, so that the
 * methodology can never list other fields than the detector compares. A prose page asks for one by
 * a line or a phrase of its Markdown:
 *
 * <ul>
 *   <li>{@code {{config-field-tiers}}}: the table of tiers, their fields and what a match means;
 *   <li>{@code {{export-only-fields}}}: the keys dropped before comparing;
 *   <li>{@code {{weight-findings}}}: what a weights comparison finds, with the thresholds of {@code
 *       data/vocab/weight-findings.yaml}.
 * </ul>
 */
public final class GeneratedProse {
    static final String TIERS = "{{config-field-tiers}}";
    static final String EXPORT_ONLY = "{{export-only-fields}}";

    static final String WEIGHT_FINDINGS = "{{weight-findings}}";

    private final Messages messages;
    private final java.util.Optional<WeightRule> weightRule;
    private final java.util.function.UnaryOperator<String> findingLabel;

    /**
     * @param findingLabel a weights finding's label in the page's language
     */
    public GeneratedProse(
            Messages messages,
            java.util.Optional<WeightRule> weightRule,
            java.util.function.UnaryOperator<String> findingLabel) {
        this.messages = messages;
        this.weightRule = weightRule;
        this.findingLabel = findingLabel;
    }

    /** The Markdown with every placeholder it contains filled in. */
    public String expand(String markdown) {
        if (!markdown.contains("{{")) {
            return markdown;
        }
        String expanded =
                markdown.replace(TIERS, tierTable())
                        .replace(EXPORT_ONLY, code(ConfigFields.exportOnly()));
        // Without the vocabulary's thresholds there is no rule to show; never the placeholder.
        return expanded.replace(WEIGHT_FINDINGS, weightRule.map(this::weightTable).orElse(""));
    }

    /** The findings in the order they are decided, each with its rule and its numbers. */
    private String weightTable(WeightRule rule) {
        StringBuilder table =
                new StringBuilder()
                        .append("| ")
                        .append(messages.format("weights_column_finding"))
                        .append(" | ")
                        .append(messages.format("weights_column_rule"))
                        .append(" |\n|---|---|\n");
        row(
                table,
                WeightsComparison.TOO_FEW,
                messages.format("weights_rule_too_few", Integer.toString(rule.fewestCompared())));
        row(
                table,
                WeightsComparison.IDENTICAL,
                messages.format(
                        "weights_rule_identical",
                        percent(rule.identicalShare()),
                        Integer.toString(rule.identicalAtLeast())));
        row(
                table,
                WeightsComparison.CORRELATED,
                messages.format(
                        "weights_rule_correlated",
                        percent(rule.correlatedShare()),
                        WeightsComparison.format(rule.correlatedR())));
        row(
                table,
                WeightsComparison.INDEPENDENT,
                messages.format(
                        "weights_rule_independent",
                        percent(rule.independentShare()),
                        WeightsComparison.format(rule.independentR())));
        row(table, WeightsComparison.INCONCLUSIVE, messages.format("weights_rule_inconclusive"));
        return table.toString().stripTrailing();
    }

    private void row(StringBuilder table, String finding, String rule) {
        table.append("| ")
                .append(findingLabel.apply(finding))
                .append(" | ")
                .append(rule)
                .append(" |\n");
    }

    private static String percent(double share) {
        return Long.toString(Math.round(share * 100));
    }

    private String tierTable() {
        StringBuilder table =
                new StringBuilder()
                        .append("| ")
                        .append(messages.format("tiers_column_tier"))
                        .append(" | ")
                        .append(messages.format("tiers_column_fields"))
                        .append(" | ")
                        .append(messages.format("tiers_column_meaning"))
                        .append(" |\n|---|---|---|\n");
        for (Tier tier : Tier.values()) {
            List<String> fields = ConfigFields.listed(tier);
            table.append("| ")
                    .append(tier.name())
                    .append(": ")
                    .append(messages.format("tier_label_" + tier.name()))
                    .append(" | ")
                    .append(
                            fields.isEmpty()
                                    ? messages.format("tier_fields_" + tier.name())
                                    : code(fields))
                    .append(" | ")
                    .append(messages.format("tier_meaning_" + tier.name()))
                    .append(" |\n");
        }
        return table.toString().stripTrailing();
    }

    private static String code(List<String> fields) {
        return fields.stream().map(f -> "`" + f + "`").collect(Collectors.joining(", "));
    }
}
