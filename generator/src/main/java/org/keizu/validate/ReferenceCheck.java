package org.keizu.validate;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.keizu.diagnostic.Check;
import org.keizu.diagnostic.Finding;
import org.keizu.load.ParsedRecord;
import org.keizu.load.PositionIndex;
import org.keizu.load.RecordKind;
import org.keizu.registry.Registry;

/**
 * References resolve: a model's organisation, programme and every base it names are records in the
 * registry; every {@code source:} names an entry of the record's own sources, and every entry is
 * cited.
 */
public final class ReferenceCheck implements RegistryCheck {

    @Override
    public void check(Registry registry, Consumer<Finding> out) {
        // Records that failed their schema are known too: a reference to one is not reported.
        Known models = known(registry, RecordKind.MODEL);
        Known organisations = known(registry, RecordKind.ORGANISATION);
        Known programmes = known(registry, RecordKind.PROGRAMME);
        for (ParsedRecord loaded : registry.parsed(RecordKind.MODEL)) {
            String organisation = textOrNull(loaded.tree().path("organisation"));
            if (organisation != null && !organisations.ids().contains(organisation)) {
                out.accept(
                        Finding.error(
                                loaded.displayPath(),
                                loaded.at("/organisation"),
                                Check.REF_001,
                                notInRegistry(
                                        "organisation",
                                        organisation,
                                        "organisations",
                                        organisations.records())));
            }
            String programme = textOrNull(loaded.tree().path("programme"));
            if (programme != null && !programmes.ids().contains(programme)) {
                out.accept(
                        Finding.error(
                                loaded.displayPath(),
                                loaded.at("/programme"),
                                Check.REF_003,
                                notInRegistry(
                                        "programme",
                                        programme,
                                        "programmes",
                                        programmes.records())));
            }
            checkBases(loaded, "/lineage", models, out);
            checkBases(loaded, "/claims", models, out);
            checkBases(loaded, "/disputes", models, out);
            checkBases(loaded, "/licence_obligations", models, out);
        }
        registry.parsed(RecordKind.MODEL).forEach(r -> checkSources(r, out));
        registry.parsed(RecordKind.ORGANISATION).forEach(r -> checkSources(r, out));
        registry.parsed(RecordKind.PROGRAMME).forEach(r -> checkSources(r, out));
    }

    /**
     * What to say of an id no record has: the record it most likely means, else where the record
     * would go, if the id could be one.
     */
    static String notInRegistry(
            String what, String id, String folder, List<IdSuggestion.Known> known) {
        String message = what + " \"" + id + "\" is not in the registry; ";
        return message
                + IdSuggestion.phrase(IdSuggestion.closest(id, known))
                        .orElse(
                                IdentityCheck.validId(id)
                                        ? "add data/" + folder + "/" + id + ".yaml or fix the id"
                                        : "an id is lower-case letters, digits, '-' and single '.'"
                                                + " between them, so no record has this one");
    }

    /**
     * The records of a kind with the names each is also known by (for suggestions), and their ids
     * as a set (for lookups: with 10,000 models, scanning the list for every base named was a good
     * part of the checks' time).
     */
    private record Known(List<IdSuggestion.Known> records, Set<String> ids) {}

    /** Every record of a kind with the names it is also known by: hub repository and names. */
    private static Known known(Registry registry, RecordKind kind) {
        List<IdSuggestion.Known> known = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (ParsedRecord record : registry.parsed(kind)) {
            String id = record.idOrNull();
            if (id == null) {
                continue;
            }
            List<String> names = new ArrayList<>();
            for (String pointer : List.of("/hub/repo", "/name", "/native_name")) {
                JsonNode name = record.tree().at(pointer);
                if (name.isTextual()) {
                    names.add(name.asText());
                }
            }
            known.add(new IdSuggestion.Known(id, names));
            ids.add(id);
        }
        return new Known(known, ids);
    }

    private static void checkBases(
            ParsedRecord loaded, String listPointer, Known models, Consumer<Finding> out) {
        JsonNode list = TreeWalk.list(loaded.tree().at(listPointer));
        for (int i = 0; i < list.size(); i++) {
            JsonNode base = list.get(i).get("base");
            if (base == null || !base.isTextual()) {
                continue;
            }
            String pointer = PositionIndex.child(PositionIndex.child(listPointer, i), "base");
            String id = base.asText();
            if (id.equals(loaded.idOrNull())) {
                out.accept(
                        Finding.error(
                                loaded.displayPath(),
                                loaded.at(pointer),
                                Check.REF_007,
                                "base \"" + id + "\" is this model itself"));
            } else if (!models.ids().contains(id)) {
                out.accept(
                        Finding.error(
                                loaded.displayPath(),
                                loaded.at(pointer),
                                Check.REF_002,
                                notInRegistry("base", id, "models", models.records())));
            }
        }
    }

    /** Every {@code source} field cites a listed source, and every listed source is cited. */
    private static void checkSources(ParsedRecord loaded, Consumer<Finding> out) {
        JsonNode sources = TreeWalk.list(loaded.tree().path("sources"));
        Map<String, String> declared = new HashMap<>(); // id -> pointer of its "id" value
        for (int i = 0; i < sources.size(); i++) {
            JsonNode idNode = sources.get(i).path("id");
            if (!idNode.isTextual()) {
                continue; // missing or of the wrong type: the schema reports it
            }
            String id = idNode.asText();
            String pointer = "/sources/" + i + "/id";
            if (declared.putIfAbsent(id, pointer) != null) {
                out.accept(
                        Finding.error(
                                loaded.displayPath(),
                                loaded.at(pointer),
                                Check.REF_006,
                                "source id \""
                                        + id
                                        + "\" is listed twice; give each source its own id"));
            }
        }
        Set<String> cited = new HashSet<>();
        TreeWalk.texts(
                loaded.tree(),
                (location, field, text) -> {
                    if (!field.equals("source") || location.within("sources")) {
                        return;
                    }
                    cited.add(text);
                    if (!declared.containsKey(text)) {
                        out.accept(
                                Finding.error(
                                        loaded.displayPath(),
                                        loaded.at(location.pointer()),
                                        Check.REF_004,
                                        "source \""
                                                + text
                                                + "\" is not in this record's sources"
                                                + unknownSourceHint(text, declared.keySet())));
                    }
                });
        declared.forEach(
                (id, pointer) -> {
                    if (!cited.contains(id)) {
                        out.accept(
                                Finding.error(
                                        loaded.displayPath(),
                                        loaded.at(pointer),
                                        Check.REF_005,
                                        "source \""
                                                + id
                                                + "\" is listed but no fact cites it; cite it or remove it"));
                    }
                });
    }

    /** The listed source a mistyped one most likely means, else the list. */
    private static String unknownSourceHint(String wanted, Set<String> declared) {
        if (declared.isEmpty()) {
            return "; add it to sources";
        }
        List<IdSuggestion.Known> known =
                declared.stream()
                        .sorted()
                        .map(id -> new IdSuggestion.Known(id, List.of()))
                        .toList();
        return "; "
                + IdSuggestion.phrase(IdSuggestion.closest(wanted, known))
                        .orElse(
                                "listed: "
                                        + String.join(", ", declared.stream().sorted().toList()));
    }

    /** A field's text; null when it is missing or not text (the schema reports a wrong type). */
    private static String textOrNull(JsonNode value) {
        return value.isTextual() ? value.asText() : null;
    }
}
