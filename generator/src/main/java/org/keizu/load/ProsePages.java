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

    /**
     * The folders of the translated pages ({@code data/pages/ja/about.md}): not pages of the
     * English site, read by {@link #readTranslations}.
     */
    public static final List<String> LANGUAGE_FOLDERS = List.of("ja", "ko");

    /**
     * The translations of the English {@code pages}, by language folder: each file of {@code
     * data/pages/<lang>/} read as a page is, and named as the English page it translates (a name
     * with no English page is an error). A language without a folder has none.
     */
    public static java.util.Map<String, List<Page>> readTranslations(
            Path pagesDir, Path workingDir, List<Page> pages, Consumer<Finding> out) {
        java.util.Map<String, List<Page>> translations = new java.util.TreeMap<>();
        java.util.Set<String> slugs =
                pages.stream().map(Page::slug).collect(java.util.stream.Collectors.toSet());
        for (String language : LANGUAGE_FOLDERS) {
            Path folder = pagesDir.resolve(language);
            if (!Files.isDirectory(folder, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            List<Page> translated = new ArrayList<>();
            for (Page page : read(folder, workingDir, out)) {
                if (slugs.contains(page.slug())) {
                    translated.add(page);
                } else {
                    out.accept(
                            Finding.error(
                                    page.file(),
                                    Position.WHOLE_FILE,
                                    Check.LOAD_011,
                                    "pages/"
                                            + language
                                            + "/ holds translations of the pages of pages/, each"
                                            + " named as the page it translates; there is no "
                                            + "pages/"
                                            + page.slug()
                                            + ".md"));
                }
            }
            translations.put(language, List.copyOf(translated));
        }
        return translations;
    }

    public static List<Page> read(Path pagesDir, Path workingDir, Consumer<Finding> out) {
        List<Page> pages = new ArrayList<>();
        if (!Files.isDirectory(pagesDir)) {
            return pages;
        }
        try (Stream<Path> files = Files.list(pagesDir)) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                String shown = RecordFiles.display(file, workingDir);
                if (LANGUAGE_FOLDERS.contains(name)
                        && Files.isDirectory(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    continue; // a language's translations, read by readTranslations
                }
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
