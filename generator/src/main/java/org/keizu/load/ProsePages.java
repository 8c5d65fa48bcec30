package org.keizu.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.keizu.diagnostic.Check;
import org.keizu.diagnostic.Finding;
import org.keizu.diagnostic.Position;
import org.keizu.model.TextPolicy;

/**
 * Reads the prose pages of {@code data/pages/<slug>.md}: each becomes the page {@code /<slug>/}.
 */
public final class ProsePages {
    private static final Pattern SLUG = Pattern.compile("[a-z][a-z0-9-]{0,40}");

    /**
     * One page: its slug, its title (the first level-1 heading), its Markdown, and its file as
     * findings name it.
     */
    public record Page(String slug, String title, String markdown, String file) {}

    private ProsePages() {}

    public static List<Page> read(Path pagesDir, Path workingDir, Consumer<Finding> out) {
        List<Page> pages = new ArrayList<>();
        if (!Files.isDirectory(pagesDir)) {
            return pages;
        }
        try (Stream<Path> files = Files.list(pagesDir)) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                String shown = RecordFiles.display(file, workingDir);
                String slug = name.endsWith(".md") ? name.substring(0, name.length() - 3) : "";
                if (!SLUG.matcher(slug).matches()
                        || Files.isSymbolicLink(file)
                        || !Files.isRegularFile(file)) {
                    out.accept(
                            Finding.error(
                                    shown,
                                    Position.WHOLE_FILE,
                                    Check.LOAD_011,
                                    "pages/ holds only <slug>.md files, slugs in lower case"));
                    continue;
                }
                try {
                    Optional<String> read = readText(file, shown, out);
                    if (read.isEmpty()) {
                        continue;
                    }
                    String text = read.get();
                    String title =
                            text.lines()
                                    .filter(l -> l.startsWith("# "))
                                    .findFirst()
                                    .map(l -> l.substring(2).strip())
                                    .orElse(
                                            Character.toUpperCase(slug.charAt(0))
                                                    + slug.substring(1));
                    pages.add(new Page(slug, title, text, shown));
                } catch (IOException e) {
                    out.accept(
                            Finding.error(
                                    shown,
                                    Position.WHOLE_FILE,
                                    Check.LOAD_001,
                                    "cannot read: " + e.getMessage()));
                }
            }
        } catch (IOException e) {
            out.accept(
                    Finding.error(
                            RecordFiles.display(pagesDir, workingDir),
                            Position.WHOLE_FILE,
                            Check.LOAD_001,
                            e.getMessage()));
        }
        return pages;
    }

    /** A prose page may be this long; the longest today is a few kilobytes. */
    public static final int MAX_PAGE_BYTES = 1 << 20;

    /**
     * The same input policy as records: a size cap before reading, strict UTF-8 (a Latin-1 byte is
     * a finding at its line, never a replacement character), and no control or bidi character
     * outside line breaks and tabs, since the page is published.
     */
    private static Optional<String> readText(Path file, String shown, Consumer<Finding> out)
            throws IOException {
        byte[] bytes = RecordFiles.readCapped(file, MAX_PAGE_BYTES);
        if (bytes.length > MAX_PAGE_BYTES) {
            out.accept(
                    Finding.error(
                            shown,
                            Position.WHOLE_FILE,
                            Check.LOAD_007,
                            "the page is larger than " + MAX_PAGE_BYTES + " bytes; split it"));
            return Optional.empty();
        }
        List<Finding> findings = new ArrayList<>();
        Optional<String> text = RecordParser.decode(bytes, shown, findings);
        findings.forEach(out);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        List<String> lines = text.get().lines().toList();
        boolean clean = true;
        for (int i = 0; i < lines.size(); i++) {
            int[] cps = lines.get(i).codePoints().toArray();
            for (int col = 0; col < cps.length; col++) {
                if (TextPolicy.hidden(cps[col], true)) {
                    out.accept(
                            Finding.error(
                                    shown,
                                    new Position(i + 1, col + 1),
                                    Check.VAL_006,
                                    String.format(
                                            "character U+%04X is invisible or a control character; remove it",
                                            cps[col])));
                    clean = false;
                }
            }
        }
        return clean ? text : Optional.empty();
    }
}
