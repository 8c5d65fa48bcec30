package org.keizu.site;

import java.nio.charset.StandardCharsets;

/** One file of the site, rendered in memory: its path inside the output folder and its bytes. */
public record OutputFile(String path, byte[] bytes) {
    public static OutputFile text(String path, String content) {
        return new OutputFile(path, content.getBytes(StandardCharsets.UTF_8));
    }
}
