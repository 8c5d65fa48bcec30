package org.keizu.render;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.keizu.lineage.Verdict;
import org.keizu.load.Loaded;
import org.keizu.model.Model;
import org.keizu.model.Organisation;
import org.keizu.model.Programme;
import org.keizu.model.Source;
import org.keizu.model.Summary;
import org.keizu.model.UrlPolicy;
import org.keizu.render.Views.CountriesPage;
import org.keizu.render.Views.CountryLink;
import org.keizu.render.Views.CountryPage;
import org.keizu.render.Views.EventView;
import org.keizu.render.Views.IndexPage;
import org.keizu.render.Views.OrganisationPage;
import org.keizu.render.Views.Profile;
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

    /**
     * Home: the examined models first (those with a claim or a lineage of their own), then, apart,
     * the models held only as bases or references for the detector.
     */
    IndexPage index() {
        return new IndexPage(
                context.site,
                rows.list(rows.where(m -> context.analysis.of(m.id()).examined())),
                rows.list(rows.where(m -> !context.analysis.of(m.id()).examined())),
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
        List<VerdictPage> pages = new ArrayList<>();
        for (Verdict v : Verdict.values()) {
            String meaning = context.meaning("verdicts", v.term());
            List<Model> judged =
                    rows.where(m -> context.analysis.of(m.id()).verdict().verdict() == v);
            pages.add(
                    new VerdictPage(
                            context.site,
                            v.term(),
                            context.label("verdicts", v.term()),
                            meaning,
                            rows.list(judged)));
        }
        return pages;
    }

    List<OrganisationPage> organisationPages() {
        List<OrganisationPage> pages = new ArrayList<>();
        for (Organisation o :
                context.registry.organisations().stream().map(Loaded::record).toList()) {
            Profile profile =
                    profile(
                            o.id(),
                            o.name(),
                            o.nativeName(),
                            o.country(),
                            o.website(),
                            o.summary(),
                            o.sources());
            List<Model> made = context.inSiteOrder(context.registry.modelsByOrganisation(o.id()));
            pages.add(
                    new OrganisationPage(
                            context.site,
                            profile,
                            context.messages.format(
                                    "organisation_kind_" + MessageKeys.suffix(o.kind())),
                            rows.list(made)));
        }
        return pages;
    }

    List<ProgrammePage> programmePages() {
        List<ProgrammePage> pages = new ArrayList<>();
        for (Programme p : context.registry.programmes().stream().map(Loaded::record).toList()) {
            Profile profile =
                    profile(
                            p.id(),
                            p.name(),
                            p.nativeName(),
                            p.country(),
                            p.website(),
                            p.summary(),
                            p.sources());
            SourceNumbers refs = new SourceNumbers(p.sources(), context.language);
            List<EventView> timeline = refs.timeline(p.timeline());
            List<Model> funded = context.inSiteOrder(context.registry.modelsOfProgramme(p.id()));
            pages.add(
                    new ProgrammePage(
                            context.site,
                            profile,
                            p.funder(),
                            context.date(p.started()),
                            timeline,
                            rows.list(funded)));
        }
        return pages;
    }

    private Profile profile(
            String id,
            String name,
            String nativeName,
            String country,
            String website,
            Summary summary,
            List<Source> sources) {
        SourceNumbers refs = new SourceNumbers(sources, context.language);
        ViewContext.LocalText text =
                summary == null
                        ? context.text(null, java.util.Map.of())
                        : context.text(summary.text(), summary.translations());
        return new Profile(
                id,
                name,
                nativeName,
                context.country(country),
                UrlPolicy.publishable(website),
                text.text(),
                summary == null ? null : refs.ref(summary.source(), summary.passage()),
                text.lang(),
                text.untranslated(),
                refs.views());
    }
}
