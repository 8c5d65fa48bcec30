package org.keizu.model;

import java.util.List;

/** A maker of models, from {@code data/organisations/<id>.yaml}. */
public record Organisation(
        String id,
        String name,
        String nativeName,
        String country,
        String kind,
        String website,
        Summary summary,
        List<Source> sources,
        List<Correction> corrections) {
    public Organisation {
        sources = Lists.copy(sources);
        corrections = Lists.copy(corrections);
    }
}
