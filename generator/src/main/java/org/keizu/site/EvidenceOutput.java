package org.keizu.site;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Function;
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
     * How many models are rendered at once: enough to keep every core busy, few enough that memory
     * does not grow with the registry (each model's files are held until written, about 100 KB).
     */
    private static final int BATCH = 64;

    private final ViewBuilder views;
    private final PageFrame frame;
    private final ShareImages shareImages;

    EvidenceOutput(ViewBuilder views, PageFrame frame, ShareImages images) {
        this.views = views;
        this.frame = frame;
        this.shareImages = images;
    }

    /** One model's files: those readers see listed, and those kept out of the sitemap. */
    private record ModelFiles(List<OutputFile> listed, List<OutputFile> unlisted) {}

    /**
     * Writes each model's files, evidence pages to {@code files} and versions and redirects to
     * {@code unlisted} (kept out of the sitemap: the record's page stands for them). Returns the
     * day each evidence page last changed, for the sitemap.
     */
    Map<String, String> render(SitePlan.Sink files, SitePlan.Sink unlisted) throws IOException {
        return inBatches(this::englishFiles, "", files, unlisted);
    }

    /** Everything the English site publishes for one model. */
    private ModelFiles englishFiles(String id) {
        MachineMetadata metadata = views.metadata();
        MachineMetadata.ShareCard card = metadata.shareCard(id);
        List<OutputFile> listed = new ArrayList<>();
        listed.add(
                new OutputFile(
                        SitePaths.modelShareImage(id),
                        shareImages.model(card, frame.fixed("site_name"))));
        EvidenceViews.ModelPage model = views.modelPage(id);
        listed.add(page(id, model, card, metadata));
        listed.addAll(SitePlan.citationFiles(model.citation()));
        List<OutputFile> hidden = new ArrayList<>();
        versions(id, hidden);
        redirects(views.model(id), hidden);
        return new ModelFiles(listed, hidden);
    }

    /** A translation's evidence page of one model. */
    private ModelFiles translatedFiles(String id) {
        MachineMetadata metadata = views.metadata();
        return new ModelFiles(
                List.of(page(id, views.modelPage(id), metadata.shareCard(id), metadata)),
                List.of());
    }

    /** One model's files alone, as {@link #render} or {@link #renderPages} hand them over. */
    void renderModel(String id, boolean english, SitePlan.Sink sink) throws IOException {
        ModelFiles files = english ? englishFiles(id) : translatedFiles(id);
        for (OutputFile file : files.listed()) {
            sink.accept(file);
        }
        for (OutputFile file : files.unlisted()) {
            sink.accept(file);
        }
    }

    /**
     * Renders every model's files, a batch of models at a time on every core (each model's files
     * depend on the model alone), and hands them to the sinks in the fixed order of the models.
     */
    private Map<String, String> inBatches(
            Function<String, ModelFiles> render,
            String folder,
            SitePlan.Sink files,
            SitePlan.Sink unlisted)
            throws IOException {
        MachineMetadata metadata = views.metadata();
        Map<String, String> lastmod = new TreeMap<>();
        List<String> ids = views.modelIds();
        // A pool of its own, not the common pool: Java 17's common pool erases a worker's thread
        // locals after every task, and the renderers keep their citation processors (300 ms to
        // make), image canvas and scratch arrays in thread locals. At 10,000 records the
        // processors were made again for every batch.
        ForkJoinPool pool = new ForkJoinPool(Runtime.getRuntime().availableProcessors());
        try {
            for (int start = 0; start < ids.size(); start += BATCH) {
                List<String> batch = ids.subList(start, Math.min(ids.size(), start + BATCH));
                List<ModelFiles> rendered =
                        pool.submit(() -> batch.parallelStream().map(render).toList()).join();
                hand(batch, rendered, folder, files, unlisted, metadata, lastmod);
            }
        } finally {
            pool.shutdownNow();
        }
        return lastmod;
    }

    /** A rendered batch handed to the sinks in the models' order, each model's day noted. */
    private void hand(
            List<String> batch,
            List<ModelFiles> rendered,
            String folder,
            SitePlan.Sink files,
            SitePlan.Sink unlisted,
            MachineMetadata metadata,
            Map<String, String> lastmod)
            throws IOException {
        for (int i = 0; i < batch.size(); i++) {
            for (OutputFile file : rendered.get(i).listed()) {
                files.accept(file);
            }
            for (OutputFile file : rendered.get(i).unlisted()) {
                unlisted.accept(file);
            }
            String id = batch.get(i);
            lastmod.put(folder + SitePaths.file(SitePaths.model(id)), metadata.lastModified(id));
        }
    }

    /** One model's evidence page, with its share card in the page's metadata. */
    private OutputFile page(
            String id,
            EvidenceViews.ModelPage model,
            MachineMetadata.ShareCard card,
            MachineMetadata metadata) {
        return frame.page(
                SitePaths.model(id),
                "model.ftlh",
                model,
                model.facts().name(),
                frame.modelMeta(id, model.facts().country(), card, metadata.modelJsonLd(id)));
    }

    /**
     * A translation's evidence pages, one per model: its share image, citation files and versions
     * are the English site's. Returns the day each page last changed, for the sitemap.
     */
    Map<String, String> renderPages(SitePlan.Sink files) throws IOException {
        return inBatches(this::translatedFiles, views.site().language().folder(), files, files);
    }

    /** The page and citation files of each version of the model's record. */
    private void versions(String id, List<OutputFile> unlisted) {
        for (int number : views.versionNumbers(id)) {
            EvidenceViews.ModelPage version = views.versionPage(id, number);
            String path = SitePaths.modelVersion(id, number);
            unlisted.add(
                    frame.page(
                            path,
                            "model.ftlh",
                            version,
                            version.facts().name(),
                            frame.meta(path, null)));
            if (!version.version().current()) {
                // The current version's files are the record page's own, written with it.
                unlisted.addAll(SitePlan.citationFiles(version.citation()));
            }
        }
    }

    /**
     * A renamed record's old addresses, each leading to the same page under its id now: the
     * record's page and the page of each version.
     */
    private void redirects(Model model, List<OutputFile> unlisted) {
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
            String from, String to, Model model, SitePaths paths, List<OutputFile> unlisted) {
        unlisted.add(
                frame.unlisted(
                        from,
                        "redirect.ftlh",
                        new Views.RedirectPage(views.site(), model.name(), paths.href(to)),
                        model.name()));
    }
}
