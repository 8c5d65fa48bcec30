package org.keizu.validate;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.keizu.diagnostic.Check;
import org.keizu.diagnostic.Finding;
import org.keizu.load.Loaded;
import org.keizu.load.PositionIndex;
import org.keizu.load.RecordKind;
import org.keizu.model.Model;
import org.keizu.model.Organisation;
import org.keizu.model.Programme;
import org.keizu.registry.Registry;

/**
 * References resolve: a model's organisation, programme and every base it names are records in the
 * registry; every {@code source:} names an entry of the record's own sources, and every entry is
 * cited.
 */
public final class ReferenceCheck implements RegistryCheck {

    @Override
    public void check(Registry registry, Consumer<Finding> out) {
        // A record that exists but failed to load is reported by its own findings, not again here.
        Set<String> models = ids(registry, registry.models(), Model::id, RecordKind.MODEL);
        Set<String> organisations =
                ids(registry, registry.organisations(), Organisation::id, RecordKind.ORGANISATION);
        Set<String> programmes =
                ids(registry, registry.programmes(), Programme::id, RecordKind.PROGRAMME);
        for (Loaded<Model> loaded : registry.models()) {
            Model model = loaded.record();
            if (!organisations.contains(model.organisation())) {
                out.accept(
                        Finding.error(
                                loaded.file(),
                                loaded.at("/organisation"),
                                Check.REF_001,
                                "organisation \""
                                        + model.organisation()
                                        + "\" is not in the registry; add data/organisations/"
                                        + model.organisation()
                                        + ".yaml or fix the id"));
            }
            if (model.programme() != null && !programmes.contains(model.programme())) {
                out.accept(
                        Finding.error(
                                loaded.file(),
                                loaded.at("/programme"),
                                Check.REF_003,
                                "programme \"" + model.programme() + "\" is not in the registry"));
            }
            checkBases(loaded, "/lineage", models, out);
            checkBases(loaded, "/claims", models, out);
            checkBases(loaded, "/disputes", models, out);
            checkBases(loaded, "/licence_obligations", models, out);
        }
        registry.models().forEach(r -> checkSources(r, out));
        registry.organisations().forEach(r -> checkSources(r, out));
        registry.programmes().forEach(r -> checkSources(r, out));
    }

    private static void checkBases(
            Loaded<Model> loaded, String listPointer, Set<String> models, Consumer<Finding> out) {
        JsonNode list = loaded.source().tree().at(listPointer);
        for (int i = 0; i < list.size(); i++) {
            JsonNode base = list.get(i).get("base");
            if (base == null || !base.isTextual()) {
                continue;
            }
            String pointer = PositionIndex.child(PositionIndex.child(listPointer, i), "base");
            String id = base.asText();
            if (id.equals(loaded.record().id())) {
                out.accept(
                        Finding.error(
                                loaded.file(),
                                loaded.at(pointer),
                                Check.REF_007,
                                "base \"" + id + "\" is this model itself"));
            } else if (!models.contains(id)) {
                out.accept(
                        Finding.error(
                                loaded.file(),
                                loaded.at(pointer),
                                Check.REF_002,
                                "base \""
                                        + id
                                        + "\" is not in the registry; add data/models/"
                                        + id
                                        + ".yaml or fix the id"));
            }
        }
    }

    /** Every {@code source} field cites a listed source, and every listed source is cited. */
    private static void checkSources(Loaded<?> loaded, Consumer<Finding> out) {
        JsonNode sources = loaded.source().tree().path("sources");
        Map<String, String> declared = new HashMap<>(); // id -> pointer of its "id" value
        for (int i = 0; i < sources.size(); i++) {
            String id = sources.get(i).path("id").asText();
            String pointer = "/sources/" + i + "/id";
            if (declared.putIfAbsent(id, pointer) != null) {
                out.accept(
                        Finding.error(
                                loaded.file(),
                                loaded.at(pointer),
                                Check.REF_006,
                                "source id \""
                                        + id
                                        + "\" is listed twice; give each source its own id"));
            }
        }
        Set<String> cited = new HashSet<>();
        TreeWalk.texts(
                loaded.source().tree(),
                (pointer, field, text) -> {
                    if (!field.equals("source") || pointer.startsWith("/sources/")) {
                        return;
                    }
                    cited.add(text);
                    if (!declared.containsKey(text)) {
                        out.accept(
                                Finding.error(
                                        loaded.file(),
                                        loaded.at(pointer),
                                        Check.REF_004,
                                        "source \""
                                                + text
                                                + "\" is not in this record's sources"
                                                + (declared.isEmpty()
                                                        ? ""
                                                        : "; listed: "
                                                                + String.join(
                                                                        ", ",
                                                                        declared.keySet().stream()
                                                                                .sorted()
                                                                                .toList()))));
                    }
                });
        declared.forEach(
                (id, pointer) -> {
                    if (!cited.contains(id)) {
                        out.accept(
                                Finding.error(
                                        loaded.file(),
                                        loaded.at(pointer),
                                        Check.REF_005,
                                        "source \""
                                                + id
                                                + "\" is listed but no fact cites it; cite it or remove it"));
                    }
                });
    }

    private static <T> Set<String> ids(
            Registry registry,
            List<Loaded<T>> records,
            java.util.function.Function<T, String> id,
            RecordKind kind) {
        Set<String> ids = new HashSet<>(registry.failedToLoad(kind));
        records.forEach(r -> ids.add(id.apply(r.record())));
        return ids;
    }
}
