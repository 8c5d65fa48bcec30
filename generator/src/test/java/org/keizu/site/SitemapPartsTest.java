package org.keizu.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A sitemap lists at most 50,000 addresses (sitemaps.org); a larger site gets an index of parts.
 */
class SitemapPartsTest {
    private static final Pattern LOC = Pattern.compile("<loc>([^<]*)</loc>");

    private static Map<String, String> sitemaps(int models) throws Exception {
        List<String> paths = new ArrayList<>();
        paths.add("index.html");
        paths.add("share.png");
        for (int i = 0; i < models; i++) {
            paths.add("models/m" + i + "/index.html");
        }
        Map<String, String> files = new LinkedHashMap<>();
        CrawlerFiles.sitemaps(
                paths,
                "https://keizu.example/",
                Map.of(),
                "2026-11-30",
                List.of(),
                file -> files.put(file.path(), new String(file.bytes(), StandardCharsets.UTF_8)));
        return files;
    }

    private static List<String> locs(String xml) {
        List<String> found = new ArrayList<>();
        Matcher m = LOC.matcher(xml);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    @Test
    void upToTheLimitOneSitemapListsEveryPage() throws Exception {
        Map<String, String> files = sitemaps(CrawlerFiles.MAX_URLS - 1);
        assertEquals(List.of("sitemap.xml"), List.copyOf(files.keySet()));
        assertTrue(files.get("sitemap.xml").contains("<urlset"));
        assertEquals(CrawlerFiles.MAX_URLS, locs(files.get("sitemap.xml")).size());
    }

    @Test
    void beyondTheLimitAnIndexNamesPartsThatEachListAtMostTheLimit() throws Exception {
        int models = CrawlerFiles.MAX_URLS + 5;
        Map<String, String> files = sitemaps(models);
        assertEquals(
                List.of("sitemap_1.xml", "sitemap_2.xml", "sitemap.xml"),
                List.copyOf(files.keySet()));
        String index = files.get("sitemap.xml");
        assertTrue(index.contains("<sitemapindex"), index);
        assertEquals(
                List.of(
                        "https://keizu.example/sitemap_1.xml",
                        "https://keizu.example/sitemap_2.xml"),
                locs(index));
        List<String> first = locs(files.get("sitemap_1.xml"));
        List<String> second = locs(files.get("sitemap_2.xml"));
        assertEquals(CrawlerFiles.MAX_URLS, first.size());
        assertEquals(models + 1 - CrawlerFiles.MAX_URLS, second.size());
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        assertEquals(models + 1, new java.util.HashSet<>(all).size(), "every page once");
        assertTrue(all.contains("https://keizu.example/"));
        assertTrue(all.contains("https://keizu.example/models/m" + (models - 1) + "/"));
    }
}
