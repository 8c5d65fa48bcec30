package org.keizu.render;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.keizu.load.Loaded;
import org.keizu.load.RecordKind;
import org.keizu.load.RecordVersions;
import org.keizu.model.Model;

/**
 * Where a record's changes are shown and made: its versions from git (each linked to its page, and
 * to the commit that made it when the build names a repository), and the links to correct it,
 * answer it as its makers, or edit its file.
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

    /**
     * The record's versions, newest first, each linked to its page and to the change that made it;
     * {@code shown} is the version this page shows (empty on the record's own page when its state
     * is not a committed version). Null without a history.
     */
    EvidenceViews.HistorySection history(Model model, Optional<Integer> shown) {
        List<RecordVersions.Version> versions = context.versions.of(model.id()).all();
        if (versions.isEmpty()) {
            return null;
        }
        List<EvidenceViews.ChangeView> changes = new ArrayList<>();
        for (int i = versions.size() - 1; i >= 0; i--) {
            RecordVersions.Version v = versions.get(i);
            changes.add(
                    new EvidenceViews.ChangeView(
                            v.number(),
                            context.messages.format(
                                    "history_version", Integer.toString(v.number())),
                            context.date(v.date()),
                            v.loaded().isPresent()
                                    ? context.paths.href(
                                            SitePaths.modelVersion(model.id(), v.number()))
                                    : null,
                            shown.filter(n -> n == v.number()).isPresent(),
                            v.revision().shortCommit(),
                            repository
                                    .map(repo -> repo.commit(v.revision().commit()))
                                    .orElse(null)));
        }
        return new EvidenceViews.HistorySection(
                context.date(versions.get(0).date()),
                context.date(versions.get(versions.size() - 1).date()),
                changes);
    }

    /**
     * Where a reader suggests a correction, the makers reply, and anyone edits the record: the
     * record's file as it lies in the repository ({@code data/models/<file>}), whatever folder this
     * build read it from. Null when the build names no repository.
     */
    EvidenceViews.ActLinks act(Model model) {
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
        return new EvidenceViews.ActLinks(
                repo.correction(
                        context.messages.format("act_correction_title", model.name()), address),
                repo.makersReply(
                        context.messages.format("act_reply_title", model.name()),
                        model.name(),
                        address),
                repo.edit("data/" + RecordKind.MODEL.folder() + "/" + file));
    }
}
