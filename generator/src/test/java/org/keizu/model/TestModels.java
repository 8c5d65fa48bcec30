package org.keizu.model;

import java.util.List;

/**
 * Model records for tests, with only the fields a test cares about: a record names an organisation,
 * a country and a review date, and every list starts empty.
 *
 * <pre>
 *   Model m = TestModels.model("m").country("JP").lineage(links).build();
 * </pre>
 */
public final class TestModels {
    private String id;
    private String name;
    private String organisation = "org";
    private String country = "JP";
    private String programme;
    private String released;
    private String reviewed = "2026-11-30";
    private List<Claim> claims = List.of();
    private List<LineageLink> lineage = List.of();
    private List<Dispute> disputes = List.of();

    private TestModels(String id) {
        this.id = id;
        this.name = id;
    }

    /** A model whose name is its id. */
    public static TestModels model(String id) {
        return new TestModels(id);
    }

    public TestModels name(String name) {
        this.name = name;
        return this;
    }

    public TestModels organisation(String organisation) {
        this.organisation = organisation;
        return this;
    }

    public TestModels country(String country) {
        this.country = country;
        return this;
    }

    public TestModels programme(String programme) {
        this.programme = programme;
        return this;
    }

    public TestModels released(String released) {
        this.released = released;
        return this;
    }

    public TestModels reviewed(String reviewed) {
        this.reviewed = reviewed;
        return this;
    }

    public TestModels claims(List<Claim> claims) {
        this.claims = claims;
        return this;
    }

    public TestModels lineage(List<LineageLink> lineage) {
        this.lineage = lineage;
        return this;
    }

    public TestModels disputes(List<Dispute> disputes) {
        this.disputes = disputes;
        return this;
    }

    public Model build() {
        return new Model(
                id,
                name,
                null,
                null,
                null,
                organisation,
                country,
                programme,
                released,
                reviewed,
                null,
                null,
                null,
                null,
                null,
                claims,
                lineage,
                disputes,
                null,
                null,
                null,
                null,
                null);
    }
}
