package org.keizu.site;

import java.nio.charset.StandardCharsets;

/**
 * One file of the site, rendered in memory: its path inside the output folder and its bytes (a text
 * file's in UTF-8: pages are rendered straight to them, and the search index reads a page from
 * them).
 */
public record OutputFile(String path, byte[] bytes) {
    /** A text file, its bytes the text in UTF-8. */
    public static OutputFile text(String path, String content) {
        return new OutputFile(path, content.getBytes(StandardCharsets.UTF_8));
    }
}
