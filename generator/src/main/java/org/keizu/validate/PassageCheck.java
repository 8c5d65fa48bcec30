package org.keizu.validate;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.keizu.diagnostic.Check;
import org.keizu.diagnostic.Finding;
import org.keizu.load.ParsedRecord;
import org.keizu.load.RecordKind;
import org.keizu.registry.Registry;

/**
 * Every fact can be checked without opening its link: lineage evidence, allegations, timeline
 * events and paraphrased statements carry the words of their source that support them ({@code
 * passage}); a summary should. A passage in another language than English carries the registry's
 * translation, so that every reader can follow it.
 *
 * <p>Config evidence that points into a snapshot ({@code snapshot}, {@code pointer}, {@code
 * equals}) needs no passage: the build reads the value from the snapshot's own bytes.
 */
public final class PassageCheck implements RegistryCheck {

    @Override
    public void check(Registry registry, Consumer<Finding> out) {
        for (ParsedRecord loaded : registry.parsed(RecordKind.MODEL)) {
            JsonNode tree = loaded.tree();
            Languages languages = new Languages(tree);
            summary(loaded, tree, languages, out);
            JsonNode lineage = TreeWalk.list(tree.path("lineage"));
            for (int i = 0; i < lineage.size(); i++) {
                JsonNode evidence = TreeWalk.list(lineage.get(i).path("evidence"));
                for (int j = 0; j < evidence.size(); j++) {
                    JsonNode item = evidence.get(j);
                    boolean readFromSnapshot =
                            item.has("snapshot") && item.has("pointer") && item.has("equals");
                    if (!readFromSnapshot) {
                        require(
                                loaded,
                                "/lineage/" + i + "/evidence/" + j,
                                item,
                                "this evidence item",
                                languages,
                                out);
                    }
                }
            }
            JsonNode disputes = TreeWalk.list(tree.path("disputes"));
            for (int i = 0; i < disputes.size(); i++) {
                require(
                        loaded,
                        "/disputes/" + i,
                        disputes.get(i),
                        "this allegation",
                        languages,
                        out);
                JsonNode replies = TreeWalk.list(disputes.get(i).path("replies"));
                for (int j = 0; j < replies.size(); j++) {
                    statement(
                            loaded,
                            "/disputes/" + i + "/replies/" + j,
                            replies.get(j),
                            languages,
                            out);
                }
            }
            if (tree.has("response")) {
                statement(loaded, "/response", tree.get("response"), languages, out);
            }
            JsonNode claims = TreeWalk.list(tree.path("claims"));
            for (int i = 0; i < claims.size(); i++) {
                statement(loaded, "/claims/" + i, claims.get(i), languages, out);
            }
            timeline(loaded, tree, languages, out);
            JsonNode obligations = TreeWalk.list(tree.path("licence_obligations"));
            for (int i = 0; i < obligations.size(); i++) {
                translated(loaded, "/licence_obligations/" + i, obligations.get(i), languages, out);
            }
        }
        for (ParsedRecord loaded : registry.parsed(RecordKind.ORGANISATION)) {
            JsonNode tree = loaded.tree();
            summary(loaded, tree, new Languages(tree), out);
        }
        for (ParsedRecord loaded : registry.parsed(RecordKind.PROGRAMME)) {
            JsonNode tree = loaded.tree();
            Languages languages = new Languages(tree);
            summary(loaded, tree, languages, out);
            timeline(loaded, tree, languages, out);
        }
    }

    private static void summary(
            ParsedRecord loaded, JsonNode tree, Languages languages, Consumer<Finding> out) {
        JsonNode summary = tree.path("summary");
        if (summary.isMissingNode()) {
            return;
        }
        if (!summary.has("passage")) {
            out.accept(
                    Finding.warning(
                            loaded.displayPath(),
                            loaded.at("/summary"),
                            Check.PAS_001,
                            "the summary should quote the words of its source that support it (passage: {text: ...})"));
        } else {
            translated(loaded, "/summary", summary, languages, out);
        }
    }

    private static void timeline(
            ParsedRecord loaded, JsonNode tree, Languages languages, Consumer<Finding> out) {
        JsonNode timeline = TreeWalk.list(tree.path("timeline"));
        for (int i = 0; i < timeline.size(); i++) {
            require(loaded, "/timeline/" + i, timeline.get(i), "this event", languages, out);
        }
    }

    /** Verbatim statements are their own passage; a paraphrase must show the words it rests on. */
    private static void statement(
            ParsedRecord loaded,
            String at,
            JsonNode statement,
            Languages languages,
            Consumer<Finding> out) {
        if (statement.path("paraphrased").asBoolean(false)) {
            require(loaded, at, statement, "this paraphrase", languages, out);
        } else {
            translated(loaded, at, statement, languages, out);
        }
    }

    private static void require(
            ParsedRecord loaded,
            String at,
            JsonNode item,
            String what,
            Languages languages,
            Consumer<Finding> out) {
        if (!item.has("passage")) {
            out.accept(
                    Finding.error(
                            loaded.displayPath(),
                            loaded.at(at),
                            Check.PAS_001,
                            what
                                    + " needs the words of its source that support it: add passage: {text: ...}, copied verbatim"));
        } else {
            translated(loaded, at, item, languages, out);
        }
    }

    private static void translated(
            ParsedRecord loaded,
            String at,
            JsonNode item,
            Languages languages,
            Consumer<Finding> out) {
        JsonNode passage = item.path("passage");
        if (!passage.isObject() || passage.has("translation")) {
            return;
        }
        String language =
                passage.path("language").asText(languages.of(item.path("source").asText(null)));
        if (language != null && !language.toLowerCase(Locale.ROOT).startsWith("en")) {
            out.accept(
                    Finding.warning(
                            loaded.displayPath(),
                            loaded.at(at + "/passage"),
                            Check.PAS_002,
                            "the passage is in \""
                                    + language
                                    + "\": add translation: with its English meaning"));
        }
    }

    /** The language of each of a record's sources, the default language of its passages. */
    private static final class Languages {
        private final Map<String, String> byId = new HashMap<>();

        Languages(JsonNode tree) {
            for (JsonNode source : TreeWalk.list(tree.path("sources"))) {
                byId.put(source.path("id").asText(), source.path("language").asText(null));
            }
        }

        String of(String sourceId) {
            return sourceId == null ? null : byId.get(sourceId);
        }
    }
}
