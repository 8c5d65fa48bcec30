package org.keizu.model;

import java.util.List;

/** A national programme that funds or selects models, from {@code data/programmes/<id>.yaml}. */
public record Programme(
        String id,
        String name,
        String nativeName,
        String country,
        String funder,
        String started,
        String website,
        Summary summary,
        List<TimelineEvent> timeline,
        List<Source> sources,
        List<Correction> corrections) {
    public Programme {
        timeline = Lists.copy(timeline);
        sources = Lists.copy(sources);
        corrections = Lists.copy(corrections);
    }
}
