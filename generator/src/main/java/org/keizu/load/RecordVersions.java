package org.keizu.load;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.keizu.model.Model;

/**
 * Each model record's versions: the states of its file, oldest first, each differing in what the
 * record says from the one before. A commit that only re-wraps lines, reorders keys or edits
 * comments makes no version, since the record reads the same. Versions are told apart by the data
 * the YAML holds, not by today's Java model of it, so a later schema or code change never renumbers
 * them: version 3 of a record stays version 3, and its address and citations stay good.
 *
 * <p>A renamed record (its old ids kept in {@code former_ids}) continues the history of its old
 * files, so its versions go on counting from before the rename.
 */
public final class RecordVersions {
    /**
     * One version: its number (from 1), the commit that made it, and the record as it then stood
     * (empty when today's schema can no longer read it: the number stays taken, but no page is
     * built).
     */
    public record Version(
            int number, RecordHistory.Revision revision, Optional<Loaded<Model>> loaded) {
        public String date() {
            return revision.date();
        }

        public Optional<Model> record() {
            return loaded.map(Loaded::record);
        }
    }

    /**
     * A record's versions, oldest first, and whether the record as built is the newest of them (it
     * is not when the working tree holds an uncommitted edit).
     */
    public record Versions(List<Version> all, boolean currentIsLatest) {
        public Versions {
            all = List.copyOf(all);
        }

        /** The version the built record is, if it is one. */
        public Optional<Version> current() {
            return currentIsLatest && !all.isEmpty()
                    ? Optional.of(all.get(all.size() - 1))
                    : Optional.empty();
        }

        /** The newest version, even when the working tree has moved on from it. */
        public Optional<Version> latest() {
            return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
        }
    }

    private static final Versions NONE = new Versions(List.of(), false);

    private final Map<String, Versions> byId;

    private RecordVersions(Map<String, Versions> byId) {
        this.byId = byId;
    }

    /** No versions: a build without history. */
    public static RecordVersions none() {
        return new RecordVersions(Map.of());
    }

    /**
     * The versions of every model, from its file's history and its former files' (a renamed
     * record's {@code data/models/<former id>.yaml}).
     *
     * @param schemaAccepts whether today's schema reads a past state once upgraded to today's form
     *     ({@link RecordUpgrade}); its findings are not reported, since a past state is not the
     *     contributor's to fix (a state that fails is reported once, as HIST-002, by the build)
     */
    public static RecordVersions of(
            List<Loaded<Model>> models,
            RecordHistory history,
            RecordParser parser,
            RecordBinder binder,
            Predicate<ParsedRecord> schemaAccepts) {
        Map<String, Versions> byId = new HashMap<>();
        for (Loaded<Model> loaded : models) {
            Model model = loaded.record();
            if (byId.containsKey(model.id())) {
                continue; // a duplicate id, reported by the identity check
            }
            Path file = loaded.source().file();
            List<Path> files = new ArrayList<>();
            for (String former : model.formerIds()) {
                files.addAll(siblings(file, former));
            }
            files.add(file);
            List<Version> versions = new ArrayList<>();
            JsonNode previous = null;
            for (Revision revision : revisions(history, files)) {
                Optional<ParsedRecord> parsed =
                        history.contentAt(revision.file(), revision.revision())
                                .flatMap(
                                        bytes ->
                                                parser.parse(
                                                                RecordKind.MODEL,
                                                                revision.file(),
                                                                loaded.source().displayPath(),
                                                                bytes)
                                                        .record());
                if (parsed.isEmpty() || parsed.get().tree().equals(previous)) {
                    continue; // unreadable then (never published), or reads the same
                }
                previous = parsed.get().tree();
                ParsedRecord current = upgraded(parsed.get());
                Optional<Loaded<Model>> record =
                        schemaAccepts.test(current)
                                ? binder.bind(current, Model.class, finding -> {})
                                        .map(l -> underCurrentId(l, model.id()))
                                : Optional.empty();
                versions.add(new Version(versions.size() + 1, revision.revision(), record));
            }
            boolean currentIsLatest =
                    !versions.isEmpty()
                            && versions.get(versions.size() - 1)
                                    .record()
                                    .filter(model::equals)
                                    .isPresent();
            byId.put(model.id(), new Versions(versions, currentIsLatest));
        }
        return new RecordVersions(Map.copyOf(byId));
    }

    /** A past state in today's form ({@link RecordUpgrade}), for the schema and the binder. */
    private static ParsedRecord upgraded(ParsedRecord parsed) {
        return new ParsedRecord(
                parsed.kind(),
                parsed.file(),
                parsed.displayPath(),
                RecordUpgrade.toCurrent(parsed.tree()),
                parsed.positions());
    }

    /** A version from before a rename, under the id the record has now. */
    private static Loaded<Model> underCurrentId(Loaded<Model> version, String id) {
        return version.record().id().equals(id)
                ? version
                : new Loaded<>(version.record().withId(id), version.source());
    }

    /** The model's versions; none when there is no history. */
    public Versions of(String modelId) {
        return byId.getOrDefault(modelId, NONE);
    }

    /** A revision of one of the files a record has lived in. */
    private record Revision(Path file, RecordHistory.Revision revision) {}

    /**
     * Every revision of these files, oldest first: the files are given in the order the record
     * lived in them (its former files, then its current one), and git lists each file's commits
     * newest first.
     */
    private static List<Revision> revisions(RecordHistory history, List<Path> files) {
        List<Revision> all = new ArrayList<>();
        for (Path file : files) {
            List<RecordHistory.Revision> newestFirst = history.of(file);
            for (int i = newestFirst.size() - 1; i >= 0; i--) {
                all.add(new Revision(file, newestFirst.get(i)));
            }
        }
        return all;
    }

    /** The files a record with this former id would have lived in, beside its current file. */
    private static List<Path> siblings(Path file, String formerId) {
        List<Path> found = new ArrayList<>();
        for (String extension : List.of(".yaml", ".yml", ".json")) {
            Path candidate = file.resolveSibling(formerId + extension);
            if (!Files.exists(candidate)) {
                found.add(candidate); // gone from the working tree: its history is what is left
            }
        }
        return found;
    }
}
