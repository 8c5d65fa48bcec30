package org.keizu.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reads a model record written to an earlier form of the schema as today's schema has it, so that
 * an earlier version of a record can still be shown ({@link RecordVersions}). Each step names the
 * change it undoes; it only moves or retypes what the record said, never adds a fact. Records in
 * the working tree are never upgraded: a contributor writes today's form and is told so.
 *
 * <ul>
 *   <li>Before passages (commit 3905e63): a lineage evidence item quoted its source in {@code
 *       quote}, in the language {@code language}; today that is {@code passage: {text, language}}.
 *       An item with a {@code language} and no quote named the language of its source, which the
 *       source entry now says.
 *   <li>The very first record gave a source's year of publication unquoted ({@code published:
 *       2026}), which YAML reads as a number; today that is the text {@code "2026"}.
 * </ul>
 */
final class RecordUpgrade {
    private RecordUpgrade() {}

    /** A copy of {@code tree} in today's form; the tree itself is left as it was. */
    static JsonNode toCurrent(JsonNode tree) {
        JsonNode copy = tree.deepCopy();
        for (JsonNode link : copy.path("lineage")) {
            for (JsonNode item : link.path("evidence")) {
                if (item instanceof ObjectNode evidence) {
                    quoteToPassage(evidence);
                }
            }
        }
        for (JsonNode source : copy.path("sources")) {
            // Numbers are read as decimals (RecordMapper), so 2026 arrives as 2026 exactly.
            if (source instanceof ObjectNode s
                    && s.path("published").isNumber()
                    && s.get("published").canConvertToExactIntegral()) {
                s.put("published", s.get("published").decimalValue().toBigInteger().toString());
            }
        }
        return copy;
    }

    private static void quoteToPassage(ObjectNode evidence) {
        JsonNode quote = evidence.remove("quote");
        JsonNode language = evidence.remove("language");
        if (quote != null && quote.isTextual() && !evidence.has("passage")) {
            ObjectNode passage = evidence.putObject("passage");
            passage.set("text", quote);
            if (language != null) {
                passage.set("language", language);
            }
        }
    }
}
