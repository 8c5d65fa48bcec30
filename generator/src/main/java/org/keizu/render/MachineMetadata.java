package org.keizu.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.keizu.lineage.Analysis;
import org.keizu.load.RecordMapper;
import org.keizu.load.RecordVersions;
import org.keizu.model.Countries;
import org.keizu.model.Grade;
import org.keizu.model.LineageLink;
import org.keizu.model.Model;

/**
 * What machines read about the registry besides its pages: JSON-LD (a schema.org {@code Dataset}
 * for the registry, a {@code CreativeWork} per record, about the model, with PROV-O {@code
 * wasDerivedFrom} for derivations of the weights the evidence grades E2 or more), the day each
 * record last changed (for the sitemap), what each model's share image states, and the entries of
 * the Atom feeds ({@link FeedEntries}). Every date comes from the records or their git history,
 * never from the clock.
 */
public final class MachineMetadata {
    /** The licence of the records, as a link machines recognise. */
    static final String LICENCE = "https://creativecommons.org/licenses/by/4.0/";

    /** The least grade at which a derivation is stated as PROV-O in JSON-LD. */
    static final Grade PROV_GRADE = Grade.E2;

    private final ViewContext context;
    private final JsonNodeFactory json = JsonNodeFactory.instance;

    /**
     * What machines read in a page's head besides its title and description, decided in Java
     * ({@code SitePlan}): the page's absolute address (null when the origin is not known), its Open
     * Graph type, its share image and that image's description, the JSON-LD (already serialised and
     * escaped for a script element; null when the page has none) and the Atom feeds that follow it;
     * and for the footer, the registry's feed and the open-data page (null without that page).
     * Handed to every template as {@code meta}.
     */
    public record PageMeta(
            String url,
            String type,
            String image,
            String imageAlt,
            int imageWidth,
            int imageHeight,
            String jsonLd,
            List<Views.Link> feeds,
            String registryFeed,
            String openData) {
        /** The same head, following these feeds. */
        public PageMeta withFeeds(List<Views.Link> others) {
            return new PageMeta(
                    url,
                    type,
                    image,
                    imageAlt,
                    imageWidth,
                    imageHeight,
                    jsonLd,
                    others,
                    registryFeed,
                    openData);
        }

        /** The same head for a page served at any address: it names none. */
        public PageMeta withoutUrl() {
            return new PageMeta(
                    null,
                    type,
                    image,
                    imageAlt,
                    imageWidth,
                    imageHeight,
                    jsonLd,
                    feeds,
                    registryFeed,
                    openData);
        }
    }

    /**
     * What a model's share image states: its verdict (term, for the colour, and label), its name,
     * the base the evidence points to (null when none), and the image's description.
     */
    public record ShareCard(
            String verdict, String verdictLabel, String name, String base, String alt) {}

    /**
     * One entry of an Atom feed: a stable id (never made from the clock), its day, a title and a
     * sentence, the page it concerns (a path of the site) and the country of its model.
     */
    public record FeedEntry(
            String id, String date, String title, String summary, String path, String country) {}

    MachineMetadata(ViewContext context) {
        this.context = context;
    }

    /** A page's address, absolute when the origin is known, else from the site's root. */
    private String address(String path) {
        return context.site.origin() + context.paths.href(path);
    }

    /** The registry as a schema.org {@code Dataset}, for the home page. */
    public String registryJsonLd() {
        ObjectNode root = root("Dataset");
        root.put("name", context.messages.format("site_name"));
        root.put("description", context.messages.format("home_description"));
        root.put("url", address(""));
        root.put("license", LICENCE);
        root.put("dateModified", context.site.datasetDate());
        root.put("inLanguage", context.site.language().code());
        root.set("creator", organisation(context.messages.format("feed_author")));
        ArrayNode distribution = root.putArray("distribution");
        distribution.add(download("application/json", SitePaths.REGISTRY_JSON));
        distribution.add(download("text/csv", SitePaths.REGISTRY_CSV));
        return scriptSafe(root);
    }

    /**
     * A model's record as a schema.org {@code CreativeWork} about the model; the model is a PROV-O
     * entity derived from each base whose weights it took (fine-tune, continued pre-training,
     * distillation) at grade E2 or more, never from a base whose architecture alone it shares.
     */
    public String modelJsonLd(String id) {
        Model model = context.registry.model(id).orElseThrow();
        String page = address(SitePaths.model(id));
        ObjectNode root = root("CreativeWork");
        root.put("@id", page + "#record");
        root.put("name", context.messages.format("jsonld_record_name", model.name()));
        root.put("url", page);
        root.put("license", LICENCE);
        root.put("inLanguage", context.site.language().code());
        List<RecordVersions.Version> versions = context.versions.of(id).all();
        if (!versions.isEmpty()) {
            root.put("datePublished", versions.get(0).date());
        }
        root.put("dateModified", lastModified(id));
        ObjectNode isPartOf = root.putObject("isPartOf");
        isPartOf.put("@type", "Dataset");
        isPartOf.put("name", context.messages.format("site_name"));
        isPartOf.put("url", address(""));
        ObjectNode about = root.putObject("about");
        about.putArray("@type").add("CreativeWork").add("prov:Entity");
        about.put("@id", page + "#model");
        about.put("name", model.name());
        if (model.nativeName() != null) {
            about.put("alternateName", model.nativeName());
        }
        about.set("creator", organisation(context.organisationName(model.organisation())));
        ObjectNode country = about.putObject("countryOfOrigin");
        country.put("@type", "Country");
        country.put("name", Countries.name(model.country()));
        if (model.hub() != null) {
            about.put("sameAs", "https://huggingface.co/" + model.hub().repo());
        }
        List<LineageLink> derived = provDerivations(model);
        if (!derived.isEmpty()) {
            ArrayNode from = about.putArray("prov:wasDerivedFrom");
            for (LineageLink link : derived) {
                ObjectNode base = from.addObject();
                if (context.registry.model(link.base()).isPresent()) {
                    base.put("@id", address(SitePaths.model(link.base())) + "#model");
                }
                base.put("name", context.modelName(link.base()));
            }
        }
        return scriptSafe(root);
    }

    /**
     * The lineage links stated as {@code prov:wasDerivedFrom}: derivations of the weights graded E2
     * or more.
     */
    static List<LineageLink> provDerivations(Model model) {
        return model.lineage().stream()
                .filter(l -> l.relation().derivesWeights() && l.grade().atLeast(PROV_GRADE))
                .toList();
    }

    /** The day of the record's newest version, else the dataset's date (outside git, shallow). */
    public String lastModified(String id) {
        return context.versions
                .of(id)
                .latest()
                .map(RecordVersions.Version::date)
                .orElse(context.site.datasetDate());
    }

    /** What a model's share image states. */
    public ShareCard shareCard(String id) {
        Model model = context.registry.model(id).orElseThrow();
        Analysis.ModelAnalysis analysis = context.analysis.of(id);
        String verdict = analysis.verdict().verdict().term();
        String label = context.label("verdicts", verdict);
        String base =
                analysis.principalLink()
                        .map(
                                l ->
                                        context.messages.format(
                                                "share_base", context.modelName(l.base())))
                        .orElse(null);
        String alt =
                base == null
                        ? context.messages.format("share_alt", model.name(), label)
                        : context.messages.format("share_alt_base", model.name(), label, base);
        return new ShareCard(verdict, label, model.name(), base, alt);
    }

    /** Every entry of the feeds, newest first ({@link FeedEntries}). */
    public List<FeedEntry> feedEntries() {
        return new FeedEntries(context).all();
    }

    /** An id that names what the entry is, the same in every build: a name-based UUID. */
    public static String stableId(String name) {
        return "urn:uuid:"
                + UUID.nameUUIDFromBytes(("keizu:" + name).getBytes(StandardCharsets.UTF_8));
    }

    private ObjectNode root(String type) {
        ObjectNode root = json.objectNode();
        ObjectNode ctx = root.putObject("@context");
        ctx.put("@vocab", "https://schema.org/");
        ctx.put("prov", "http://www.w3.org/ns/prov#");
        root.put("@type", type);
        return root;
    }

    private ObjectNode organisation(String name) {
        ObjectNode org = json.objectNode();
        org.put("@type", "Organization");
        org.put("name", name);
        return org;
    }

    private ObjectNode download(String format, String path) {
        ObjectNode d = json.objectNode();
        d.put("@type", "DataDownload");
        d.put("encodingFormat", format);
        d.put("contentUrl", address(path));
        return d;
    }

    /**
     * JSON written by the one configured writer, made safe inside a script element: {@code <},
     * {@code >} and {@code &} can only occur inside JSON strings, where their escapes mean the
     * same, so no text of a record can close the element ({@code </script>}) or open a comment.
     */
    static String scriptSafe(ObjectNode node) {
        try {
            return RecordMapper.publishedJson()
                    .writeValueAsString(node)
                    .replace("<", "\\u003c")
                    .replace(">", "\\u003e")
                    .replace("&", "\\u0026")
                    .replace("\u2028", "\\u2028")
                    .replace("\u2029", "\\u2029");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON-LD", e);
        }
    }
}
