package org.keizu.site;

import java.io.IOException;
import java.util.List;
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
    /**
     * How many models' share images are drawn at once: enough to keep every core busy, few enough
     * that memory does not grow with the registry (about 35 KB each).
     */
    private static final int IMAGE_BATCH = 64;

    private final ViewBuilder views;
    private final PageFrame frame;
    private final ShareImages shareImages;

    EvidenceOutput(ViewBuilder views, PageFrame frame, ShareImages images) {
        this.views = views;
        this.frame = frame;
        this.shareImages = images;
    }

    /**
     * Writes each model's files, evidence pages to {@code files} and versions and redirects to
     * {@code unlisted} (kept out of the sitemap: the record's page stands for them). Returns the
     * day each evidence page last changed, for the sitemap.
     */
    Map<String, String> render(SitePlan.Sink files, SitePlan.Sink unlisted) throws IOException {
        MachineMetadata metadata = views.metadata();
        Map<String, String> lastmod = new TreeMap<>();
        List<String> ids = views.modelIds();
        String siteName = frame.fixed("site_name");
        for (int start = 0; start < ids.size(); start += IMAGE_BATCH) {
            List<String> batch = ids.subList(start, Math.min(ids.size(), start + IMAGE_BATCH));
            List<MachineMetadata.ShareCard> cards =
                    batch.stream().map(metadata::shareCard).toList();
            // Encoding a share image as PNG is most of the work per model, and each image depends
            // on its card alone: drawn on every core, then written in the fixed order.
            List<byte[]> images =
                    cards.parallelStream().map(card -> shareImages.model(card, siteName)).toList();
            for (int i = 0; i < batch.size(); i++) {
                String id = batch.get(i);
                files.accept(new OutputFile(SitePaths.modelShareImage(id), images.get(i)));
                EvidenceViews.ModelPage model = writePage(id, cards.get(i), metadata, files);
                lastmod.put(SitePaths.file(SitePaths.model(id)), metadata.lastModified(id));
                SitePlan.writeCitation(model.citation(), files);
                versions(id, unlisted);
                redirects(views.model(id), unlisted);
            }
        }
        return lastmod;
    }

    /** One model's evidence page, with its share card in the page's metadata. */
    private EvidenceViews.ModelPage writePage(
            String id,
            MachineMetadata.ShareCard card,
            MachineMetadata metadata,
            SitePlan.Sink files)
            throws IOException {
        EvidenceViews.ModelPage model = views.modelPage(id);
        files.accept(
                frame.page(
                        SitePaths.model(id),
                        "model.ftlh",
                        model,
                        model.facts().name(),
                        frame.modelMeta(
                                id, model.facts().country(), card, metadata.modelJsonLd(id))));
        return model;
    }

    /**
     * A translation's evidence pages, one per model: its share image, citation files and versions
     * are the English site's. Returns the day each page last changed, for the sitemap.
     */
    Map<String, String> renderPages(SitePlan.Sink files) throws IOException {
        MachineMetadata metadata = views.metadata();
        Map<String, String> lastmod = new TreeMap<>();
        String folder = views.site().language().folder();
        for (String id : views.modelIds()) {
            writePage(id, metadata.shareCard(id), metadata, files);
            lastmod.put(folder + SitePaths.file(SitePaths.model(id)), metadata.lastModified(id));
        }
        return lastmod;
    }

    /** The page and citation files of each version of the model's record. */
    private void versions(String id, SitePlan.Sink unlisted) throws IOException {
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
                // The current version's files are the record page's own, written with it.
                SitePlan.writeCitation(version.citation(), unlisted);
            }
        }
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
                frame.unlisted(
                        from,
                        "redirect.ftlh",
                        new Views.RedirectPage(views.site(), model.name(), paths.href(to)),
                        model.name()));
    }
}
