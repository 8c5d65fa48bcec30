package org.keizu.site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.keizu.render.TemplateRenderer;
import org.keizu.render.ViewBuilder;
import org.keizu.render.Views;

/**
 * Decides which files the site has and renders each one in memory. Nothing here touches the
 * output folder; {@link SiteWriter} does that, after the whole site has rendered.
 */
public final class SitePlan {
    private final TemplateRenderer renderer;

    public SitePlan(TemplateRenderer renderer) {
        this.renderer = renderer;
    }

    /** The stylesheet's published name carries a hash of its bytes, so browsers never keep a stale copy. */
    public static String hashedName(String name, byte[] bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            int dot = name.lastIndexOf('.');
            return name.substring(0, dot) + "." + HexFormat.of().formatHex(digest, 0, 5) + name.substring(dot);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static byte[] readAsset(Path templateDir, String name) {
        try {
            return Files.readAllBytes(templateDir.resolve("assets").resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the asset templates/assets/" + name, e);
        }
    }

    public List<OutputFile> render(ViewBuilder views, String stylesheetPath, byte[] stylesheet) {
        List<OutputFile> files = new ArrayList<>();
        files.add(new OutputFile(stylesheetPath, stylesheet));
        files.add(OutputFile.text("index.html", renderer.render("index.ftlh", Map.of("page", views.index()))));
        for (Views.ModelPage page : views.modelPages()) {
            files.add(OutputFile.text(ViewBuilder.modelPath(page.id()) + "index.html",
                    renderer.render("model.ftlh", Map.of("page", page))));
        }
        files.add(OutputFile.text(".nojekyll", ""));
        return files;
    }
}
