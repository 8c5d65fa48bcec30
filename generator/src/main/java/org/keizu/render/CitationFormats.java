package org.keizu.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import de.undercouch.citeproc.CSL;
import de.undercouch.citeproc.ItemDataProvider;
import de.undercouch.citeproc.csl.CSLItemData;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every citation format, made from one {@link CitationItem}: CSL-JSON first, then APA and Chicago
 * as citeproc-java renders that CSL-JSON (set by {@link PlainDatasetCitations} when the item is
 * plain, which gives the same text without walking the styles), BibTeX ({@code @misc}), biblatex
 * ({@code @online}) and RIS. The day the reader accessed the page is not known at build time: every
 * format carries {@code accessed} (the bundle's placeholder) where that day goes, and the page's
 * script fills in the reader's day.
 */
public final class CitationFormats {
    /** The formats in the order pages show them, with the file each is published as. */
    public enum Format {
        APA("apa", "cite-apa.txt"),
        CHICAGO("chicago", "cite-chicago.txt"),
        BIBTEX("bibtex", "cite.bib"),
        BIBLATEX("biblatex", "cite-biblatex.bib"),
        RIS("ris", "cite.ris"),
        CSL_JSON("csl-json", "cite.json");

        /** The format's name in the bundle ({@code citation_format_<key>}) and to the script. */
        public final String key;

        /** The file's name beside the page. */
        public final String file;

        Format(String key, String file) {
            this.key = key;
            this.file = file;
        }
    }

    private static final ObjectMapper JSON =
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private static final String APA_STYLE = style("apa.csl");
    private static final String CHICAGO_STYLE = style("chicago-notes-bibliography.csl");

    /**
     * Every format of the items rendered before in this process, at most {@link #REMEMBERED}, the
     * least recently used forgotten first. Each is a function of its item and the placeholder
     * alone, and citeproc takes milliseconds per item, while the same items come back: a record's
     * page and its current version's page cite one item, and {@code keizu serve} renders every page
     * again at each rebuild.
     */
    private static final Map<Remembered, Map<Format, String>> RENDERED =
            Collections.synchronizedMap(
                    new LinkedHashMap<>(256, 0.75f, true) {
                        private static final long serialVersionUID = 1L;

                        @Override
                        protected boolean removeEldestEntry(
                                Map.Entry<Remembered, Map<Format, String>> eldest) {
                            return size() > REMEMBERED;
                        }
                    });

    private static final int REMEMBERED = 4096;

    private record Remembered(String accessed, CitationItem item) {}

    private final String accessed;

    /**
     * Each thread's citeproc processors, read when the thread first needs them (reading a style
     * takes longer than rendering an item) and kept for every later item of any instance: a
     * processor renders one item after another and is not safe to share, and pages are rendered on
     * several threads at once.
     */
    private static final ThreadLocal<Processors> PROCESSORS =
            ThreadLocal.withInitial(Processors::new);

    /** The APA and Chicago processors of one thread, and the item they are rendering. */
    private static final class Processors {
        final OneItem current = new OneItem();
        final CSL apa = processor(APA_STYLE, current);
        final CSL chicago = processor(CHICAGO_STYLE, current);
    }

    /** {@code accessed}: the placeholder that stands for the reader's day. */
    public CitationFormats(String accessed) {
        this.accessed = accessed;
    }

    /** Every format of {@code item}, in {@link Format}'s order. */
    public Map<Format, String> all(CitationItem item) {
        Remembered key = new Remembered(accessed, item);
        Map<Format, String> known = RENDERED.get(key);
        if (known != null) {
            return known;
        }
        String json = cslJson(item);
        Map<Format, String> out = new LinkedHashMap<>();
        if (PlainDatasetCitations.plain(item)) {
            out.put(Format.APA, PlainDatasetCitations.apa(item));
            out.put(Format.CHICAGO, PlainDatasetCitations.chicago(item));
        } else {
            out.put(Format.APA, citeproc(Format.APA, json));
            out.put(Format.CHICAGO, citeproc(Format.CHICAGO, json));
        }
        out.put(Format.BIBTEX, bibtex(item));
        out.put(Format.BIBLATEX, biblatex(item));
        out.put(Format.RIS, ris(item));
        out.put(Format.CSL_JSON, json);
        Map<Format, String> formats = Collections.unmodifiableMap(out);
        RENDERED.put(key, formats);
        return formats;
    }

    /**
     * APA or Chicago as citeproc-java renders the CSL-JSON {@code cslJson} with this thread's
     * processors: for every item {@link PlainDatasetCitations} cannot set, and for tests.
     */
    static String citeproc(Format style, String cslJson) {
        Processors mine = PROCESSORS.get();
        CSL csl =
                switch (style) {
                    case APA -> mine.apa;
                    case CHICAGO -> mine.chicago;
                    default -> throw new IllegalArgumentException(style + " is not a CSL style");
                };
        return render(csl, mine.current, itemData(cslJson));
    }

    /** The item as CSL-JSON: an array of one item, as reference managers import it. */
    public String cslJson(CitationItem item) {
        Map<String, Object> csl = new LinkedHashMap<>();
        csl.put("id", item.key());
        csl.put("type", item.type());
        csl.put("title", item.title());
        csl.put("author", List.of(Map.of("literal", item.author())));
        csl.put("publisher", item.publisher());
        csl.put("URL", item.url());
        csl.put("issued", Map.of("date-parts", List.of(dateParts(item.issued()))));
        if (item.version() != null) {
            csl.put("version", item.version());
        }
        csl.put("accessed", Map.of("literal", accessed));
        try {
            return JSON.writeValueAsString(List.of(csl)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The CSL-JSON item read back from its JSON: so the styles render exactly what the published
     * CSL-JSON says.
     */
    private static CSLItemData itemData(String cslJson) {
        try {
            List<Map<String, Object>> items =
                    JSON.readValue(cslJson, new TypeReference<List<Map<String, Object>>>() {});
            return CSLItemData.fromJson(items.get(0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text citation {@code csl} makes of the item. */
    private static String render(CSL csl, OneItem current, CSLItemData item) {
        current.item = item;
        csl.reset(); // also forgets the output format
        csl.setOutputFormat("text");
        csl.registerCitationItems(current.item.getId());
        return csl.makeBibliography().getEntries()[0].strip() + "\n";
    }

    private static CSL processor(String style, ItemDataProvider items) {
        try {
            CSL csl = new CSL(items, style);
            csl.setOutputFormat("text");
            return csl;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Hands citeproc-java the one item being rendered. */
    private static final class OneItem implements ItemDataProvider {
        CSLItemData item;

        @Override
        public CSLItemData retrieveItem(String id) {
            return item != null && item.getId().equals(id) ? item : null;
        }

        @Override
        public java.util.Collection<String> getIds() {
            return item == null ? List.of() : List.of(item.getId());
        }
    }

    /** BibTeX {@code @misc}: every title brace-protected, so styles keep its capitals. */
    String bibtex(CitationItem item) {
        StringBuilder out = new StringBuilder("@misc{" + item.key() + ",\n");
        field(out, "author", "{" + CitationBuilder.bibtex(item.author()) + "}");
        field(out, "title", "{" + CitationBuilder.bibtex(item.title()) + "}");
        field(out, "howpublished", CitationBuilder.bibtex(item.publisher()));
        field(out, "publisher", CitationBuilder.bibtex(item.publisher()));
        field(out, "organization", CitationBuilder.bibtex(item.publisher()));
        field(out, "year", item.issued().substring(0, 4));
        field(out, "date", item.issued());
        if (item.version() != null) {
            field(out, "version", CitationBuilder.bibtex(item.version()));
        }
        field(out, "url", item.url());
        field(out, "urldate", accessed);
        return close(out);
    }

    /** biblatex {@code @online}: a versioned record on the web, with its access date. */
    String biblatex(CitationItem item) {
        StringBuilder out = new StringBuilder("@online{" + item.key() + ",\n");
        field(out, "author", "{" + CitationBuilder.bibtex(item.author()) + "}");
        field(out, "title", "{" + CitationBuilder.bibtex(item.title()) + "}");
        field(out, "organization", CitationBuilder.bibtex(item.publisher()));
        field(out, "publisher", CitationBuilder.bibtex(item.publisher()));
        field(out, "date", item.issued());
        if (item.version() != null) {
            field(out, "version", CitationBuilder.bibtex(item.version()));
        }
        field(out, "url", item.url());
        field(out, "urldate", accessed);
        return close(out);
    }

    /**
     * RIS, as a web page ({@code ELEC}). The organisation is written as one name ending in a comma,
     * the RIS form of a name with no given name, so that no reader splits it into a person's family
     * and given names.
     */
    String ris(CitationItem item) {
        StringBuilder out = new StringBuilder();
        ris(out, "TY", "ELEC");
        ris(out, "AU", item.author() + ",");
        ris(out, "TI", item.title());
        ris(out, "T2", item.publisher());
        ris(out, "PB", item.publisher());
        ris(out, "PY", item.issued().substring(0, 4));
        ris(out, "DA", item.issued().replace('-', '/'));
        if (item.version() != null) {
            ris(out, "ET", item.version());
        }
        ris(out, "UR", item.url());
        ris(out, "Y2", accessed);
        ris(out, "ID", item.key());
        out.append("ER  - \n");
        return out.toString();
    }

    private static void ris(StringBuilder out, String tag, String value) {
        out.append(tag).append("  - ").append(value.replace('\n', ' ')).append('\n');
    }

    private static void field(StringBuilder out, String name, String value) {
        out.append("  ").append(name);
        for (int pad = name.length(); pad < 12; pad++) {
            out.append(' '); // the names in a column, as String.format("%-12s") did, faster
        }
        out.append(" = {");
        out.append(value).append("},\n");
    }

    private static String close(StringBuilder out) {
        out.setLength(out.length() - 2); // the last field's comma
        return out.append("\n}\n").toString();
    }

    private static List<Integer> dateParts(String date) {
        String[] parts = date.split("-");
        return List.of(
                Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2]));
    }

    private static String style(String name) {
        try (InputStream in = CitationFormats.class.getResourceAsStream("csl/" + name)) {
            if (in == null) {
                throw new IllegalStateException("the CSL style " + name + " is not on the path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
