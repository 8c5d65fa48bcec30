package org.keizu;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * What every site the tests build must satisfy, whatever the data said: no script but the site's
 * own files, no event-handler attributes or inline styles, no link with a scheme that runs or reads
 * anything (javascript:, data:, file:, vbscript:), no template directive left in the output, every
 * file inside the output folder, and every text file valid UTF-8.
 */
public final class SiteOracle {
    private static final Set<String> TEXT =
            Set.of("html", "json", "csv", "xml", "txt", "css", "js", "svg");
    private static final Pattern BAD_SCHEME =
            Pattern.compile("^(javascript|data|file|vbscript|blob):.*", Pattern.DOTALL);
    // Data is escaped, so a raw "<#" or "<@" in a page can only be a directive a template failed to
    // run.
    private static final Pattern DIRECTIVE = Pattern.compile("<#|</#|<@");

    private SiteOracle() {}

    /**
     * Everything wrong with the site at {@code site}, built for {@code baseUrl}; empty when clean.
     */
    public static List<String> problems(Path site, String baseUrl) throws IOException {
        List<String> problems = new ArrayList<>();
        Path root = site.toRealPath();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(site)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path file : files) {
            String name = site.relativize(file).toString();
            if (!file.toRealPath().startsWith(root)) {
                problems.add(name + ": lies outside the output folder");
            }
            String ext =
                    name.contains(".")
                            ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT)
                            : "";
            if (!TEXT.contains(ext)) {
                continue;
            }
            String text;
            try {
                text =
                        StandardCharsets.UTF_8
                                .newDecoder()
                                .onMalformedInput(CodingErrorAction.REPORT)
                                .onUnmappableCharacter(CodingErrorAction.REPORT)
                                .decode(ByteBuffer.wrap(Files.readAllBytes(file)))
                                .toString();
            } catch (CharacterCodingException e) {
                problems.add(name + ": not valid UTF-8");
                continue;
            }
            if (ext.equals("html")) {
                html(name, text, baseUrl, problems);
            }
        }
        return problems;
    }

    /** What is wrong with one page of HTML (or a fragment), by the same rules; empty when clean. */
    public static List<String> htmlProblems(String name, String text, String baseUrl) {
        List<String> problems = new ArrayList<>();
        html(name, text, baseUrl, problems);
        return problems;
    }

    private static void html(String name, String text, String baseUrl, List<String> problems) {
        if (DIRECTIVE.matcher(text).find()) {
            problems.add(name + ": a template directive reached the output");
        }
        Document doc = Jsoup.parse(text);
        for (Element script : doc.select("script")) {
            if (script.attr("type").equals("application/ld+json") && !script.hasAttr("src")) {
                // JSON-LD: data, never run; it must be JSON and unable to close its element.
                try {
                    org.keizu.load.RecordMapper.plainJson().readTree(script.data());
                } catch (IOException e) {
                    problems.add(name + ": JSON-LD that is not JSON: " + e.getMessage());
                }
                if (script.data().contains("<") || script.data().contains("&")) {
                    problems.add(name + ": JSON-LD with an unescaped < or &");
                }
                continue;
            }
            String src = script.attr("src");
            boolean own = src.startsWith(baseUrl + "assets/");
            if (!own || !script.data().isBlank()) {
                problems.add(
                        name
                                + ": a script that is not one of the site's own files: "
                                + script.outerHtml());
            }
        }
        for (Element element : doc.getAllElements()) {
            for (Attribute attribute : element.attributes()) {
                String key = attribute.getKey().toLowerCase(Locale.ROOT);
                String value =
                        attribute
                                .getValue()
                                .strip()
                                .toLowerCase(Locale.ROOT)
                                .replaceAll("[\\s\\u0000-\\u001f]", "");
                if (key.startsWith("on")) {
                    problems.add(
                            name
                                    + ": event-handler attribute "
                                    + key
                                    + " on <"
                                    + element.tagName()
                                    + ">");
                }
                if (key.equals("style")) {
                    problems.add(name + ": inline style on <" + element.tagName() + ">");
                }
                if (BAD_SCHEME.matcher(value).matches()
                        || (key.equals("content")
                                && value.contains("url=")
                                && BAD_SCHEME
                                        .matcher(value.substring(value.indexOf("url=") + 4))
                                        .matches())) {
                    problems.add(
                            name
                                    + ": "
                                    + key
                                    + "=\""
                                    + attribute.getValue()
                                    + "\" on <"
                                    + element.tagName()
                                    + ">");
                }
            }
        }
    }
}
