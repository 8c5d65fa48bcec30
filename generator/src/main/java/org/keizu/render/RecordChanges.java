package org.keizu.render;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.keizu.load.Loaded;
import org.keizu.load.RecordHistory;
import org.keizu.load.RecordKind;
import org.keizu.model.Model;

/**
 * Where a record's changes are shown and made: its history from git (each change linked to its
 * commit when the build names a repository), and the links to correct it, answer it as its makers,
 * or edit its file.
 */
final class RecordChanges {
    private final ViewContext context;

    /** The repository readers act in, when the build names one. */
    private final Optional<RepositoryLinks> repository;

    /** Each model's loaded record, for the file it came from. */
    private final Map<Model, Loaded<Model>> files = new IdentityHashMap<>();

    RecordChanges(ViewContext context) {
        this.context = context;
        this.repository = RepositoryLinks.optional(context.site.href().repository());
        for (Loaded<Model> loaded : context.registry.models()) {
            files.put(loaded.record(), loaded);
        }
    }

    /** The commits that changed the record's file, newest first; null without a history. */
    Views.HistorySection history(Model model) {
        List<RecordHistory.Revision> revisions =
                context.history.of(files.get(model).source().file());
        if (revisions.isEmpty()) {
            return null;
        }
        List<Views.ChangeView> changes =
                revisions.stream()
                        .map(
                                r ->
                                        new Views.ChangeView(
                                                r.date(),
                                                r.shortCommit(),
                                                repository
                                                        .map(repo -> repo.commit(r.commit()))
                                                        .orElse(null)))
                        .toList();
        return new Views.HistorySection(
                revisions.get(revisions.size() - 1).date(), revisions.get(0).date(), changes);
    }

    /**
     * Where a reader suggests a correction, the makers reply, and anyone edits the record: the
     * record's file as it lies in the repository ({@code data/models/<file>}), whatever folder this
     * build read it from. Null when the build names no repository.
     */
    Views.ActLinks act(Model model) {
        if (repository.isEmpty()) {
            return null;
        }
        RepositoryLinks repo = repository.get();
        String address = context.site.origin() + context.paths.href(SitePaths.model(model.id()));
        Loaded<Model> loaded = files.get(model);
        String file =
                loaded == null
                        ? model.id() + ".yaml"
                        : loaded.source().file().getFileName().toString();
        return new Views.ActLinks(
                repo.newIssue(
                        context.messages.format("act_correction_title", model.name()),
                        context.messages.format("act_correction_body", address)),
                repo.newIssue(
                        context.messages.format("act_reply_title", model.name()),
                        context.messages.format("act_reply_body", model.name(), address)),
                repo.edit("data/" + RecordKind.MODEL.folder() + "/" + file));
    }
}
