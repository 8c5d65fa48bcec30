package org.keizu.site;

import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;
import org.keizu.model.Model;
import org.keizu.render.EvidenceViews;
import org.keizu.render.MachineMetadata;
import org.keizu.render.SitePaths;
import org.keizu.render.ViewBuilder;
import org.keizu.render.Views;

/**
 * Everything the site publishes per model, one model at a time (the views are built as they go):
 * its share image, its evidence page and citation files, a page and citation files for each version
 * of its record, and a redirect from each address it had under a former id.
 */
final class EvidenceOutput {
    private final ViewBuilder views;
    private final PageFrame frame;

    EvidenceOutput(ViewBuilder views, PageFrame frame) {
        this.views = views;
        this.frame = frame;
    }

    /**
     * Writes each model's files, evidence pages to {@code files} and versions and redirects to
     * {@code unlisted} (kept out of the sitemap: the record's page stands for them). Returns the
     * day each evidence page last changed, for the sitemap.
     */
    Map<String, String> render(SitePlan.Sink files, SitePlan.Sink unlisted) throws IOException {
        MachineMetadata metadata = views.metadata();
        Map<String, String> lastmod = new TreeMap<>();
        for (String id : views.modelIds()) {
            EvidenceViews.ModelPage model = views.modelPage(id);
            MachineMetadata.ShareCard card = metadata.shareCard(id);
            files.accept(
                    new OutputFile(
                            SitePaths.modelShareImage(id),
                            ShareImage.model(card, frame.fixed("site_name"))));
            files.accept(
                    frame.page(
                            SitePaths.model(id),
                            "model.ftlh",
                            model,
                            model.facts().name(),
                            frame.modelMeta(
                                    id, model.facts().country(), card, metadata.modelJsonLd(id))));
            lastmod.put(SitePaths.file(SitePaths.model(id)), metadata.lastModified(id));
            SitePlan.writeCitation(model.citation(), files);
            for (int number : views.versionNumbers(id)) {
                EvidenceViews.ModelPage version = views.versionPage(id, number);
                String path = SitePaths.modelVersion(id, number);
                unlisted.accept(
                        frame.page(
                                path,
                                "model.ftlh",
                                version,
                                version.facts().name(),
                                frame.meta(path, null)));
                if (!version.version().current()) {
                    // The current version's files are the record page's own, written above.
                    SitePlan.writeCitation(version.citation(), unlisted);
                }
            }
            redirects(views.model(id), unlisted);
        }
        return lastmod;
    }

    /**
     * A renamed record's old addresses, each leading to the same page under its id now: the
     * record's page and the page of each version.
     */
    private void redirects(Model model, SitePlan.Sink unlisted) throws IOException {
        SitePaths paths = new SitePaths(views.site().baseUrl());
        for (String former : model.formerIds()) {
            redirect(SitePaths.model(former), SitePaths.model(model.id()), model, paths, unlisted);
            for (int number : views.versionNumbers(model.id())) {
                redirect(
                        SitePaths.modelVersion(former, number),
                        SitePaths.modelVersion(model.id(), number),
                        model,
                        paths,
                        unlisted);
            }
        }
    }

    private void redirect(
            String from, String to, Model model, SitePaths paths, SitePlan.Sink unlisted)
            throws IOException {
        unlisted.accept(
                frame.page(
                        from,
                        "redirect.ftlh",
                        new Views.RedirectPage(views.site(), model.name(), paths.href(to)),
                        model.name()));
    }
}
