package org.keizu.site;

import java.nio.charset.StandardCharsets;

/**
 * One file of the site, rendered in memory: its path inside the output folder and its bytes, and,
 * for a text file, the text they encode (null for an image): the search index reads a page's text
 * as rendered rather than decoding its bytes again.
 */
public record OutputFile(String path, byte[] bytes, String text) {
    /** A file of bytes only, such as an image. */
    public OutputFile(String path, byte[] bytes) {
        this(path, bytes, null);
    }

    /** A text file, its bytes the text in UTF-8. */
    public static OutputFile text(String path, String content) {
        return new OutputFile(path, content.getBytes(StandardCharsets.UTF_8), content);
    }
}
