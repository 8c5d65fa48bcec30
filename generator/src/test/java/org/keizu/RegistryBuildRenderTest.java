package org.keizu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.keizu.load.RecordHistory;
import org.keizu.render.MachineMetadata;
import org.keizu.site.ShareImage;
import org.keizu.site.ShareImages;
import org.keizu.site.SiteWriter;

/**
 * {@link RegistryBuild#render}, phase 4 on its own (what {@code keizu serve} builds with): the same
 * files, byte for byte, as {@link RegistryBuild#build}, with the share images taken from the
 * caller.
 */
class RegistryBuildRenderTest {
    @Test
    void rendersTheFilesBuildWrites(@TempDir Path root) throws Exception {
        TestRegistries.validFixture(root);
        RegistryBuild build = new RegistryBuild(TestRegistries.options(root));
        Path site = root.resolve("site");
        RegistryBuild.Output output = new RegistryBuild.Output(site, "/", "", false);
        assertFalse(build.build(output).findings().hasErrors());

        RegistryBuild.Checked checked = build.check();
        Map<String, byte[]> rendered = new TreeMap<>();
        build.render(
                checked,
                output,
                RecordHistory.read(root.resolve("data")),
                ShareImages.DRAWN,
                file -> rendered.put(file.path(), file.bytes()));

        Map<String, byte[]> written = TestRegistries.snapshot(site);
        written.remove(SiteWriter.MARKER);
        assertEquals(written.keySet(), rendered.keySet());
        written.forEach(
                (path, bytes) -> assertTrue(Arrays.equals(bytes, rendered.get(path)), path));
    }

    @Test
    void takesEveryShareImageFromTheCaller(@TempDir Path root) throws Exception {
        TestRegistries.validFixture(root);
        RegistryBuild build = new RegistryBuild(TestRegistries.options(root));
        RegistryBuild.Checked checked = build.check();
        List<String> asked = new ArrayList<>();
        byte[] image = ShareImage.site("stand-in", "");
        ShareImages kept =
                new ShareImages() {
                    @Override
                    public synchronized byte[] model(
                            MachineMetadata.ShareCard card, String siteName) {
                        asked.add(card.name());
                        return image;
                    }

                    @Override
                    public synchronized byte[] site(String siteName, String tagline) {
                        asked.add(siteName);
                        return image;
                    }
                };
        Map<String, byte[]> pngs = new TreeMap<>();
        build.render(
                checked,
                new RegistryBuild.Output(root.resolve("unused"), "/", "", false),
                RecordHistory.none(),
                kept,
                file -> {
                    if (file.path().endsWith(".png")) {
                        pngs.put(file.path(), file.bytes());
                    }
                });
        assertEquals(checked.registry().models().size() + 1, asked.size(), asked.toString());
        assertEquals(asked.size(), pngs.size(), pngs.keySet().toString());
        pngs.forEach((path, bytes) -> assertTrue(Arrays.equals(image, bytes), path));
    }
}
