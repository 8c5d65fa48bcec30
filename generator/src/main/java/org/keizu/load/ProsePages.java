package org.keizu.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.keizu.diagnostic.Check;
import org.keizu.diagnostic.Finding;
import org.keizu.diagnostic.Position;

/** Reads the prose pages of {@code data/pages/<slug>.md}: each becomes the page {@code /<slug>/}. */
public final class ProsePages {
    private static final Pattern SLUG = Pattern.compile("[a-z][a-z0-9-]{0,40}");

    /** One page: its slug, its title (the first level-1 heading) and its Markdown. */
    public record Page(String slug, String title, String markdown) {
    }

    private ProsePages() {
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
                String slug = name.endsWith(".md") ? name.substring(0, name.length() - 3) : "";
                if (!SLUG.matcher(slug).matches() || Files.isSymbolicLink(file) || !Files.isRegularFile(file)) {
                    out.accept(Finding.error(shown, Position.WHOLE_FILE, Check.LOAD_011,
                            "pages/ holds only <slug>.md files, slugs in lower case"));
                    continue;
                }
                try {
                    String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
                    String title = text.lines().filter(l -> l.startsWith("# ")).findFirst().map(l -> l.substring(2).strip())
                            .orElse(Character.toUpperCase(slug.charAt(0)) + slug.substring(1));
                    pages.add(new Page(slug, title, text));
                } catch (IOException e) {
                    out.accept(Finding.error(shown, Position.WHOLE_FILE, Check.LOAD_001, "cannot read: " + e.getMessage()));
                }
            }
        } catch (IOException e) {
            out.accept(Finding.error(RecordFiles.display(pagesDir, workingDir), Position.WHOLE_FILE, Check.LOAD_001, e.getMessage()));
        }
        return pages;
    }
}
