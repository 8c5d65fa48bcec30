package org.keizu.render;

import java.util.List;
import java.util.stream.Collectors;
import org.keizu.lineage.ConfigFields;
import org.keizu.lineage.Tier;

/**
 * Parts of the prose pages that are generated from the tables the code uses, so that the
 * methodology can never list other fields than the detector compares. A prose page asks for one by
 * a line or a phrase of its Markdown:
 *
 * <ul>
 *   <li>{@code {{config-field-tiers}}}: the table of tiers, their fields and what a match means;
 *   <li>{@code {{export-only-fields}}}: the keys dropped before comparing.
 * </ul>
 */
public final class GeneratedProse {
    static final String TIERS = "{{config-field-tiers}}";
    static final String EXPORT_ONLY = "{{export-only-fields}}";

    private final Messages messages;

    public GeneratedProse(Messages messages) {
        this.messages = messages;
    }

    /** The Markdown with every placeholder it contains filled in. */
    public String expand(String markdown) {
        if (!markdown.contains("{{")) {
            return markdown;
        }
        return markdown.replace(TIERS, tierTable())
                .replace(EXPORT_ONLY, code(ConfigFields.exportOnly()));
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
