package org.keizu.search;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jsoup.parser.Parser;

/**
 * Reads what a search index takes from one of Keizu's own pages, as the templates mark it: the text
 * inside the first element with {@code data-search-body}, less every element with {@code
 * data-search-ignore}; the values of the elements inside it with {@code data-search-filter="name"}
 * and {@code data-search-meta="name"} (ignored or not); and the title, the {@code title} meta or
 * else the body's first {@code <h1>}. Reading stops where that element ends.
 *
 * <p>One pass over the page's characters, without building a tree: the pages are Keizu's own
 * output, written by its templates with every tag closed, so a stack of open elements is enough. A
 * DOM parser took most of the index's time; the test reads every page of the real site both ways
 * and compares.
 */
public final class PageText {
    /** The attribute that marks the part of a page a search indexes. */
    public static final String BODY = "data-search-body";

    static final String IGNORE = "data-search-ignore";
    static final String FILTER = "data-search-filter";
    static final String META = "data-search-meta";

    /** What a page gives the index. */
    public record Page(
            String title,
            String content,
            Map<String, String> meta,
            Map<String, List<String>> filters) {}

    /** Elements that never have content or an end tag. */
    private static final Set<String> VOID =
            Set.of(
                    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                    "source", "track", "wbr");

    /** Elements whose text runs on with their neighbours' (no word break at their edges). */
    private static final Set<String> INLINE =
            Set.of(
                    "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "dfn", "em", "i", "kbd",
                    "mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u",
                    "var");

    /** Elements whose content is not text of the page. */
    private static final Set<String> RAW = Set.of("script", "style");

    private PageText() {}

    /** The page's indexed parts, or empty when no element of it is marked for search. */
    public static Optional<Page> read(String html) {
        if (!html.contains(BODY)) {
            return Optional.empty();
        }
        return new Scan(html).run();
    }

    /** What an element's text is taken for, beyond the page's text. */
    private enum Role {
        FILTER,
        META,
        HEADING
    }

    /**
     * An open element, with what it inherits from the elements around it; {@code role} and {@code
     * key} (the filter's or meta's name) are null for an element whose text is taken for nothing
     * more.
     */
    private record Frame(
            String name,
            boolean body,
            boolean ignored,
            StringBuilder capture,
            Role role,
            String key) {}

    private static final class Scan {
        private final String html;
        private int at;
        private final Deque<Frame> open = new ArrayDeque<>();
        private final StringBuilder content = new StringBuilder();
        private final Map<String, String> meta = new LinkedHashMap<>();
        private final Map<String, List<String>> filters = new LinkedHashMap<>();
        private boolean sawBody;
        private String firstHeading;

        Scan(String html) {
            this.html = html;
        }

        Optional<Page> run() {
            int length = html.length();
            while (at < length) {
                int lt = html.indexOf('<', at);
                int end = lt < 0 ? length : lt;
                if (end > at) {
                    text(at, end);
                }
                if (lt < 0) {
                    break;
                }
                at = lt;
                tag();
                if (sawBody && (open.isEmpty() || !open.peek().body())) {
                    break; // the marked element has closed: nothing after it is read
                }
            }
            if (!sawBody) {
                return Optional.empty();
            }
            String title = meta.containsKey("title") ? meta.get("title") : firstHeading;
            return Optional.of(
                    new Page(title == null ? "" : title, collapse(content), meta, filters));
        }

        /** At a '<': a comment, a declaration, an end tag, a start tag, or a '<' of the text. */
        private void tag() {
            if (html.startsWith("<!--", at)) {
                int close = html.indexOf("-->", at + 4);
                at = close < 0 ? html.length() : close + 3;
            } else if (html.startsWith("</", at)
                    && at + 2 < html.length()
                    && Character.isLetter(html.charAt(at + 2))) {
                int close = html.indexOf('>', at);
                close = close < 0 ? html.length() : close;
                String name = lowerCase(html.substring(at + 2, close).strip());
                at = Math.min(html.length(), close + 1);
                endTag(name);
            } else if (html.startsWith("<!", at) || html.startsWith("<?", at)) {
                int close = html.indexOf('>', at);
                at = close < 0 ? html.length() : close + 1;
            } else if (at + 1 < html.length() && Character.isLetter(html.charAt(at + 1))) {
                startTag();
            } else {
                text(at, at + 1);
                at++;
            }
        }

        private void startTag() {
            int i = at + 1;
            int length = html.length();
            while (i < length
                    && !isSpace(html.charAt(i))
                    && html.charAt(i) != '>'
                    && html.charAt(i) != '/') {
                i++;
            }
            String name = lowerCase(html.substring(at + 1, i));
            // Only the attributes that mark the page for search are read; the rest are stepped
            // over (a page has thousands of tags, and this runs for each).
            boolean bodyMark = false;
            boolean ignoreMark = false;
            String filter = null;
            String metaName = null;
            boolean selfClosing = false;
            while (i < length) {
                char c = html.charAt(i);
                if (c == '>') {
                    i++;
                    break;
                }
                if (c == '/' || isSpace(c)) {
                    selfClosing = c == '/';
                    i++;
                    continue;
                }
                int nameStart = i;
                while (i < length
                        && !isSpace(html.charAt(i))
                        && html.charAt(i) != '='
                        && html.charAt(i) != '>'
                        && html.charAt(i) != '/') {
                    i++;
                }
                int nameEnd = i;
                int valueStart = -1;
                int valueEnd = -1;
                if (i < length && html.charAt(i) == '=') {
                    i++;
                    char quote = i < length ? html.charAt(i) : ' ';
                    if (quote == '"' || quote == '\'') {
                        int close = html.indexOf(quote, i + 1);
                        close = close < 0 ? length : close;
                        valueStart = i + 1;
                        valueEnd = close;
                        i = Math.min(length, close + 1);
                    } else {
                        valueStart = i;
                        while (i < length && !isSpace(html.charAt(i)) && html.charAt(i) != '>') {
                            i++;
                        }
                        valueEnd = i;
                    }
                }
                selfClosing = false;
                if (is(nameStart, nameEnd, BODY)) {
                    bodyMark = true;
                } else if (is(nameStart, nameEnd, IGNORE)) {
                    ignoreMark = true;
                } else if (filter == null && valueStart >= 0 && is(nameStart, nameEnd, FILTER)) {
                    filter = decode(html.substring(valueStart, valueEnd));
                } else if (metaName == null && valueStart >= 0 && is(nameStart, nameEnd, META)) {
                    metaName = decode(html.substring(valueStart, valueEnd));
                }
            }
            at = i;
            if (RAW.contains(name)) {
                int close = indexOfIgnoringCase(html, "</" + name, at);
                int gt = close < 0 ? -1 : html.indexOf('>', close);
                at = gt < 0 ? length : gt + 1;
                return;
            }
            Frame parent = open.peek();
            boolean body = (parent != null && parent.body()) || bodyMark;
            boolean ignored = (parent != null && parent.ignored()) || ignoreMark;
            sawBody |= body;
            if (body && !INLINE.contains(name)) {
                content.append(' ');
            }
            if (VOID.contains(name) || selfClosing) {
                return;
            }
            Role role = null;
            String key = null;
            if (filter != null && body) {
                role = Role.FILTER;
                key = filter;
            } else if (metaName != null && body) {
                role = Role.META;
                key = metaName;
            } else if (name.equals("h1") && body && firstHeading == null) {
                role = Role.HEADING;
            }
            StringBuilder capture =
                    role != null ? new StringBuilder() : parent == null ? null : parent.capture();
            open.push(new Frame(name, body, ignored, capture, role, key));
        }

        /** Whether the attribute name at {@code [start, end)} is {@code name}, in any case. */
        private boolean is(int start, int end, String name) {
            return end - start == name.length()
                    && html.regionMatches(true, start, name, 0, name.length());
        }

        private void endTag(String name) {
            // Pop to the element this closes; an end tag with no open element of its name is
            // stray and changes nothing.
            if (!isOpen(name)) {
                return;
            }
            Frame frame;
            do {
                frame = open.pop();
                finish(frame);
            } while (!frame.name().equals(name));
            if (frame.body() && !INLINE.contains(name)) {
                content.append(' ');
            }
        }

        /** A closed element that captured its text hands it on. */
        private void finish(Frame frame) {
            if (frame.role() == null) {
                return;
            }
            String text = collapse(frame.capture());
            switch (frame.role()) {
                case HEADING -> firstHeading = text;
                case META -> meta.putIfAbsent(frame.key(), text);
                case FILTER ->
                        filters.computeIfAbsent(frame.key(), k -> new ArrayList<>()).add(text);
            }
            Frame parent = open.peek();
            if (parent != null && parent.capture() != null && parent.capture() != frame.capture()) {
                parent.capture().append(frame.capture());
            }
        }

        private boolean isOpen(String name) {
            for (Frame frame : open) {
                if (frame.name().equals(name)) {
                    return true;
                }
            }
            return false;
        }

        /** The text of the page from {@code start} to {@code end}, outside any tag. */
        private void text(int start, int end) {
            Frame frame = open.peek();
            if (frame == null || frame.capture() == null && (!frame.body() || frame.ignored())) {
                return; // taken for nothing: not made into a string
            }
            String text = decode(html.substring(start, end));
            if (frame.capture() != null) {
                frame.capture().append(text);
            }
            if (frame.body() && !frame.ignored()) {
                content.append(text);
            }
        }
    }

    /** The tag name in lower case; Keizu's templates write them so, which this spares a copy. */
    private static String lowerCase(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c >= 'A' && c <= 'Z' || c >= 0x80) {
                return name.toLowerCase(Locale.ROOT);
            }
        }
        return name;
    }

    /** Where {@code sought}, which begins with '<', next occurs in {@code text}, in any case. */
    private static int indexOfIgnoringCase(String text, String sought, int from) {
        // Every candidate starts with '<', which has no other case: only those are compared.
        for (int i = text.indexOf('<', from); i >= 0; i = text.indexOf('<', i + 1)) {
            if (text.regionMatches(true, i, sought, 0, sought.length())) {
                return i;
            }
        }
        return -1;
    }

    private static String decode(String text) {
        return text.indexOf('&') < 0 ? text : Parser.unescapeEntities(text, false);
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f';
    }

    /** The text with each run of white space made one space, and none at the ends. */
    static String collapse(CharSequence text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean space = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || c == '\u00a0') {
                space = out.length() > 0;
            } else {
                if (space) {
                    out.append(' ');
                    space = false;
                }
                out.append(c);
            }
        }
        return out.toString();
    }
}
