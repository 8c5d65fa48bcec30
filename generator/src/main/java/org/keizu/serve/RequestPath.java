package org.keizu.serve;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A request's path made safe to look up under the output folder: percent-decoded once, as strict
 * UTF-8, and refused when it could leave the folder or mean something else on some system ({@code
 * ..} or {@code .} segments, plain or encoded; backslashes; NUL and other control characters).
 * Decoding happens before the check, so {@code %2e%2e} is caught like {@code ..}.
 *
 * @param segments the path's names, empty for the site's root
 * @param folder whether the path ended with a slash (a folder's address)
 */
record RequestPath(List<String> segments, boolean folder) {
    /** The path as a relative path with '/' between names ("" for the root). */
    String relative() {
        return String.join("/", segments);
    }

    /** Parses the raw (still encoded) path of a request; empty when it must be refused. */
    static Optional<RequestPath> parse(String rawPath) {
        if (rawPath == null || !rawPath.startsWith("/")) {
            return Optional.empty();
        }
        Optional<String> decoded = percentDecode(rawPath);
        if (decoded.isEmpty()) {
            return Optional.empty();
        }
        String path = decoded.get();
        if (path.chars().anyMatch(c -> c < 0x20 || c == 0x7f || c == '\\')) {
            return Optional.empty();
        }
        List<String> segments = new ArrayList<>();
        for (String segment : path.split("/")) {
            if (segment.equals(".") || segment.equals("..")) {
                return Optional.empty();
            }
            if (!segment.isEmpty()) {
                segments.add(segment);
            }
        }
        return Optional.of(new RequestPath(List.copyOf(segments), path.endsWith("/")));
    }

    /** {@code %XX} escapes to bytes, then strict UTF-8; empty for a broken escape or encoding. */
    private static Optional<String> percentDecode(String raw) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()) {
                    return Optional.empty();
                }
                int high = Character.digit(raw.charAt(i + 1), 16);
                int low = Character.digit(raw.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    return Optional.empty();
                }
                bytes.write(high * 16 + low);
                i += 2;
            } else if (c < 0x80) {
                bytes.write(c);
            } else {
                return Optional.empty(); // a raw path is ASCII; anything else was not encoded
            }
        }
        try {
            return Optional.of(
                    StandardCharsets.UTF_8
                            .newDecoder()
                            .onMalformedInput(CodingErrorAction.REPORT)
                            .onUnmappableCharacter(CodingErrorAction.REPORT)
                            .decode(ByteBuffer.wrap(bytes.toByteArray()))
                            .toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
