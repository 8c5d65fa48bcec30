package org.keizu.site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The static files every page links (style sheet, scripts, icon), read once from {@code
 * templates/assets/} and published under names that carry a hash of their bytes, so browsers never
 * keep a stale copy and the files can be cached for ever.
 */
final class SiteAssets {
    final Asset css;
    final Asset filterScript;
    final Asset searchScript;
    final Asset icon;
    final Asset citeScript;

    /** One asset: its published path (under {@code assets/}) and its bytes. */
    record Asset(String path, byte[] bytes) {
        static Asset read(Path templateDir, String name) {
            byte[] bytes = readAsset(templateDir, name);
            return new Asset("assets/" + hashedName(name, bytes), bytes);
        }

        OutputFile file() {
            return new OutputFile(path, bytes);
        }
    }

    SiteAssets(Path templateDir) {
        this.css = Asset.read(templateDir, "style.css");
        this.filterScript = Asset.read(templateDir, "filter.js");
        this.searchScript = Asset.read(templateDir, "search.js");
        this.icon = Asset.read(templateDir, "favicon.svg");
        this.citeScript = Asset.read(templateDir, "cite.js");
    }

    /** Every asset, in a fixed order. */
    void write(SitePlan.Sink files) throws IOException {
        for (Asset asset : new Asset[] {css, filterScript, searchScript, icon, citeScript}) {
            files.accept(asset.file());
        }
    }

    /** {@code style.css} with its bytes' hash: {@code style.0a1b2c3d4e.css}. */
    static String hashedName(String name, byte[] bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            int dot = name.lastIndexOf('.');
            return name.substring(0, dot)
                    + "."
                    + HexFormat.of().formatHex(digest, 0, 5)
                    + name.substring(dot);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] readAsset(Path templateDir, String name) {
        try {
            return Files.readAllBytes(templateDir.resolve("assets").resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the asset templates/assets/" + name, e);
        }
    }
}
