package org.keizu.render;

import java.util.Comparator;
import java.util.List;
import org.keizu.lineage.Verdict;
import org.keizu.load.Loaded;
import org.keizu.model.Model;
import org.keizu.model.UrlPolicy;
import org.keizu.render.Views.CountriesPage;
import org.keizu.render.Views.CountryLink;
import org.keizu.render.Views.CountryPage;
import org.keizu.render.Views.EventView;
import org.keizu.render.Views.IndexPage;
import org.keizu.render.Views.OrganisationPage;
import org.keizu.render.Views.ProgrammePage;
import org.keizu.render.Views.VerdictPage;

/** The pages that list models: home, countries, verdicts, organisations and programmes. */
final class ListingPages {
    private final ViewContext context;
    private final ModelRows rows;

    ListingPages(ViewContext context, ModelRows rows) {
        this.context = context;
        this.rows = rows;
    }

    IndexPage index() {
        return new IndexPage(
                context.site,
                rows.list(context.modelsByName),
                countries().countries(),
                context.terms("grades"),
                context.terms("verdicts"));
    }

    /** The countries with at least one model, by name. */
    CountriesPage countries() {
        List<CountryLink> links =
                context.registry.countries().stream()
                        .map(context::country)
                        .sorted(
                                Comparator.comparing(CountryLink::name)
                                        .thenComparing(CountryLink::code))
                        .toList();
        return new CountriesPage(context.site, links);
    }

    /** A country's models, and how many of those examined stand on a base from another country. */
    List<CountryPage> countryPages() {
        return countries().countries().stream()
                .map(
                        c -> {
                            List<Model> national =
                                    context.inSiteOrder(context.registry.modelsOfCountry(c.code()));
                            int foreign =
                                    (int)
                                            national.stream()
                                                    .filter(
                                                            m ->
                                                                    context.analysis
                                                                            .of(m.id())
                                                                            .onForeignBase())
                                                    .count();
                            int examined =
                                    (int)
                                            national.stream()
                                                    .filter(
                                                            m ->
                                                                    context.analysis
                                                                            .of(m.id())
                                                                            .examined())
                                                    .count();
                            return new CountryPage(
                                    context.site, c, rows.list(national), foreign, examined);
                        })
                .toList();
    }

    List<VerdictPage> verdictPages() {
        return java.util.Arrays.stream(Verdict.values())
                .map(
                        v ->
                                new VerdictPage(
                                        context.site,
                                        v.term(),
                                        context.label("verdicts", v.term()),
                                        context.vocabulary
                                                .find("verdicts", v.term())
                                                .map(t -> t.meaning())
                                                .orElse(null),
                                        rows.list(
                                                rows.where(
                                                        m ->
                                                                context.analysis
                                                                                .of(m.id())
                                                                                .verdict()
                                                                                .verdict()
                                                                        == v))))
                .toList();
    }

    List<OrganisationPage> organisationPages() {
        return context.registry.organisations().stream()
                .map(Loaded::record)
                .map(
                        o -> {
                            SourceNumbers refs = new SourceNumbers(o.sources());
                            return new OrganisationPage(
                                    context.site,
                                    o.id(),
                                    o.name(),
                                    o.nativeName(),
                                    context.country(o.country()),
                                    o.kind(),
                                    UrlPolicy.publishable(o.website()),
                                    o.summary() == null ? null : o.summary().text(),
                                    o.summary() == null
                                            ? null
                                            : refs.ref(o.summary().source(), o.summary().passage()),
                                    rows.list(
                                            context.inSiteOrder(
                                                    context.registry.modelsByOrganisation(o.id()))),
                                    refs.views());
                        })
                .toList();
    }

    List<ProgrammePage> programmePages() {
        return context.registry.programmes().stream()
                .map(Loaded::record)
                .map(
                        p -> {
                            SourceNumbers refs = new SourceNumbers(p.sources());
                            return new ProgrammePage(
                                    context.site,
                                    p.id(),
                                    p.name(),
                                    p.nativeName(),
                                    context.country(p.country()),
                                    p.funder(),
                                    p.started(),
                                    UrlPolicy.publishable(p.website()),
                                    p.summary() == null ? null : p.summary().text(),
                                    p.summary() == null
                                            ? null
                                            : refs.ref(p.summary().source(), p.summary().passage()),
                                    p.timeline().stream()
                                            .map(
                                                    e ->
                                                            new EventView(
                                                                    e.date(),
                                                                    e.event(),
                                                                    refs.ref(
                                                                            e.source(),
                                                                            e.passage()),
                                                                    e.uncertain()))
                                            .toList(),
                                    rows.list(
                                            context.inSiteOrder(
                                                    context.registry.modelsOfProgramme(p.id()))),
                                    refs.views());
                        })
                .toList();
    }
}
