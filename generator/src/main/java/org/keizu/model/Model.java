package org.keizu.model;

import java.util.List;

/**
 * One model record from {@code data/models/<id>.yaml}: what its makers claim about its origin and
 * what the artefacts show. Plain and immutable; absent lists are empty.
 *
 * <p>{@code aliases} are other names readers search for; {@code formerIds} are ids the record had
 * before it was renamed, whose addresses redirect to it. Ids never change meaning, so an id once
 * published stays with its record.
 */
public record Model(
        String id,
        String name,
        String nativeName,
        List<String> aliases,
        List<String> formerIds,
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
        formerIds = Lists.copy(formerIds);
        claims = Lists.copy(claims);
        lineage = Lists.copy(lineage);
        disputes = Lists.copy(disputes);
        licenceObligations = Lists.copy(licenceObligations);
        timeline = Lists.copy(timeline);
        sources = Lists.copy(sources);
        corrections = Lists.copy(corrections);
    }

    /**
     * This record under another id: an earlier version from before a rename, shown under the id the
     * record has now.
     */
    public Model withId(String newId) {
        return new Model(
                newId,
                name,
                nativeName,
                aliases,
                formerIds,
                organisation,
                country,
                programme,
                released,
                reviewed,
                summary,
                parameters,
                hub,
                snapshot,
                licence,
                claims,
                lineage,
                disputes,
                licenceObligations,
                timeline,
                response,
                sources,
                corrections);
    }
}
