package org.keizu.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.keizu.TestRegistries;
import org.keizu.cli.Main;

/**
 * {@code keizu serve} following a contributor's edits: a renamed model shows after a rebuild and
 * the build number the pages poll advances; a mistake turns every page into the error page with its
 * finding, and fixing it brings the site back. Also the command line's refusals: a port in use, an
 * output folder with other files, one inside the data folder.
 */
class ServeCommandTest {
    private static final String MODEL_PAGE = "/models/national-model/";

    @TempDir Path root;

    private LivePreview live;

    @BeforeEach
    void start() throws Exception {
        live = new LivePreview(root);
    }

    @AfterEach
    void stop() throws Exception {
        live.close();
    }

    @Test
    void followsEditsShowsErrorsAndComesBackWhenTheyAreFixed() throws Exception {
        Path record = live.data.resolve("models/national-model.yaml");
        String original = Files.readString(record);
        assertTrue(live.get(MODEL_PAGE).body().contains("National Model"));
        long first = live.preview.builds();

        Files.writeString(record, original.replace("name: National Model", "name: Renamed Model"));
        HttpResponse<String> renamed =
                live.await(MODEL_PAGE, r -> r.body().contains("Renamed Model"));
        assertEquals(200, renamed.statusCode());
        // The page's own long poll: answered once the rebuild is complete, with the new number.
        long afterRename = Long.parseLong(live.get("/__keizu/build?after=" + first).body());
        assertTrue(afterRename > first, "the build number advanced: " + afterRename);

        Files.writeString(
                record,
                original.replace(
                        "base: base-model\n    relation", "base: deepseek-v9\n    relation"));
        HttpResponse<String> broken =
                live.await(MODEL_PAGE, r -> r.body().contains("REF-002 unknown-base"));
        assertEquals(500, broken.statusCode());
        assertTrue(broken.body().contains("&quot;deepseek-v9&quot;"), broken.body());
        assertTrue(broken.body().contains("<script src=\"/__keizu/reload.js\""));
        assertEquals(500, live.get("/").statusCode(), "every page is the error page");
        assertEquals(500, live.get("/no/such/page/").statusCode());
        assertEquals(200, live.get("/__keizu/reload.js").statusCode(), "the script still loads");
        assertTrue(live.terminal().contains("error [REF-002 unknown-base]"), live.terminal());
        assertTrue(live.terminal().contains("1 error: the preview shows it"));

        Files.writeString(record, original);
        HttpResponse<String> fixed = live.await(MODEL_PAGE, r -> r.statusCode() == 200);
        assertTrue(fixed.body().contains("National Model"), fixed.body());
        assertFalse(fixed.body().contains("Renamed Model"));
        assertEquals(original, Files.readString(record), "serve never writes into data/");
    }

    @Test
    void anEditedModelsPagesAreShownFirstAndTheOtherRecordsAreNotReadAgain() throws Exception {
        Path record = live.data.resolve("models/national-model.yaml");
        String original = Files.readString(record);
        Files.writeString(record, original.replace("name: National Model", "name: Edited Model"));
        live.await("/ja" + MODEL_PAGE, r -> r.body().contains("Edited Model"));
        awaitSummaries(2); // the first build's summary, then the rebuild's
        String terminal = live.terminal();
        // The last build had no errors, so the page comes from the edited file alone.
        int shown =
                indexOf(
                        terminal,
                        "(?m)^showing models/national-model/ \\d+ ms after the save \\(\\d+ of its"
                                + " \\d+ files changed\\), from its own file; checking the whole"
                                + " registry$");
        assertTrue(shown > 0, terminal);
        assertTrue(
                terminal.indexOf("rebuilt ", shown) > shown,
                "the model's pages first, then the rest: " + terminal);
        // The fixture's five other records came from the last build's load.
        assertTrue(terminal.contains(", 5 records unchanged)"), terminal);
        assertTrue(live.get("/").body().contains("Edited Model"), "the listings follow");
    }

    @Test
    void anEditShownFromItsOwnFileThatTheChecksAcrossRecordsRefuseEndsAsTheErrorPage()
            throws Exception {
        Path record = live.data.resolve("models/national-model.yaml");
        String original = Files.readString(record);
        // An organisation the registry does not hold: the file alone loads cleanly.
        Files.writeString(
                record, original.replace("organisation: national-co", "organisation: no-such-co"));
        HttpResponse<String> broken =
                live.await(MODEL_PAGE, r -> r.body().contains("REF-001 unknown-organisation"));
        assertEquals(500, broken.statusCode());
        assertTrue(live.terminal().contains("1 error: the preview shows it"), live.terminal());

        // After a build with errors, the fix is shown once the whole registry passes its checks.
        Files.writeString(record, original.replace("name: National Model", "name: Fixed Model"));
        live.await(MODEL_PAGE, r -> r.statusCode() == 200 && r.body().contains("Fixed Model"));
        awaitSummaries(2);
        assertTrue(
                indexOf(
                                live.terminal(),
                                "(?m)^showing models/national-model/ \\d+ ms after the save"
                                        + " \\(\\d+ of its \\d+ files changed\\), rendering the"
                                        + " rest$")
                        > 0,
                live.terminal());
    }

    /** Where {@code pattern} first matches {@code text}, or -1. */
    private static int indexOf(String text, String pattern) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(pattern).matcher(text);
        return m.find() ? m.start() : -1;
    }

    /** Waits until the terminal shows {@code count} summaries of builds that completed. */
    private void awaitSummaries(long count) throws InterruptedException {
        long deadline = System.nanoTime() + LivePreview.DEADLINE.toNanos();
        java.util.regex.Pattern summary = java.util.regex.Pattern.compile("(?m)^rebuilt ");
        while (summary.matcher(live.terminal()).results().count() < count
                && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }

    @Test
    void aSecondPreviewOnTheSamePortIsToldToChooseAnother() {
        StringWriter err = new StringWriter();
        int code = serve(err, "--port", Integer.toString(live.preview.port()));
        assertEquals(1, code);
        assertTrue(
                err.toString()
                        .contains(
                                "keizu: port "
                                        + live.preview.port()
                                        + " is in use; choose another with --port N"),
                err.toString());
        assertFalse(err.toString().contains("Exception"), err.toString());
        assertFalse(err.toString().contains("\tat "), err.toString());
    }

    @Test
    void refusesAnOutputFolderHoldingOtherFilesOrInsideTheData() throws Exception {
        Path foreign = root.resolve("mine");
        Files.createDirectories(foreign);
        Files.writeString(foreign.resolve("notes.txt"), "keep me");
        StringWriter err = new StringWriter();
        assertEquals(1, serve(err, "--port", "0", "--out", foreign.toString()));
        assertTrue(err.toString().contains("holds files Keizu did not write"), err.toString());
        assertEquals("keep me", Files.readString(foreign.resolve("notes.txt")));

        StringWriter inside = new StringWriter();
        assertEquals(
                2, serve(inside, "--port", "0", "--out", live.data.resolve("site").toString()));
        assertTrue(inside.toString().contains("outside the data and templates"), inside.toString());
        assertFalse(Files.exists(live.data.resolve("site")));
    }

    @Test
    void stoppingDeletesItsTemporaryFolderAndNothingElse() throws Exception {
        Map<String, byte[]> dataBefore = TestRegistries.snapshot(live.data);
        Map<String, byte[]> templatesBefore = TestRegistries.snapshot(live.templates);
        live.close();
        live.close(); // twice, as a shutdown hook after a test might
        assertFalse(Files.exists(live.out));
        assertSameFiles(dataBefore, TestRegistries.snapshot(live.data));
        assertSameFiles(templatesBefore, TestRegistries.snapshot(live.templates));
    }

    /** {@code keizu serve} through {@link Main#run}, on the preview's own data and templates. */
    private int serve(StringWriter err, String... options) {
        String[] args = new String[options.length + 5];
        args[0] = "serve";
        System.arraycopy(options, 0, args, 1, options.length);
        args[options.length + 1] = "--data";
        args[options.length + 2] = live.data.toString();
        args[options.length + 3] = "--templates";
        args[options.length + 4] = live.templates.toString();
        return Main.run(args, new PrintWriter(new StringWriter()), new PrintWriter(err));
    }

    private static void assertSameFiles(Map<String, byte[]> before, Map<String, byte[]> after) {
        assertEquals(before.keySet(), after.keySet());
        before.forEach((path, bytes) -> assertTrue(Arrays.equals(bytes, after.get(path)), path));
    }
}
