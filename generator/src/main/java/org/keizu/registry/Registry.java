package org.keizu.registry;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.keizu.load.Loaded;
import org.keizu.load.LoadedSnapshot;
import org.keizu.load.ParsedRecord;
import org.keizu.load.RecordKind;
import org.keizu.model.LineageLink;
import org.keizu.model.Model;
import org.keizu.model.Organisation;
import org.keizu.model.Programme;

/**
 * Every record that loaded, in the order the files were listed (id order), with lookups by id and
 * reverse indexes. Records that parsed but failed their schema are kept apart, as trees only
 * ({@link #unbound}), so that the checks which read trees report their mistakes in the same run;
 * their findings stop the build, so nothing is ever rendered from a partial registry. Where two
 * records share an id (reported by the identity check), lookups return the first.
 */
public final class Registry {
    /** A model's declared link to a base: what a base's family is made of. */
    public record Declared(Model model, LineageLink link) {}

    private final List<Loaded<Model>> models;
    private final List<Loaded<Organisation>> organisations;
    private final List<Loaded<Programme>> programmes;
    private final List<LoadedSnapshot> snapshots;
    private final List<ParsedRecord> unbound;
    private final Map<RecordKind, Set<String>> failedToLoad = new EnumMap<>(RecordKind.class);

    private final Map<String, Model> modelsById;
    private final Map<String, Organisation> organisationsById;
    private final Map<String, Programme> programmesById;
    private final Map<String, LoadedSnapshot> snapshotsById = new HashMap<>();
    private final Map<String, List<Model>> modelsByCountry = new HashMap<>();
    private final Map<String, List<Model>> modelsByOrganisation = new HashMap<>();
    private final Map<String, List<Model>> modelsByProgramme = new HashMap<>();
    private final Map<String, List<Declared>> declaredByBase = new HashMap<>();

    /** Null until {@link #modelsByName} is first asked for. */
    private volatile NameOrder nameOrder;

    /**
     * Lets go of the records' parsed trees once the checks have read them ({@link
     * org.keizu.load.RecordTree}): the pages are rendered from the bound records, and the open data
     * reads each tree again from its file.
     */
    public void releaseTrees() {
        for (List<? extends Loaded<?>> records : List.of(models, organisations, programmes)) {
            for (Loaded<?> loaded : records) {
                loaded.source().content().release();
            }
        }
    }

    public Registry(
            List<Loaded<Model>> models,
            List<Loaded<Organisation>> organisations,
            List<Loaded<Programme>> programmes,
            List<LoadedSnapshot> snapshots) {
        this(models, organisations, programmes, snapshots, List.of());
    }

    /**
     * @param unbound records that parsed but failed their schema or binding: their ids are known,
     *     so references to them are not reported twice, and their trees are checked too
     */
    public Registry(
            List<Loaded<Model>> models,
            List<Loaded<Organisation>> organisations,
            List<Loaded<Programme>> programmes,
            List<LoadedSnapshot> snapshots,
            List<ParsedRecord> unbound) {
        this.models = List.copyOf(models);
        this.organisations = List.copyOf(organisations);
        this.programmes = List.copyOf(programmes);
        this.snapshots = List.copyOf(snapshots);
        this.unbound = List.copyOf(unbound);
        for (ParsedRecord record : this.unbound) {
            if (record.idOrNull() != null) {
                failedToLoad
                        .computeIfAbsent(record.kind(), k -> new HashSet<>())
                        .add(record.idOrNull());
            }
        }
        this.modelsById = byId(this.models, Model::id);
        this.organisationsById = byId(this.organisations, Organisation::id);
        this.programmesById = byId(this.programmes, Programme::id);
        for (LoadedSnapshot s : this.snapshots) {
            snapshotsById.putIfAbsent(s.id(), s);
        }
        for (Loaded<Model> loaded : this.models) {
            Model m = loaded.record();
            modelsByCountry.computeIfAbsent(m.country(), k -> new ArrayList<>()).add(m);
            modelsByOrganisation.computeIfAbsent(m.organisation(), k -> new ArrayList<>()).add(m);
            if (m.programme() != null) {
                modelsByProgramme.computeIfAbsent(m.programme(), k -> new ArrayList<>()).add(m);
            }
            for (LineageLink link : m.lineage()) {
                declaredByBase
                        .computeIfAbsent(link.base(), k -> new ArrayList<>())
                        .add(new Declared(m, link));
            }
        }
    }

    public List<Loaded<Model>> models() {
        return models;
    }

    /**
     * The models by name, then id, and each id's place among them; sorted once, when first asked.
     */
    private record NameOrder(List<Model> models, Map<String, Integer> places) {}

    /** The lower-cased name is computed once per model, not on every comparison. */
    private record SortKey(String name, Model model) {}

    private NameOrder nameOrder() {
        NameOrder order = nameOrder;
        if (order == null) {
            List<Model> sorted =
                    models.stream()
                            .map(
                                    l ->
                                            new SortKey(
                                                    l.record().name().toLowerCase(Locale.ROOT),
                                                    l.record()))
                            .sorted(
                                    Comparator.comparing(SortKey::name)
                                            .thenComparing(k -> k.model().id()))
                            .map(SortKey::model)
                            .toList();
            Map<String, Integer> places = new HashMap<>();
            for (Model m : sorted) {
                places.putIfAbsent(m.id(), places.size());
            }
            order = new NameOrder(sorted, places);
            nameOrder = order; // made twice at worst, the same both times
        }
        return order;
    }

    /**
     * The models by name, case aside, then by id: the order every list of models on the site
     * follows. Sorted once for the registry, not once for each language's pages.
     */
    public List<Model> modelsByName() {
        return nameOrder().models();
    }

    /** The model's place in {@link #modelsByName} (the first of a duplicated id); last if none. */
    public int placeByName(String modelId) {
        return nameOrder().places().getOrDefault(modelId, Integer.MAX_VALUE);
    }

    /**
     * This registry with one model's record replaced by another state of it (an earlier version),
     * everything else as it is: what a page of that version is built from.
     */
    public Registry withModel(Loaded<Model> replacement) {
        String id = replacement.record().id();
        List<Loaded<Model>> replaced =
                models.stream().map(l -> l.record().id().equals(id) ? replacement : l).toList();
        return new Registry(replaced, organisations, programmes, snapshots, unbound);
    }

    public List<Loaded<Organisation>> organisations() {
        return organisations;
    }

    public List<Loaded<Programme>> programmes() {
        return programmes;
    }

    public List<LoadedSnapshot> snapshots() {
        return snapshots;
    }

    public Optional<Model> model(String id) {
        return Optional.ofNullable(modelsById.get(id));
    }

    public Optional<Organisation> organisation(String id) {
        return Optional.ofNullable(organisationsById.get(id));
    }

    public Optional<Programme> programme(String id) {
        return Optional.ofNullable(programmesById.get(id));
    }

    /** The snapshot with this id ({@code <repo>@<folder>}). */
    public Optional<LoadedSnapshot> snapshot(String id) {
        return Optional.ofNullable(snapshotsById.get(id));
    }

    /** Every model by id (unmodifiable). */
    public Map<String, Model> modelsById() {
        return modelsById;
    }

    /** Ids of records of this kind that exist as files but failed to load. */
    public Set<String> failedToLoad(RecordKind kind) {
        return Set.copyOf(failedToLoad.getOrDefault(kind, Set.of()));
    }

    /** Records that parsed but failed their schema or binding, as trees. */
    public List<ParsedRecord> unbound() {
        return unbound;
    }

    /**
     * Every record of a kind that parsed, bound or not (the bound first, each in file order): what
     * the checks that read only trees go through, so that one run reports every mistake.
     */
    public List<ParsedRecord> parsed(RecordKind kind) {
        List<ParsedRecord> all = new ArrayList<>();
        switch (kind) {
            case MODEL -> models.forEach(l -> all.add(l.source()));
            case ORGANISATION -> organisations.forEach(l -> all.add(l.source()));
            case PROGRAMME -> programmes.forEach(l -> all.add(l.source()));
            case SNAPSHOT, WEIGHTS -> {}
        }
        unbound.stream().filter(r -> r.kind() == kind).forEach(all::add);
        return all;
    }

    /** The models of a country, in registry order. */
    public List<Model> modelsOfCountry(String code) {
        return List.copyOf(modelsByCountry.getOrDefault(code, List.of()));
    }

    /** The models an organisation made, in registry order. */
    public List<Model> modelsByOrganisation(String id) {
        return List.copyOf(modelsByOrganisation.getOrDefault(id, List.of()));
    }

    /** The models a programme funded, in registry order. */
    public List<Model> modelsOfProgramme(String id) {
        return List.copyOf(modelsByProgramme.getOrDefault(id, List.of()));
    }

    /** Every declared link to this base, of any relation, in registry order. */
    public List<Declared> declaredLinksTo(String baseId) {
        return List.copyOf(declaredByBase.getOrDefault(baseId, List.of()));
    }

    /** The country codes that have at least one model. */
    public Set<String> countries() {
        return Set.copyOf(modelsByCountry.keySet());
    }

    private static <T> Map<String, T> byId(List<Loaded<T>> records, Function<T, String> id) {
        Map<String, T> map = new HashMap<>();
        for (Loaded<T> loaded : records) {
            map.putIfAbsent(id.apply(loaded.record()), loaded.record());
        }
        return java.util.Collections.unmodifiableMap(map);
    }
}
