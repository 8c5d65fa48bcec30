package org.keizu.serve;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.keizu.RegistryBuild;
import org.keizu.RegistryLoad;
import org.keizu.diagnostic.FindingFormat;
import org.keizu.diagnostic.Findings;
import org.keizu.load.Loaded;
import org.keizu.load.RecordHistory;
import org.keizu.load.RecordKind;
import org.keizu.model.Model;
import org.keizu.render.SitePaths;

/**
 * One rebuild of the preview, as far as the pipeline allows it to be partial. Every rebuild runs
 * the checks and renders every file again, because a record's name or verdict reaches many pages
 * (listings, family trees, feeds); what is slow and rarely changes is kept instead: a record file
 * whose bytes did not change is not parsed, checked or bound again ({@link RegistryLoad.Cache}),
 * the git history is read once, at start (a commit made while the preview runs shows after a
 * restart), share images are drawn only for the cards an edit changed, and only files whose bytes
 * changed are written.
 *
 * <p>The page being edited is the one the contributor is looking at, so when the edit was to a
 * model's record its own pages are written first. After a build without errors they come from the
 * edited file alone ({@link RegistryBuild#withEditedModel}): the file is loaded and checked on its
 * own, set into the last build's registry, and the model's pages rendered, in well under a second
 * even at 10,000 records, where checking the whole registry takes most of a second and the rest of
 * the site some 17 seconds more. Then the whole registry is checked: a mistake that only the checks
 * across records find (a base that is not in the registry) turns the pages into the error page,
 * moments later. When the edited file cannot be taken alone (it does not load cleanly, its id or
 * its snapshot changed, the last build had errors), its pages are written first once the whole
 * check passes. The other pages (listings, families, feeds) follow, and the open pages reload again
 * if any changed.
 */
final class PreviewBuilder {
    private final RegistryBuild.Options options;
    private final OutputFolder folder;
    private final PrintWriter out;
    private final PrintWriter err;
    private final RememberedShareImages images = new RememberedShareImages();
    private final RegistryLoad.Cache loads = new RegistryLoad.Cache();
    private RecordHistory history;

    /** What the checks of the last build gave, if it had no errors; else null. */
    private RegistryBuild.Checked lastGood;

    PreviewBuilder(
            RegistryBuild.Options options, OutputFolder folder, PrintWriter out, PrintWriter err) {
        this.options = options;
        this.folder = folder;
        this.out = out;
        this.err = err;
    }

    /**
     * Builds the site into the output folder, prints the findings and a one-line summary, and
     * records in {@code state} what the server is to show. {@code changed} is a file the edit
     * touched (null for the first build) and {@code savedAt} when it was seen ({@link
     * System#nanoTime}). Never throws for a mistake in the data or the templates: a failed build is
     * shown as one.
     */
    void rebuild(BuildState state, Path changed, long savedAt) {
        long start = System.nanoTime();
        RegistryBuild build = new RegistryBuild(options, loads);
        Findings findings;
        OutputFolder.Pass pass = folder.pass();
        images.nextBuild();
        try {
            Optional<Loaded<Model>> edited = editedModel(changed, lastGood);
            boolean shown =
                    edited.isPresent() && showProvisional(build, edited.get(), state, savedAt);
            RegistryBuild.Checked checked = build.check();
            findings = checked.findings();
            lastGood = findings.hasErrors() ? null : checked;
            if (!findings.hasErrors()) {
                if (history == null) {
                    history = RecordHistory.read(options.dataDir());
                }
                RegistryBuild.Output output = output();
                RegistryBuild.Rendering rendering =
                        build.rendering(checked, output, history, images);
                if (!shown) {
                    Optional<Loaded<Model>> model = editedModel(changed, checked);
                    if (model.isPresent()) {
                        show(
                                rendering,
                                model.get().record().id(),
                                state,
                                savedAt,
                                "rendering the rest");
                    }
                }
                rendering.all(pass::write);
                pass.finish();
                images.buildCompleted();
            }
        } catch (IOException | RuntimeException e) {
            lastGood = null;
            if (folder.closed()) {
                return; // stopped on purpose: nothing to report
            }
            // A template that does not parse or a folder that cannot be written: the page says so,
            // and saving a fix rebuilds.
            String problem = "the build failed: " + printableLines(causes(e));
            out.println(problem);
            err.println("1 error: the preview shows it");
            err.flush();
            state.publish(pass.written() > 0, List.of(problem));
            return;
        }
        List<String> lines = findings.sorted().stream().map(FindingFormat.TEXT::format).toList();
        lines.forEach(out::println);
        out.flush();
        if (findings.hasErrors()) {
            err.println(
                    findings.errorCount()
                            + (findings.errorCount() == 1
                                    ? " error: the preview shows it"
                                    : " errors: the preview shows them"));
            state.publish(false, lines);
        } else {
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            err.println(
                    "rebuilt "
                            + pass.files()
                            + " files in "
                            + millis
                            + " ms ("
                            + pass.written()
                            + " changed, "
                            + pass.removed()
                            + " removed, "
                            + images.drawn()
                            + " share images drawn, "
                            + loads.reused()
                            + " records unchanged"
                            + (findings.warningCount() > 0
                                    ? ", "
                                            + findings.warningCount()
                                            + (findings.warningCount() == 1
                                                    ? " warning"
                                                    : " warnings")
                                    : "")
                            + ")");
            state.publish(pass.written() + pass.removed() > 0, List.of());
        }
        err.flush();
    }

    private RegistryBuild.Output output() {
        return new RegistryBuild.Output(folder.root(), "/", "", true);
    }

    /**
     * The model whose record file {@code changed} is, if {@code checked} (a build's checks, or null
     * for none) holds it.
     */
    private Optional<Loaded<Model>> editedModel(Path changed, RegistryBuild.Checked checked) {
        if (changed == null || checked == null) {
            return Optional.empty();
        }
        Path file = changed.toAbsolutePath().normalize();
        Path models =
                options.dataDir().resolve(RecordKind.MODEL.folder()).toAbsolutePath().normalize();
        if (!models.equals(file.getParent())) {
            return Optional.empty();
        }
        return checked.registry().models().stream()
                .filter(l -> l.source().file().toAbsolutePath().normalize().equals(file))
                .findFirst();
    }

    /**
     * Writes the pages of the edited model from its file alone, set into the last good build's
     * registry, and reloads the open pages; false, writing nothing, when the file cannot be taken
     * alone ({@link RegistryBuild#withEditedModel}) or its pages cannot be rendered so (the checks
     * that follow then say why).
     */
    private boolean showProvisional(
            RegistryBuild build, Loaded<Model> earlier, BuildState state, long savedAt) {
        try {
            Optional<RegistryBuild.Checked> provisional = build.withEditedModel(lastGood, earlier);
            if (provisional.isEmpty()) {
                return false;
            }
            RegistryBuild.Rendering rendering =
                    build.rendering(provisional.get(), output(), history, images);
            show(
                    rendering,
                    earlier.record().id(),
                    state,
                    savedAt,
                    "from its own file; checking the whole registry");
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * Writes the model's pages in every language and reloads the open pages, before the rest of the
     * site is rendered.
     */
    private void show(
            RegistryBuild.Rendering rendering,
            String id,
            BuildState state,
            long savedAt,
            String next)
            throws IOException {
        OutputFolder.Pass first = folder.pass();
        rendering.model(id, first::write);
        if (first.written() > 0) {
            state.publish(true, List.of());
        }
        err.println(
                "showing "
                        + SitePaths.model(id)
                        + " "
                        + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - savedAt)
                        + " ms after the save ("
                        + first.written()
                        + " of its "
                        + first.files()
                        + " files changed), "
                        + next);
        err.flush();
    }

    /**
     * The failure and what caused it, each on a line: the cause of a template's failure holds its
     * line and column (Freemarker's message), the failure itself only the template's name.
     */
    private static String causes(Throwable failure) {
        StringBuilder text = new StringBuilder(String.valueOf(failure.getMessage()));
        for (Throwable cause = failure.getCause();
                cause != null && cause != cause.getCause();
                cause = cause.getCause()) {
            if (cause.getMessage() != null && !text.toString().contains(cause.getMessage())) {
                text.append("\nbecause: ").append(cause.getMessage());
            }
        }
        return text.toString();
    }

    /** A message of several lines (Freemarker's), each with its invisible characters shown. */
    private static String printableLines(String message) {
        return String.join("\n", message.lines().map(FindingFormat::printable).toList());
    }
}
