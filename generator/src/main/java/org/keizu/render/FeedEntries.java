package org.keizu.render;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.keizu.lineage.Analysis;
import org.keizu.load.RecordVersions;
import org.keizu.model.Correction;
import org.keizu.model.Model;
import org.keizu.model.PartialDate;
import org.keizu.render.MachineMetadata.FeedEntry;

/**
 * The entries of the Atom feeds: each version of each record, saying exactly what it did to the
 * verdict and to the grade of the evidence for the model's base (version 1 is the record's first
 * publication), and each correction a record lists. A version's verdict is worked out by today's
 * rules against the registry as it stands, for every version alike, so a change in the feed is a
 * change in the record, never in the rules. Ids name what the entry is (the record and the commit,
 * or the correction's day), so a rebuild gives the same ids.
 */
final class FeedEntries {
    private final ViewContext context;

    FeedEntries(ViewContext context) {
        this.context = context;
    }

    /** Newest first; entries of one day by id. */
    List<FeedEntry> all() {
        List<FeedEntry> entries = new ArrayList<>();
        for (Model model : context.modelsByName) {
            List<RecordVersions.Version> versions = context.versions.of(model.id()).all();
            Optional<State> before = Optional.empty();
            for (RecordVersions.Version version : versions) {
                Optional<State> state = version.record().map(this::state);
                entries.add(versionEntry(model, version, state, before));
                before = state.isPresent() ? state : before;
            }
            if (versions.isEmpty()) {
                // No history (outside git or a shallow clone): the record as reviewed.
                State now = state(model);
                entries.add(
                        entry(
                                model,
                                "/reviewed/" + model.reviewed(),
                                day(model.reviewed()),
                                context.messages.format("feed_reviewed_title", model.name()),
                                context.messages.format(
                                        "feed_reviewed_summary",
                                        model.name(),
                                        now.verdict(),
                                        now.grade()),
                                SitePaths.model(model.id())));
            }
            Map<String, Integer> sameDay = new HashMap<>();
            for (Correction c : model.corrections()) {
                int n = sameDay.merge(c.date(), 1, Integer::sum);
                entries.add(
                        entry(
                                model,
                                "/correction/" + c.date() + "/" + n,
                                day(c.date()),
                                context.messages.format("feed_correction_title", model.name()),
                                c.what(),
                                SitePaths.model(model.id())));
            }
        }
        entries.sort(Comparator.comparing(FeedEntry::date).reversed().thenComparing(FeedEntry::id));
        return List.copyOf(entries);
    }

    /** What a feed says of a state of a record: its verdict's label and its principal grade. */
    private record State(String verdict, String grade) {}

    private State state(Model record) {
        return new State(
                context.label("verdicts", context.analysis.judge(record).verdict().term()),
                Analysis.principalLink(record)
                        .map(l -> l.grade().name())
                        .orElse(context.messages.format("feed_no_grade")));
    }

    private FeedEntry versionEntry(
            Model model,
            RecordVersions.Version version,
            Optional<State> state,
            Optional<State> before) {
        String number = Integer.toString(version.number());
        String path =
                version.loaded().isPresent()
                        ? SitePaths.modelVersion(model.id(), version.number())
                        : SitePaths.model(model.id());
        String title;
        String summary;
        if (state.isEmpty()) {
            title = context.messages.format("feed_changed_title", model.name());
            summary =
                    context.messages.format(
                            "feed_version_unreadable", number, model.name(), version.date());
        } else {
            State now = state.get();
            summary =
                    context.messages.format(
                            "feed_version_summary",
                            number,
                            model.name(),
                            version.date(),
                            now.verdict(),
                            now.grade());
            if (version.number() == 1) {
                title = context.messages.format("feed_added_title", model.name());
            } else if (before.isPresent() && !before.get().verdict().equals(now.verdict())) {
                title =
                        context.messages.format(
                                "feed_verdict_title",
                                model.name(),
                                before.get().verdict(),
                                now.verdict());
            } else if (before.isPresent() && !before.get().grade().equals(now.grade())) {
                title =
                        context.messages.format(
                                "feed_grade_title",
                                model.name(),
                                before.get().grade(),
                                now.grade());
            } else {
                title = context.messages.format("feed_changed_title", model.name());
                summary += " " + context.messages.format("feed_unchanged");
            }
        }
        return entry(
                model,
                "/revision/" + version.revision().commit(),
                Optional.of(version.date()),
                title,
                summary,
                path);
    }

    private FeedEntry entry(
            Model model,
            String what,
            Optional<String> date,
            String title,
            String summary,
            String path) {
        return new FeedEntry(
                MachineMetadata.stableId("models/" + model.id() + what),
                date.orElse(context.site.datasetDate()),
                title,
                summary,
                path,
                model.country());
    }

    private static Optional<String> day(String date) {
        return Optional.ofNullable(date)
                .flatMap(PartialDate::parse)
                .map(PartialDate::earliest)
                .map(Object::toString);
    }
}
