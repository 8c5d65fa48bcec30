package org.keizu.validate;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import java.util.function.Consumer;
import org.keizu.diagnostic.Check;
import org.keizu.diagnostic.Finding;
import org.keizu.load.Loaded;
import org.keizu.model.Model;
import org.keizu.model.PartialDate;
import org.keizu.registry.Registry;

/**
 * Dates follow a sensible order: nothing in a record happened after the day it was reviewed, the
 * record was not reviewed after the dataset's date, a timeline reads forwards, and a source was not
 * accessed before it was published. The dataset's date is an input; the build reads no clock.
 */
public final class DateOrderCheck implements RegistryCheck {
    private final Optional<PartialDate> asOf;

    /**
     * @param asOf the dataset's date ({@code --as-of} or the commit's date), when something fixes
     *     it
     */
    public DateOrderCheck(Optional<PartialDate> asOf) {
        this.asOf = asOf;
    }

    @Override
    public void check(Registry registry, Consumer<Finding> out) {
        for (Loaded<Model> loaded : registry.models()) {
            Optional<PartialDate> reviewed = PartialDate.parse(loaded.record().reviewed());
            reviewed.ifPresent(
                    r -> {
                        TreeWalk.texts(
                                loaded.source().tree(),
                                (location, field, text) -> {
                                    if (ValueCheck.DATE_FIELDS.contains(field)
                                            && !location.pointer().equals("/reviewed")) {
                                        PartialDate.parse(text)
                                                .filter(d -> d.certainlyAfter(r))
                                                .ifPresent(
                                                        d ->
                                                                out.accept(
                                                                        Finding.error(
                                                                                loaded.file(),
                                                                                loaded.at(
                                                                                        location
                                                                                                .pointer()),
                                                                                Check.VAL_004,
                                                                                field
                                                                                        + " "
                                                                                        + d
                                                                                        + " is after the record's reviewed date "
                                                                                        + r
                                                                                        + "; a record cannot be reviewed before its facts")));
                                    }
                                });
                        asOf.filter(r::certainlyAfter)
                                .ifPresent(
                                        a ->
                                                out.accept(
                                                        Finding.error(
                                                                loaded.file(),
                                                                loaded.at("/reviewed"),
                                                                Check.VAL_004,
                                                                "reviewed "
                                                                        + r
                                                                        + " is after the dataset's date "
                                                                        + a
                                                                        + "; a record cannot be reviewed in the future (commit the change, or give --as-of)")));
                    });
        }
        registry.models().forEach(r -> checkTimelineAndSources(r, out));
        registry.models().forEach(r -> checkAccessedAfterRelease(r, out));
        registry.organisations().forEach(r -> checkTimelineAndSources(r, out));
        registry.programmes().forEach(r -> checkTimelineAndSources(r, out));
    }

    /** A source about a model cannot have been read, for this record, before the model existed. */
    private static void checkAccessedAfterRelease(Loaded<Model> loaded, Consumer<Finding> out) {
        Optional<PartialDate> released = PartialDate.parse(loaded.record().released());
        if (released.isEmpty()) {
            return;
        }
        JsonNode sources = loaded.source().tree().path("sources");
        for (int i = 0; i < sources.size(); i++) {
            Optional<PartialDate> accessed =
                    PartialDate.parse(sources.get(i).path("accessed").asText(null));
            if (accessed.isPresent() && released.get().certainlyAfter(accessed.get())) {
                out.accept(
                        Finding.error(
                                loaded.file(),
                                loaded.at("/sources/" + i + "/accessed"),
                                Check.VAL_004,
                                "accessed "
                                        + accessed.get()
                                        + " is before the model was released ("
                                        + released.get()
                                        + ")"));
            }
        }
    }

    private static void checkTimelineAndSources(Loaded<?> loaded, Consumer<Finding> out) {
        JsonNode tree = loaded.source().tree();
        JsonNode timeline = tree.path("timeline");
        PartialDate previous = null;
        for (int i = 0; i < timeline.size(); i++) {
            Optional<PartialDate> date =
                    PartialDate.parse(timeline.get(i).path("date").asText(null));
            if (date.isEmpty()) {
                continue;
            }
            if (previous != null && previous.certainlyAfter(date.get())) {
                out.accept(
                        Finding.error(
                                loaded.file(),
                                loaded.at("/timeline/" + i + "/date"),
                                Check.VAL_004,
                                "timeline event dated "
                                        + date.get()
                                        + " comes after one dated "
                                        + previous
                                        + "; keep the timeline in date order"));
            }
            previous = date.get();
        }
        JsonNode sources = tree.path("sources");
        for (int i = 0; i < sources.size(); i++) {
            Optional<PartialDate> published =
                    PartialDate.parse(sources.get(i).path("published").asText(null));
            Optional<PartialDate> accessed =
                    PartialDate.parse(sources.get(i).path("accessed").asText(null));
            if (published.isPresent()
                    && accessed.isPresent()
                    && published.get().certainlyAfter(accessed.get())) {
                out.accept(
                        Finding.error(
                                loaded.file(),
                                loaded.at("/sources/" + i + "/accessed"),
                                Check.VAL_004,
                                "accessed "
                                        + accessed.get()
                                        + " is before the source was published ("
                                        + published.get()
                                        + ")"));
            }
        }
    }
}
