package org.keizu.model;

import java.util.List;

/**
 * One model record from {@code data/models/<id>.yaml}: what its makers claim about its origin and
 * what the artefacts show. Plain and immutable; absent lists are empty.
 */
public record Model(
        String id,
        String name,
        String nativeName,
        List<String> aliases,
        String organisation,
        String country,
        String programme,
        String released,
        String reviewed,
        Summary summary,
        Parameters parameters,
        HubRef hub,
        String snapshot,
        Licence licence,
        List<Claim> claims,
        List<LineageLink> lineage,
        List<Dispute> disputes,
        List<LicenceObligation> licenceObligations,
        List<TimelineEvent> timeline,
        Statement response,
        List<Source> sources,
        List<Correction> corrections) {
    public Model {
        aliases = Lists.copy(aliases);
        claims = Lists.copy(claims);
        lineage = Lists.copy(lineage);
        disputes = Lists.copy(disputes);
        licenceObligations = Lists.copy(licenceObligations);
        timeline = Lists.copy(timeline);
        sources = Lists.copy(sources);
        corrections = Lists.copy(corrections);
    }
}
