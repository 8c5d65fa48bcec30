package org.keizu.render;

import java.util.Optional;
import org.keizu.load.RecordVersions;
import org.keizu.model.Model;
import org.keizu.render.Views.Link;

/**
 * Which state of a record an evidence page shows, and what the page says about it: the record's own
 * page shows its current state; a version's page, at its own address, shows the record as it stood
 * then, under a banner. Decided from the registry as it stands, so an old version's page still
 * links to the current record and lists every version.
 */
final class VersionFrames {
    /**
     * What a page says about which state of the record it shows: the citation, the act links, the
     * list of versions and, at a version's own address, the banner (null elsewhere).
     */
    record Frame(
            Views.Citation citation,
            EvidenceViews.ActLinks act,
            EvidenceViews.HistorySection history,
            EvidenceViews.VersionBanner banner) {}

    private final ViewContext context;
    private final CitationBuilder citations;
    private final RecordChanges changes;

    VersionFrames(ViewContext context) {
        this.context = context;
        this.citations = new CitationBuilder(context);
        this.changes = new RecordChanges(context);
    }

    /**
     * The frame of a page of {@code model} (the current record) showing {@code version}, or its
     * current state when empty; {@code atVersionAddress} when the page is the version's own.
     */
    Frame frame(Model model, Optional<RecordVersions.Version> version, boolean atVersionAddress) {
        Model cited = version.flatMap(RecordVersions.Version::record).orElse(model);
        return new Frame(
                citations.citation(cited, version),
                changes.act(model),
                changes.history(model, version.map(RecordVersions.Version::number)),
                atVersionAddress ? banner(model, version.orElseThrow()) : null);
    }

    private EvidenceViews.VersionBanner banner(Model model, RecordVersions.Version shown) {
        RecordVersions.Versions versions = context.versions.of(model.id());
        boolean current = versions.current().filter(v -> v.number() == shown.number()).isPresent();
        String text;
        if (current) {
            text =
                    context.messages.format(
                            "version_banner_current",
                            Integer.toString(shown.number()),
                            shown.date());
        } else if (versions.current().isPresent()) {
            RecordVersions.Version now = versions.current().get();
            text =
                    context.messages.format(
                            "version_banner_past",
                            Integer.toString(shown.number()),
                            shown.date(),
                            Integer.toString(now.number()),
                            now.date());
        } else {
            text =
                    context.messages.format(
                            "version_banner_past_uncommitted",
                            Integer.toString(shown.number()),
                            shown.date());
        }
        return new EvidenceViews.VersionBanner(
                shown.number(),
                current,
                text,
                new Link(
                        context.messages.format("version_banner_link"),
                        context.paths.href(SitePaths.model(model.id()))));
    }
}
