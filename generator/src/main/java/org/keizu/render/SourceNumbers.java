package org.keizu.render;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.keizu.model.Passage;
import org.keizu.model.Source;
import org.keizu.model.UrlPolicy;
import org.keizu.render.Views.PassageView;
import org.keizu.render.Views.SourceRef;
import org.keizu.render.Views.SourceView;

/** Numbers a record's sources in the order listed, for "[n]" markers and #source-id anchors. */
final class SourceNumbers {
    private final List<Source> sources;
    private final Map<String, Integer> numbers = new HashMap<>();
    private final Map<String, String> languages = new HashMap<>();

    /** Writes a record's date in the page's language. */
    private final java.util.function.UnaryOperator<String> dates;

    SourceNumbers(List<Source> sources) {
        this(sources, Language.EN);
    }

    /** Numbers {@code sources}, writing their dates and the events' as {@code language} does. */
    SourceNumbers(List<Source> sources, Language language) {
        this.dates = language::date;
        this.sources = List.copyOf(sources);
        for (Source s : sources) {
            numbers.putIfAbsent(s.id(), numbers.size() + 1);
            languages.putIfAbsent(s.id(), s.language());
        }
    }

    /**
     * A citation marker carrying the source's supporting words; their language is the source's
     * unless stated.
     */
    SourceRef ref(String id, Passage passage) {
        if (id == null) {
            return null;
        }
        PassageView words =
                passage == null
                        ? null
                        : new PassageView(
                                passage.text(),
                                passage.language() != null ? passage.language() : languages.get(id),
                                passage.translation());
        return new SourceRef(number(id), anchor(id), words);
    }

    SourceRef ref(String id) {
        return ref(id, null);
    }

    /** Dated events, each with the marker of its source. */
    List<Views.EventView> timeline(List<org.keizu.model.TimelineEvent> events) {
        return events.stream()
                .map(
                        e ->
                                new Views.EventView(
                                        dates.apply(e.date()),
                                        e.event(),
                                        ref(e.source(), e.passage()),
                                        e.uncertain()))
                .toList();
    }

    /** The numbered list of sources the page ends with. */
    List<SourceView> views() {
        return sources.stream()
                .map(
                        s ->
                                new SourceView(
                                        number(s.id()),
                                        anchor(s.id()),
                                        s.title(),
                                        s.publisher(),
                                        UrlPolicy.publishable(s.url()),
                                        UrlPolicy.publishable(s.archived()),
                                        dates.apply(s.published()),
                                        dates.apply(s.accessed()),
                                        s.language(),
                                        s.uncertain()))
                .toList();
    }

    private int number(String id) {
        return numbers.getOrDefault(id, 0);
    }

    private static String anchor(String id) {
        return "source-" + id;
    }
}
