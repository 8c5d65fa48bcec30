package org.keizu.load;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.keizu.model.Model;
import org.keizu.model.Organisation;
import org.keizu.model.Programme;

/**
 * Every record that loaded, in id order, with lookups by id. Records that failed to load are not
 * here; their findings stop the build, so nothing is ever rendered from a partial registry.
 */
public record Registry(List<Loaded<Model>> models, List<Loaded<Organisation>> organisations,
        List<Loaded<Programme>> programmes, List<LoadedSnapshot> snapshots) {

    public Registry {
        models = List.copyOf(models);
        organisations = List.copyOf(organisations);
        programmes = List.copyOf(programmes);
        snapshots = List.copyOf(snapshots);
    }

    /** The snapshot with this id ({@code <repo>@<folder>}). */
    public Optional<LoadedSnapshot> snapshot(String id) {
        return snapshots.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    public Optional<Model> model(String id) {
        return find(models, Model::id, id);
    }

    public Optional<Organisation> organisation(String id) {
        return find(organisations, Organisation::id, id);
    }

    public Optional<Programme> programme(String id) {
        return find(programmes, Programme::id, id);
    }

    public Map<String, Model> modelsById() {
        return models.stream().map(Loaded::record).collect(Collectors.toMap(Model::id, Function.identity(), (a, b) -> a));
    }

    private static <T> Optional<T> find(List<Loaded<T>> records, Function<T, String> id, String wanted) {
        return records.stream().map(Loaded::record).filter(r -> id.apply(r).equals(wanted)).findFirst();
    }
}
