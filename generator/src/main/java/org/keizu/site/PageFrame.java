package org.keizu.site;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.keizu.render.Language;
import org.keizu.render.MachineMetadata;
import org.keizu.render.Messages;
import org.keizu.render.RepositoryLinks;
import org.keizu.render.SitePaths;
import org.keizu.render.TemplateRenderer;
import org.keizu.render.Views;

/**
 * What the frame of every page offers beside its content, decided here for the page being rendered:
 * a correction to suggest, pre-filled with the page's name and address, when the site names a
 * repository.
 */
final class PageFrame {
    private final TemplateRenderer renderer;
    private final String citeScript;
    private final Views.SiteView site;
    private final Messages messages;
    private final SitePaths paths;
    private final Optional<RepositoryLinks> repository;

    /** The open-data page's link, or null when the site has no such page. */
    private final String openData;

    /**
     * The languages the site is published in, each with its name in itself (only {@code code} and
     * {@code name} are set); empty when the site has one language, which then offers no switch.
     */
    private final List<Views.LanguageLink> languages;

    PageFrame(
            TemplateRenderer renderer,
            String citeScript,
            Views.SiteView site,
            boolean openDataPage,
            List<Views.LanguageLink> languages) {
        this.languages = List.copyOf(languages);
        this.renderer = renderer;
        this.citeScript = citeScript;
        this.site = site;
        this.messages = new Messages(site.msg());
        this.paths = site.paths();
        this.repository = RepositoryLinks.optional(site.href().repository());
        this.openData = openDataPage ? paths.href(SitePaths.prose(SitePaths.OPEN_DATA_SLUG)) : null;
    }

    /**
     * The page at {@code pagePath} (a folder, "" for the home page), rendered with {@code
     * template}; {@code name} names it in a reader's correction.
     */
    OutputFile page(String pagePath, String template, Object view, String name) {
        return page(pagePath, template, view, name, meta(pagePath, null));
    }

    /** As above, with what machines read in the page's head. */
    OutputFile page(
            String pagePath,
            String template,
            Object view,
            String name,
            MachineMetadata.PageMeta meta) {
        return page(pagePath, template, view, name, meta, SitePaths.isPage(pagePath));
    }

    /**
     * A page only this language has (an old address of a renamed record): no alternates, no switch.
     */
    OutputFile unlisted(String pagePath, String template, Object view, String name) {
        return page(pagePath, template, view, name, meta(pagePath, null), false);
    }

    /**
     * The counterparts of the page at {@code pagePath} in every language, the English first (the
     * {@code x-default}); empty when the site has one language or the page has no counterparts.
     */
    List<Views.LanguageLink> alternates(String pagePath) {
        return languages.stream()
                .map(
                        l -> {
                            String href =
                                    paths.in(Language.byCode(l.code()).orElseThrow())
                                            .href(pagePath);
                            return new Views.LanguageLink(
                                    l.code(),
                                    l.name(),
                                    href,
                                    site.origin() + href,
                                    l.code().equals(site.lang()));
                        })
                .toList();
    }

    private OutputFile page(
            String pagePath,
            String template,
            Object view,
            String name,
            MachineMetadata.PageMeta meta,
            boolean counterparts) {
        String address = site.origin() + paths.href(pagePath);
        Views.PageActions actions =
                new Views.PageActions(
                        repository
                                .map(
                                        repo ->
                                                repo.correction(
                                                        messages.format(
                                                                "act_correction_title", name),
                                                        address))
                                .orElse(null));
        return new OutputFile(
                SitePaths.file(
                        SitePaths.isPage(pagePath)
                                ? site.language().folder() + pagePath
                                : pagePath),
                renderer.renderUtf8(
                        template,
                        Map.of(
                                "page",
                                view,
                                "actions",
                                actions,
                                "meta",
                                meta,
                                "citeScript",
                                citeScript,
                                "alternates",
                                counterparts ? alternates(pagePath) : List.of())));
    }

    /**
     * A page's head for machines: its address (when the origin is known), the registry's share
     * image, the registry's feed, and {@code jsonLd} (or none).
     */
    MachineMetadata.PageMeta meta(String pagePath, String jsonLd) {
        return new MachineMetadata.PageMeta(
                url(pagePath),
                "website",
                site.origin() + paths.href(SitePaths.SITE_SHARE_IMAGE),
                messages.format("share_site_alt"),
                ShareImage.WIDTH,
                ShareImage.HEIGHT,
                jsonLd,
                List.of(registryFeed()),
                registryFeed().href(),
                openData);
    }

    /** An evidence page: an article with its own share image, and its country's feed. */
    MachineMetadata.PageMeta modelMeta(
            String id, Views.CountryLink country, MachineMetadata.ShareCard card, String jsonLd) {
        return new MachineMetadata.PageMeta(
                url(SitePaths.model(id)),
                "article",
                site.origin() + paths.href(SitePaths.modelShareImage(id)),
                card.alt(),
                ShareImage.WIDTH,
                ShareImage.HEIGHT,
                jsonLd,
                List.of(registryFeed(), countryFeed(country)),
                registryFeed().href(),
                openData);
    }

    /** A country's page (or a page of its list of models, at {@code pagePath}), with its feed. */
    MachineMetadata.PageMeta countryMeta(Views.CountryLink country, String pagePath) {
        return meta(pagePath, null).withFeeds(List.of(registryFeed(), countryFeed(country)));
    }

    private String url(String pagePath) {
        return site.origin().isEmpty() ? null : site.origin() + paths.href(pagePath);
    }

    private Views.Link registryFeed() {
        return new Views.Link(
                messages.format("feed_registry_title"),
                // A path, not an address: pages never name another host, even their own origin.
                paths.href(SitePaths.REGISTRY_FEED));
    }

    private Views.Link countryFeed(Views.CountryLink country) {
        return new Views.Link(
                messages.format("feed_country_title", country.name()),
                paths.href(SitePaths.countryFeed(country.code())));
    }

    /** The 404 page is served at any address, so its correction asks for the address. */
    Views.PageActions missingPage() {
        return new Views.PageActions(
                repository
                        .map(
                                repo ->
                                        repo.newIssue(
                                                messages.format("act_missing_title"),
                                                messages.format("act_missing_body")))
                        .orElse(null));
    }

    /** The 404 page is served at any address: it has none of its own. */
    MachineMetadata.PageMeta missingMeta() {
        return meta("", null).withoutUrl();
    }

    /** A message of the bundle, to name a page. */
    String fixed(String key) {
        return messages.format(key);
    }

    /**
     * A prose page's links into the repository ({@code repository:CONTRIBUTING.md}) made complete;
     * without a repository, the words stay and the link goes.
     */
    String repositoryLinks(String markdown) {
        return RepositoryLinks.expandProse(markdown, repository);
    }
}
