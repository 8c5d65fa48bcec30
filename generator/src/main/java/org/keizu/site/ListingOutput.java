package org.keizu.site;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.keizu.render.Messages;
import org.keizu.render.SitePaths;
import org.keizu.render.ViewBuilder;
import org.keizu.render.Views;

/**
 * The pages that list models, for one language's site: the home page, and the pages by country,
 * verdict, organisation, programme and base. A list longer than a page is split ({@link
 * ModelListPages}).
 */
final class ListingOutput {
    private ListingOutput() {}

    /**
     * The home page, with the registry's JSON-LD: the examined models a page at a time ({@link
     * ModelListPages}), the rest of the page the same on each.
     */
    static void home(ViewBuilder views, PageFrame frame, SitePlan.Sink files) throws IOException {
        Views.IndexPage home = views.index();
        Messages messages = new Messages(views.site().msg());
        List<Supplier<OutputFile>> pages = new ArrayList<>();
        for (ModelListPages.Page page : new ModelListPages(views.site()).split(home.models(), "")) {
            pages.add(
                    () ->
                            frame.page(
                                    page.path(),
                                    "index.ftlh",
                                    new Views.IndexPage(
                                            home.site(),
                                            page.models(),
                                            home.bases(),
                                            home.countries(),
                                            home.grades(),
                                            home.verdicts()),
                                    page.name(frame.fixed("home_title"), messages),
                                    page.number() == 1
                                            ? frame.meta("", views.metadata().registryJsonLd())
                                            : frame.meta(page.path(), null)));
        }
        // Each page depends on its own view alone: made on every core, handed on in order.
        InOrder.make(pages, Supplier::get, files::accept);
    }

    /** The pages that list models: by country, verdict, organisation, programme and base. */
    static void render(ViewBuilder views, PageFrame frame, SitePlan.Sink files) throws IOException {
        ViewBuilder.ListViews lists = views.listViews();
        List<Supplier<OutputFile>> pages = new ArrayList<>();
        pages.add(
                () ->
                        frame.page(
                                SitePaths.COUNTRIES,
                                "countries.ftlh",
                                views.countries(),
                                frame.fixed("countries_title")));
        ModelListPages paging = new ModelListPages(views.site());
        Messages messages = new Messages(views.site().msg());
        for (Views.CountryPage country : lists.countryPages()) {
            for (ModelListPages.Page page :
                    paging.split(country.models(), SitePaths.country(country.country().code()))) {
                pages.add(
                        () ->
                                frame.page(
                                        page.path(),
                                        "country.ftlh",
                                        new Views.CountryPage(
                                                country.site(),
                                                country.country(),
                                                page.models(),
                                                country.onForeignBase(),
                                                country.examined()),
                                        page.name(country.country().name(), messages),
                                        frame.countryMeta(country.country(), page.path())));
            }
        }
        for (Views.VerdictPage verdict : lists.verdictPages()) {
            for (ModelListPages.Page page :
                    paging.split(verdict.models(), SitePaths.verdict(verdict.verdict()))) {
                pages.add(
                        () ->
                                frame.page(
                                        page.path(),
                                        "verdict.ftlh",
                                        new Views.VerdictPage(
                                                verdict.site(),
                                                verdict.verdict(),
                                                verdict.label(),
                                                verdict.meaning(),
                                                page.models()),
                                        page.name(
                                                frame.fixed("verdict_label")
                                                        + " "
                                                        + verdict.label(),
                                                messages)));
            }
        }
        for (Views.OrganisationPage organisation : lists.organisationPages()) {
            for (ModelListPages.Page page :
                    paging.split(
                            organisation.models(),
                            SitePaths.organisation(organisation.profile().id()))) {
                pages.add(
                        () ->
                                frame.page(
                                        page.path(),
                                        "organisation.ftlh",
                                        new Views.OrganisationPage(
                                                organisation.site(),
                                                organisation.profile(),
                                                organisation.kind(),
                                                page.models()),
                                        page.name(organisation.profile().name(), messages)));
            }
        }
        for (Views.ProgrammePage programme : lists.programmePages()) {
            for (ModelListPages.Page page :
                    paging.split(
                            programme.models(), SitePaths.programme(programme.profile().id()))) {
                pages.add(
                        () ->
                                frame.page(
                                        page.path(),
                                        "programme.ftlh",
                                        new Views.ProgrammePage(
                                                programme.site(),
                                                programme.profile(),
                                                programme.funder(),
                                                programme.started(),
                                                programme.timeline(),
                                                page.models()),
                                        page.name(programme.profile().name(), messages)));
            }
        }
        List<Views.BasePage> bases = lists.basePages();
        pages.add(
                () ->
                        frame.page(
                                SitePaths.BASES,
                                "bases.ftlh",
                                new SitePlan.BasesIndex(views.site(), bases),
                                frame.fixed("bases_title")));
        for (Views.BasePage base : bases) {
            int count =
                    ModelListPages.pageCount(
                            Stream.of(
                                            base.derived().size(),
                                            base.chains().size(),
                                            base.detected().size(),
                                            base.components().size(),
                                            base.architectureOnly().size())
                                    .max(Integer::compare)
                                    .orElse(0));
            String path = SitePaths.base(base.id());
            for (int number = 1; number <= count; number++) {
                int k = number;
                Views.BasePage page =
                        count == 1
                                ? base
                                : new Views.BasePage(
                                        base.site(),
                                        base.id(),
                                        base.name(),
                                        base.href(),
                                        base.modelHref(),
                                        base.country(),
                                        base.maker(),
                                        ModelListPages.slice(base.derived(), k),
                                        ModelListPages.slice(base.chains(), k),
                                        ModelListPages.slice(base.detected(), k),
                                        ModelListPages.slice(base.components(), k),
                                        ModelListPages.slice(base.architectureOnly(), k),
                                        k == 1 ? base.tree() : null,
                                        paging.pager(path, k, count));
                pages.add(
                        () ->
                                frame.page(
                                        ModelListPages.pagePath(path, k),
                                        "base.ftlh",
                                        page,
                                        ModelListPages.name(
                                                base.name() + " — " + frame.fixed("family_heading"),
                                                k,
                                                count,
                                                messages)));
            }
        }
        // Each page depends on its own view alone: made on every core, handed on in order.
        InOrder.make(pages, Supplier::get, files::accept);
    }
}
