package org.keizu.search;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.keizu.io.DaemonThreads;
import org.keizu.render.Language;
import org.keizu.render.SitePaths;

/**
 * The site's search index, written by Keizu from the pages as they are rendered: one index per
 * language, in {@code search-index/<lang>/}, which that language's search page reads. Pages come in
 * the site's fixed order, so the same site gives the same bytes.
 *
 * <p>An index is many small files, so that a query downloads only what it needs, at any size of
 * registry:
 *
 * <pre>
 *   meta.json       the count of pages, of word files and of pages per page file; each filter's
 *                   values with their counts; a fingerprint of the other files, which the script
 *                   adds to their addresses so that a browser never mixes two builds' files
 *   w/&lt;n&gt;.json      the words whose key ({@link SearchTokens#key}) falls in file n, each with the
 *                   pages that hold it and its weight in each, each page as the difference from
 *                   the one before: [page, weight, page - previous page, weight, ...]
 *   p/&lt;n&gt;.json      page n: address, title, meta and text (for the excerpt)
 *   f/&lt;filter&gt;/&lt;n&gt;.json   the pages of the filter's n-th value, in meta.json's order, each as
 *                   the difference from the one before
 * </pre>
 *
 * A word counts once for each time it is on the page, and {@link #TITLE_WEIGHT} times for each time
 * it is in the title; weights stop at 255.
 */
public final class SearchIndex implements AutoCloseable {
    /** Where rendered files go: this writes its files through it too. */
    public interface Output {
        void write(String path, byte[] bytes) throws IOException;
    }

    /** The folder of a language's index, from the site's root. */
    public static String folder(Language language) {
        return SitePaths.searchIndex(language);
    }

    /**
     * Pages per page file: one, so that the results shown download their own text and no other
     * page's (a Japanese page's text is about 4 KB).
     */
    static final int PAGES_PER_FILE = 1;

    /** About this many pages' words go in one word file. */
    static final int PAGES_PER_WORD_FILE = 32;

    /** Word files at most: a query of three words reads three. */
    static final int MOST_WORD_FILES = 1024;

    /** How much more a word in the title counts than one in the text. */
    static final int TITLE_WEIGHT = 10;

    private static final JsonFactory JSON = new JsonFactory();

    /** Pages handed over and not yet indexed, at most: each holds its text until then. */
    private static final int MOST_WAITING = 64;

    private final Output output;
    private final List<Language> done = new ArrayList<>();
    private LanguageIndex current;

    /**
     * The pages are indexed on a thread of their own, in the order they came, while the caller
     * renders the next ones: on the caller's thread the index had been a sixth of a 10,000-record
     * build, with the render pool idle meanwhile. The files it makes wait in {@link #made} for the
     * caller's next call, so that {@link #output} is only ever called on the caller's thread.
     */
    private final ExecutorService worker =
            Executors.newSingleThreadExecutor(DaemonThreads.named("keizu-search-index"));

    private final Semaphore waiting = new Semaphore(MOST_WAITING);
    private final Queue<Made> made = new ConcurrentLinkedQueue<>();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    private record Made(String path, byte[] bytes) {}

    /** An index of the site's pages, a language at a time, written to {@code output}. */
    public SearchIndex(Output output) {
        this.output = output;
    }

    /**
     * Takes one rendered file of the site, to be indexed when it is a page marked for search. The
     * pages of each language must come together: a language's index is written when the next
     * language's first page comes. Writes the index's files made since the last call, and reports a
     * failure of the indexing since then.
     */
    public void offer(String path, byte[] bytes) throws IOException {
        writeMade();
        rethrowFailure();
        if (!path.endsWith(".html")) {
            return;
        }
        try {
            waiting.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while indexing " + path, e);
        }
        worker.execute(
                () -> {
                    try {
                        // Decoded here, on the indexing thread, not the caller's.
                        index(path, new String(bytes, StandardCharsets.UTF_8));
                    } catch (Throwable e) { // an Error too (out of memory): never a page dropped
                        // unsaid
                        failure.compareAndSet(null, e);
                    } finally {
                        waiting.release();
                    }
                });
    }

    /** Indexes the page at {@code path}, on the worker. */
    private void index(String path, String html) throws IOException {
        if (failure.get() != null) {
            return;
        }
        Optional<PageText.Page> page = PageText.read(html); // empty when nothing is marked
        if (page.isEmpty()) {
            return;
        }
        Language language = Language.ofSitePath(path);
        if (current == null || current.language != language) {
            if (done.contains(language)) {
                throw new IllegalStateException(
                        "a "
                                + language.code()
                                + " page came after that language's search index was written: "
                                + path);
            }
            finishLanguage();
            current = new LanguageIndex(language);
        }
        current.add(SitePaths.pageOf(path), page.get());
    }

    /** Waits for every page offered, then writes the rest of the index. */
    public void finish() throws IOException {
        worker.shutdown();
        try {
            while (!worker.awaitTermination(1, TimeUnit.MINUTES)) {
                // Still indexing: a big site on a slow machine.
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while the search index was written", e);
        }
        writeMade();
        rethrowFailure();
        finishLanguage();
        writeMade();
    }

    /** Stops the indexing, if a build ends without {@link #finish}. */
    @Override
    public void close() {
        worker.shutdownNow();
    }

    private void writeMade() throws IOException {
        for (Made file = made.poll(); file != null; file = made.poll()) {
            output.write(file.path(), file.bytes());
        }
    }

    private void rethrowFailure() throws IOException {
        Throwable e = failure.get();
        if (e instanceof IOException io) {
            throw new IOException("the search index could not be written: " + io.getMessage(), io);
        }
        if (e instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (e instanceof Error error) {
            throw error;
        }
    }

    private void finishLanguage() throws IOException {
        if (current != null) {
            current.write();
            done.add(current.language);
            current = null;
        }
    }

    /** One language's index, built page by page; its page files are written as they fill. */
    private final class LanguageIndex {
        private final Language language;
        private final String folder;
        private final Map<String, Postings> words = new HashMap<>();
        private final Map<String, TreeMap<String, Postings>> filters = new TreeMap<>();
        private final List<Stored> pending = new ArrayList<>();
        private final MessageDigest fingerprint;
        private int pages;

        /** A page's words and their weights, counted again for each page. */
        private final PageWords pageWords = new PageWords();

        LanguageIndex(Language language) {
            this.language = language;
            this.folder = folder(language);
            try {
                this.fingerprint = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every JVM has SHA-256", e);
            }
        }

        void add(String address, PageText.Page page) throws IOException {
            int id = pages++;
            pageWords.clear();
            pageWords.count(page.content(), 1);
            pageWords.count(page.title(), TITLE_WEIGHT);
            for (int i = 0; i < pageWords.size(); i++) {
                words.computeIfAbsent(pageWords.word(i), k -> new Postings())
                        .add(id, Math.min(255, pageWords.weight(i)));
            }
            for (Map.Entry<String, List<String>> filter : page.filters().entrySet()) {
                TreeMap<String, Postings> values =
                        filters.computeIfAbsent(filter.getKey(), k -> new TreeMap<>());
                for (String value : filter.getValue().stream().distinct().toList()) {
                    values.computeIfAbsent(value, k -> new Postings()).add(id, 0);
                }
            }
            pending.add(new Stored(address, page));
            if (pending.size() == PAGES_PER_FILE) {
                writePages();
            }
        }

        void write() throws IOException {
            writePages();
            int files = wordFiles(pages);
            List<TreeMap<String, Postings>> byFile = new ArrayList<>();
            for (int i = 0; i < files; i++) {
                byFile.add(new TreeMap<>());
            }
            words.forEach(
                    (w, p) ->
                            byFile.get(SearchTokens.bucket(SearchTokens.key(w), files)).put(w, p));
            for (int i = 0; i < files; i++) {
                TreeMap<String, Postings> inFile = byFile.get(i);
                emit(
                        "w/" + i + ".json",
                        json -> {
                            json.writeStartObject();
                            for (Map.Entry<String, Postings> word : inFile.entrySet()) {
                                json.writeFieldName(word.getKey());
                                word.getValue().write(json, true);
                            }
                            json.writeEndObject();
                        });
            }
            int filterNumber = 0;
            List<String> filterFolders = new ArrayList<>();
            for (Map.Entry<String, TreeMap<String, Postings>> filter : filters.entrySet()) {
                // Filter names come from the templates; the files are numbered, never named by
                // them.
                String filterFolder = "f/" + filterNumber++ + "/";
                filterFolders.add(filterFolder);
                int n = 0;
                for (Postings postings : filter.getValue().values()) {
                    emit(filterFolder + n++ + ".json", json -> postings.write(json, false));
                }
            }
            String print = HexFormat.of().formatHex(fingerprint.digest(), 0, 8);
            byte[] meta =
                    json(
                            json -> {
                                json.writeStartObject();
                                json.writeNumberField("format", 1);
                                json.writeStringField("language", language.code());
                                json.writeStringField("fingerprint", print);
                                json.writeNumberField("pages", pages);
                                json.writeNumberField("pagesPerFile", PAGES_PER_FILE);
                                json.writeNumberField("wordFiles", files);
                                json.writeObjectFieldStart("filters");
                                int f = 0;
                                for (Map.Entry<String, TreeMap<String, Postings>> filter :
                                        filters.entrySet()) {
                                    json.writeObjectFieldStart(filter.getKey());
                                    json.writeStringField("folder", filterFolders.get(f++));
                                    json.writeArrayFieldStart("values");
                                    for (Map.Entry<String, Postings> value :
                                            filter.getValue().entrySet()) {
                                        json.writeStartArray();
                                        json.writeString(value.getKey());
                                        json.writeNumber(value.getValue().size());
                                        json.writeEndArray();
                                    }
                                    json.writeEndArray();
                                    json.writeEndObject();
                                }
                                json.writeEndObject();
                                json.writeEndObject();
                            });
            made.add(new Made(folder + "meta.json", meta));
        }

        /** The page file of the pages waiting, numbered by its first page. */
        private void writePages() throws IOException {
            if (pending.isEmpty()) {
                return;
            }
            int file = (pages - 1) / PAGES_PER_FILE;
            List<Stored> stored = List.copyOf(pending);
            pending.clear();
            emit(
                    "p/" + file + ".json",
                    json -> {
                        json.writeStartArray();
                        for (Stored page : stored) {
                            json.writeStartObject();
                            json.writeStringField("url", page.address());
                            json.writeStringField("title", page.page().title());
                            json.writeObjectFieldStart("meta");
                            for (Map.Entry<String, String> m : page.page().meta().entrySet()) {
                                json.writeStringField(m.getKey(), m.getValue());
                            }
                            json.writeEndObject();
                            json.writeStringField("content", page.page().content());
                            json.writeEndObject();
                        }
                        json.writeEndArray();
                    });
        }

        private void emit(String name, JsonWriter writer) throws IOException {
            byte[] bytes = json(writer);
            fingerprint.update(name.getBytes(StandardCharsets.UTF_8));
            fingerprint.update(bytes);
            made.add(new Made(folder + name, bytes));
        }
    }

    /** Files of words for an index of {@code pages}: a power of two, for the script's mask. */
    static int wordFiles(int pages) {
        int files = 1;
        while (files < MOST_WORD_FILES && files * PAGES_PER_WORD_FILE < pages) {
            files *= 2;
        }
        return files;
    }

    private record Stored(String address, PageText.Page page) {}

    private interface JsonWriter {
        void write(JsonGenerator json) throws IOException;
    }

    private static byte[] json(JsonWriter writer) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonGenerator json = JSON.createGenerator(bytes)) {
            writer.write(json);
        }
        return bytes.toByteArray();
    }

    /**
     * One page's words and their weights, each word counted where it lies in the page's text: a
     * page has thousands of words, most of them repeats, and a string and a map entry for every one
     * was most of the index's counting. A word gets a string of its own once per page ({@link
     * #word}). An open-addressing table of the words' numbers; its arrays are kept from page to
     * page.
     */
    private static final class PageWords implements SearchTokens.Ranges {
        private String[] sources = new String[256];
        private int[] starts = new int[256];
        private int[] ends = new int[256];
        private int[] hashes = new int[256];
        private int[] weights = new int[256];

        /** Each slot the number of a word plus one, or 0 when free; a power of two long. */
        private int[] slots = new int[1024];

        private int size;

        /** What each word found now adds to its weight. */
        private int adding;

        void clear() {
            Arrays.fill(slots, 0);
            size = 0;
        }

        /** Adds {@code weight} for each word of {@code text}, each time it occurs. */
        void count(String text, int weight) {
            adding = weight;
            SearchTokens.forEachRange(text, this);
        }

        int size() {
            return size;
        }

        String word(int number) {
            return sources[number].substring(starts[number], ends[number]);
        }

        int weight(int number) {
            return weights[number];
        }

        @Override
        public void accept(String normal, int start, int end) {
            int hash = 0;
            for (int i = start; i < end; i++) {
                hash = 31 * hash + normal.charAt(i);
            }
            int mask = slots.length - 1;
            int at = spread(hash) & mask;
            for (int slot = slots[at]; slot != 0; slot = slots[at]) {
                int word = slot - 1;
                if (hashes[word] == hash
                        && ends[word] - starts[word] == end - start
                        && normal.regionMatches(start, sources[word], starts[word], end - start)) {
                    weights[word] += adding;
                    return;
                }
                at = (at + 1) & mask;
            }
            if (size == sources.length) {
                int grown = size * 2;
                sources = Arrays.copyOf(sources, grown);
                starts = Arrays.copyOf(starts, grown);
                ends = Arrays.copyOf(ends, grown);
                hashes = Arrays.copyOf(hashes, grown);
                weights = Arrays.copyOf(weights, grown);
            }
            sources[size] = normal;
            starts[size] = start;
            ends[size] = end;
            hashes[size] = hash;
            weights[size] = adding;
            slots[at] = ++size;
            if (size * 2 > slots.length) {
                rehash();
            }
        }

        /** Twice the slots, every word placed again: the table stays at most half full. */
        private void rehash() {
            slots = new int[slots.length * 2];
            int mask = slots.length - 1;
            for (int word = 0; word < size; word++) {
                int at = spread(hashes[word]) & mask;
                while (slots[at] != 0) {
                    at = (at + 1) & mask;
                }
                slots[at] = word + 1;
            }
        }

        private static int spread(int hash) {
            return hash ^ (hash >>> 16);
        }
    }

    /** Pages in the order they came, each with a weight (0..255), packed in one int. */
    private static final class Postings {
        private int[] packed = new int[2];
        private int size;

        void add(int page, int weight) {
            if (size == packed.length) {
                packed = Arrays.copyOf(packed, size * 2);
            }
            packed[size++] = page << 8 | weight;
        }

        int size() {
            return size;
        }

        /**
         * The pages, each as its difference from the one before (the first as itself): small
         * numbers, which make a word on every page a tenth of the bytes; with their weights, or
         * without.
         */
        void write(JsonGenerator json, boolean weights) throws IOException {
            json.writeStartArray();
            int previous = 0;
            for (int i = 0; i < size; i++) {
                int page = packed[i] >>> 8;
                json.writeNumber(page - previous);
                previous = page;
                if (weights) {
                    json.writeNumber(packed[i] & 0xff);
                }
            }
            json.writeEndArray();
        }
    }
}
