package org.keizu.render;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.keizu.load.Loaded;
import org.keizu.load.Registry;
import org.keizu.lineage.Comparison;
import org.keizu.lineage.DerivationChains;
import org.keizu.lineage.DetectionIndex;
import org.keizu.lineage.Verdict;
import org.keizu.lineage.VerdictRule;
import org.keizu.model.Claim;
import org.keizu.model.Countries;
import org.keizu.model.Dispute;
import org.keizu.model.Evidence;
import org.keizu.model.LicenceObligation;
import org.keizu.model.LineageLink;
import org.keizu.model.Model;
import org.keizu.model.Organisation;
import org.keizu.model.Passage;
import org.keizu.model.Relation;
import org.keizu.model.Snapshot;
import org.keizu.model.Source;
import org.keizu.model.Statement;
import org.keizu.model.UrlPolicy;
import org.keizu.model.Vocabulary;
import org.keizu.render.Views.ClaimView;
import org.keizu.render.Views.ComparisonView;
import org.keizu.render.Views.PassageView;
import org.keizu.render.Views.SnapshotView;
import org.keizu.render.Views.FileView;
import org.keizu.render.Views.CorrectionView;
import org.keizu.render.Views.DisputeView;
import org.keizu.render.Views.EventView;
import org.keizu.render.Views.EvidenceView;
import org.keizu.render.Views.IndexPage;
import org.keizu.render.Views.LineageView;
import org.keizu.render.Views.Link;
import org.keizu.render.Views.ModelPage;
import org.keizu.render.Views.ModelRow;
import org.keizu.render.Views.ObligationView;
import org.keizu.render.Views.SiteView;
import org.keizu.render.Views.SourceRef;
import org.keizu.render.Views.SourceView;
import org.keizu.render.Views.StatementView;
import org.keizu.render.Views.TermView;
import org.keizu.render.Views.VerdictCount;

/**
 * Builds the view records of every page from the validated registry. Every decision a page shows
 * (the verdict, the detected base, plain-words statements, number formats) is made here, not in a
 * template.
 */
public final class ViewBuilder {
    private final Registry registry;
    private final Vocabulary vocabulary;
    private final SiteView site;
    private final Map<String, Model> models;
    private final VerdictRule verdicts;
    private final DetectionIndex detection;
    private final Messages messages;
    private final DerivationChains chains;

    public ViewBuilder(Registry registry, Vocabulary vocabulary, SiteView site) {
        this.registry = registry;
        this.vocabulary = vocabulary;
        this.site = site;
        this.models = registry.modelsById();
        this.verdicts = new VerdictRule(models);
        this.detection = DetectionIndex.of(registry);
        this.chains = new DerivationChains(models);
        this.messages = new Messages(site.msg());
    }

    public SiteView site() {
        return site;
    }

    public static String modelPath(String id) {
        return "models/" + id + "/";
    }

    public IndexPage index() {
        return new IndexPage(site, list(sortedModels().stream().map(Loaded::record).toList()), countries().countries(),
                terms("grades"), terms("verdicts"));
    }

    /** One row of a model table: what the home page and every browse page list. */
    ModelRow row(Model model) {
        VerdictRule.Finding verdict = verdicts.judge(model);
        Optional<LineageLink> detected = detectedBase(model);
        return new ModelRow(model.name(), model.nativeName(), site.baseUrl() + modelPath(model.id()),
                model.country(), countryName(model.country()), organisationName(model.organisation()),
                claimSummary(model), detected.map(l -> baseName(l.base())).orElse(null),
                detected.map(l -> label("relations", l.relation().term())).orElse(null),
                detected.map(l -> l.grade().name()).orElse(null),
                verdict.verdict().term(), label("verdicts", verdict.verdict().term()), verdict.uncertain());
    }

    private Views.ModelList list(List<Model> models) {
        Map<Verdict, Integer> counts = new LinkedHashMap<>();
        for (Model m : models) {
            counts.merge(verdicts.judge(m).verdict(), 1, Integer::sum);
        }
        List<VerdictCount> verdictCounts = new ArrayList<>();
        for (Verdict v : Verdict.values()) {
            if (counts.containsKey(v)) {
                verdictCounts.add(new VerdictCount(v.term(), label("verdicts", v.term()), counts.get(v)));
            }
        }
        return new Views.ModelList(models.stream().map(this::row).toList(), verdictCounts);
    }

    private List<Model> modelsWhere(java.util.function.Predicate<Model> test) {
        return sortedModels().stream().map(Loaded::record).filter(test).toList();
    }

    public static String countryPath(String code) {
        return "countries/" + code.toLowerCase(Locale.ROOT) + "/";
    }

    public static String verdictPath(String term) {
        return "verdicts/" + term + "/";
    }

    public static String organisationPath(String id) {
        return "organisations/" + id + "/";
    }

    public static String programmePath(String id) {
        return "programmes/" + id + "/";
    }

    public static String basePath(String id) {
        return "bases/" + id + "/";
    }

    /** The countries with at least one model, by name. */
    public Views.CountriesPage countries() {
        Map<String, Integer> counts = new java.util.TreeMap<>();
        models.values().forEach(m -> counts.merge(m.country(), 1, Integer::sum));
        List<Views.CountryLink> links = counts.entrySet().stream()
                .map(e -> new Views.CountryLink(e.getKey(), countryName(e.getKey()), site.baseUrl() + countryPath(e.getKey()), e.getValue()))
                .sorted(Comparator.comparing(Views.CountryLink::name))
                .toList();
        return new Views.CountriesPage(site, links);
    }

    /** A country's models, and how many of those examined stand on a base from another country. */
    public List<Views.CountryPage> countryPages() {
        List<Views.CountryPage> pages = new ArrayList<>();
        for (Views.CountryLink c : countries().countries()) {
            List<Model> national = modelsWhere(m -> m.country().equals(c.code()));
            int foreign = (int) national.stream().filter(m -> m.lineage().stream()
                    .filter(l -> l.relation().reusesArtefacts())
                    .anyMatch(l -> models.containsKey(l.base()) && !models.get(l.base()).country().equals(m.country())))
                    .count();
            int examined = (int) national.stream().filter(m -> !m.claims().isEmpty() || !m.lineage().isEmpty()).count();
            pages.add(new Views.CountryPage(site, c.code(), c.name(), list(national), foreign, examined));
        }
        return pages;
    }

    public List<Views.VerdictPage> verdictPages() {
        List<Views.VerdictPage> pages = new ArrayList<>();
        for (Verdict v : Verdict.values()) {
            List<Model> judged = modelsWhere(m -> verdicts.judge(m).verdict() == v);
            pages.add(new Views.VerdictPage(site, v.term(), label("verdicts", v.term()),
                    vocabulary.find("verdicts", v.term()).map(t -> t.meaning()).orElse(null), list(judged)));
        }
        return pages;
    }

    public List<Views.OrganisationPage> organisationPages() {
        return registry.organisations().stream().map(Loaded::record).map(o -> {
            SourceNumbers refs = new SourceNumbers(o.sources());
            return new Views.OrganisationPage(site, o.id(), o.name(), o.nativeName(), o.country(), countryName(o.country()),
                    o.kind(), UrlPolicy.publishable(o.website()), o.summary() == null ? null : o.summary().text(),
                    o.summary() == null ? null : refs.ref(o.summary().source(), o.summary().passage()),
                    list(modelsWhere(m -> m.organisation().equals(o.id()))), sourceViews(o.sources(), refs));
        }).toList();
    }

    public List<Views.ProgrammePage> programmePages() {
        return registry.programmes().stream().map(Loaded::record).map(p -> {
            SourceNumbers refs = new SourceNumbers(p.sources());
            return new Views.ProgrammePage(site, p.id(), p.name(), p.nativeName(), p.country(), countryName(p.country()),
                    p.funder(), p.started(), UrlPolicy.publishable(p.website()), p.summary() == null ? null : p.summary().text(),
                    p.summary() == null ? null : refs.ref(p.summary().source(), p.summary().passage()),
                    p.timeline().stream().map(e -> new EventView(e.date(), e.event(), refs.ref(e.source(), e.passage()), e.uncertain())).toList(),
                    list(modelsWhere(m -> p.id().equals(m.programme()))), sourceViews(p.sources(), refs));
        }).toList();
    }

    /**
     * A page for every model that another model declares as a base or that the detector finds
     * shape-compatible with another: its family, with declared derivations, detected candidates,
     * reused components and mere architecture sharers kept apart.
     */
    public List<Views.BasePage> basePages() {
        Map<String, List<Views.FamilyMember>> derived = new java.util.TreeMap<>();
        Map<String, List<Views.FamilyMember>> detected = new java.util.TreeMap<>();
        Map<String, List<Views.FamilyMember>> components = new java.util.TreeMap<>();
        Map<String, List<Views.FamilyMember>> architecture = new java.util.TreeMap<>();
        for (Loaded<Model> loaded : sortedModels()) {
            Model m = loaded.record();
            java.util.Set<String> declared = new java.util.HashSet<>();
            for (LineageLink l : m.lineage()) {
                declared.add(l.base());
                Views.FamilyMember member = new Views.FamilyMember(row(m), label("relations", l.relation().term()), l.grade().name(), true);
                (l.relation().derivesWeights() ? derived : l.relation() == Relation.ARCHITECTURE_ONLY ? architecture : components)
                        .computeIfAbsent(l.base(), k -> new ArrayList<>()).add(member);
            }
            for (Comparison c : detection.candidates(m.id())) {
                if (declared.contains(c.base()) || !c.grade().atLeast(org.keizu.model.Grade.E1)) {
                    continue;
                }
                Views.FamilyMember member = new Views.FamilyMember(row(m), messages.format("family_label_" + key(c.finding())),
                        c.grade().name(), false);
                (c.shapeCompatible() ? detected : architecture).computeIfAbsent(c.base(), k -> new ArrayList<>()).add(member);
            }
        }
        java.util.Set<String> bases = new java.util.TreeSet<>();
        bases.addAll(derived.keySet());
        bases.addAll(detected.keySet());
        bases.addAll(components.keySet());
        bases.addAll(architecture.keySet());
        List<Views.BasePage> pages = new ArrayList<>();
        for (String id : bases) {
            Model base = models.get(id);
            if (base == null) {
                continue;
            }
            List<Views.FamilyMember> d = derived.getOrDefault(id, List.of());
            List<Views.FamilyMember> x = detected.getOrDefault(id, List.of());
            List<Views.FamilyMember> c = components.getOrDefault(id, List.of());
            List<Views.FamilyMember> a = architecture.getOrDefault(id, List.of());
            pages.add(new Views.BasePage(site, id, base.name(), site.baseUrl() + modelPath(id), base.country(),
                    countryName(base.country()), organisationName(base.organisation()), d,
                    chains.indirectDescendants(id).stream().map(this::chainLinks).toList(), x, c, a,
                    FamilyTreeLayout.layout(base.name(), site.baseUrl() + modelPath(id), d, x, c, a, messages)));
        }
        return pages;
    }

    /** The chain from the ultimate base down to this model, when it runs through another model. */
    private List<Link> chain(String modelId) {
        List<String> ancestors = new ArrayList<>(chains.ancestors(modelId));
        if (ancestors.size() < 2) {
            return List.of();    // a direct derivation: the lineage statement already names the base
        }
        java.util.Collections.reverse(ancestors);
        ancestors.add(modelId);
        return chainLinks(ancestors);
    }

    private List<Link> chainLinks(List<String> ids) {
        return ids.stream().map(id -> new Link(baseName(id), site.baseUrl() + modelPath(id))).toList();
    }

    /** A detector finding ("vocabulary-extension") as the suffix of its message keys ("vocabulary_extension"). */
    private static String key(String finding) {
        return finding.replace('-', '_');
    }

    private List<SourceView> sourceViews(List<Source> sources, SourceNumbers refs) {
        return sources.stream().map(s -> new SourceView(refs.number(s.id()), refs.anchor(s.id()), s.title(), s.publisher(),
                UrlPolicy.publishable(s.url()), UrlPolicy.publishable(s.archived()),
                s.published(), s.accessed(), s.language(), s.uncertain())).toList();
    }

    /** Every model's id, in the order the site lists them; pages are built one at a time from these. */
    public List<String> modelIds() {
        return sortedModels().stream().map(l -> l.record().id()).toList();
    }

    /** The evidence page of one model. */
    public ModelPage modelPage(String id) {
        return modelPage(models.get(id));
    }

    ModelPage modelPage(Model model) {
        SourceNumbers refs = new SourceNumbers(model.sources());
        VerdictRule.Finding verdict = verdicts.judge(model);
        Organisation org = registry.organisation(model.organisation()).orElseThrow();
        Link programme = model.programme() == null ? null
                : registry.programme(model.programme()).map(p -> new Link(p.name(), site.baseUrl() + programmePath(p.id()))).orElse(null);
        List<ClaimView> claims = model.claims().stream().map(c -> claim(c, refs)).toList();
        List<LineageView> lineage = model.lineage().stream()
                .sorted(Comparator.comparing(LineageLink::grade).reversed())
                .map(l -> lineage(l, refs)).toList();
        List<DisputeView> disputes = model.disputes().stream().map(d -> dispute(d, refs)).toList();
        List<ObligationView> obligations = model.licenceObligations().stream().map(o -> obligation(o, refs)).toList();
        List<EventView> timeline = model.timeline().stream()
                .map(e -> new EventView(e.date(), e.event(), refs.ref(e.source(), e.passage()), e.uncertain())).toList();
        List<SourceView> sources = sourceViews(model.sources(), refs);
        String snapshotNote = model.snapshot() == null
                ? messages.format("snapshot_none")
                : null;
        return new ModelPage(site, model.id(), model.name(), model.nativeName(), model.aliases(),
                new Link(org.nativeName() == null ? org.name() : org.name() + " (" + org.nativeName() + ")",
                        site.baseUrl() + organisationPath(org.id())), model.country(), countryName(model.country()), programme,
                model.released(), model.reviewed(),
                model.summary() == null ? null : model.summary().text(),
                model.summary() == null ? null : refs.ref(model.summary().source(), model.summary().passage()),
                model.parameters() == null ? null : parameters(model),
                model.parameters() == null ? null : refs.ref(model.parameters().source()),
                model.hub() == null ? null : model.hub().repo(),
                model.hub() == null ? null : "https://huggingface.co/" + model.hub().repo(),
                model.licence() == null ? null : model.licence().declared(),
                model.licence() == null ? null : refs.ref(model.licence().source()),
                verdict.verdict().term(), label("verdicts", verdict.verdict().term()),
                vocabulary.find("verdicts", verdict.verdict().term()).map(t -> t.meaning()).orElse(null),
                verdict.uncertain(), messages.format(verdict.headline()), claims, lineage, chain(model.id()), disputes,
                obligations, timeline,
                model.response() == null ? null : statement(model.response(), refs), sources,
                model.corrections().stream().map(c -> new CorrectionView(c.date(), c.what())).toList(),
                terms("grades"), snapshotNote, snapshotView(model), comparisons(model), facets(model, verdict),
                citation(model));
    }

    /**
     * A ready-made citation. The permanent address is absolute when the build knows the site's
     * origin (--origin), else the path under the site. The year is that of the record's review.
     */
    Views.Citation citation(Model model) {
        String permalink = site.origin() + site.baseUrl() + modelPath(model.id());
        String title = messages.format("citation_title", model.name());
        String text = messages.format("citation_text", title, model.reviewed(), site.datasetDate(), permalink);
        String year = model.reviewed().substring(0, 4);
        String bibtex = "@misc{keizu-" + model.id().replace('.', '-') + ",\n"
                + "  author       = {{Keizu contributors}},\n"
                + "  title        = {" + bibtex(title) + "},\n"
                + "  howpublished = {" + bibtex(messages.format("citation_howpublished")) + "},\n"
                + "  year         = {" + year + "},\n"
                + "  note         = {" + bibtex(messages.format("citation_note", model.reviewed(), site.datasetDate())) + "},\n"
                + "  url          = {" + permalink + "}\n"
                + "}";
        return new Views.Citation(permalink, title, text, bibtex, model.reviewed());
    }

    /** Escapes the characters BibTeX treats as commands or groups. */
    static String bibtex(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (char c : value.toCharArray()) {
            switch (c) {
                case '\\' -> out.append("\\textbackslash{}");
                case '{', '}', '&', '%', '$', '#', '_' -> out.append('\\').append(c);
                case '~' -> out.append("\\textasciitilde{}");
                case '^' -> out.append("\\textasciicircum{}");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private Views.SearchFacets facets(Model model, VerdictRule.Finding verdict) {
        Optional<LineageLink> detected = detectedBase(model);
        return new Views.SearchFacets(countryName(model.country()), organisationName(model.organisation()),
                model.programme() == null ? null : registry.programme(model.programme()).map(p -> p.name()).orElse(null),
                detected.map(l -> baseName(l.base())).orElse(null),
                detected.map(l -> label("relations", l.relation().term())).orElse(null),
                detected.map(l -> l.grade().name()).orElse(null),
                label("verdicts", verdict.verdict().term()),
                org.keizu.model.PartialDate.parse(model.released()).map(d -> String.valueOf(d.year())).orElse(null));
    }

    private SnapshotView snapshotView(Model model) {
        return detection.snapshotOf(model.id()).map(loaded -> {
            Snapshot s = loaded.snapshot();
            Snapshot.Via via = s.via();
            String from = switch (via.kind()) {
                case "mirror" -> messages.format("via_mirror", via.repository(), via.path(), via.commit());
                case "extract" -> messages.format("via_extract", via.repository(), via.path(), via.commit());
                default -> messages.format("via_" + key(via.kind()));
            };
            return new SnapshotView(s.id(), s.repo(), s.revision(), s.revisionNote(), s.retrieved(), from,
                    UrlPolicy.publishable(via.url()),
                    via.grade(), via.caveats(), s.files().stream().map(f -> new FileView(f.name(), f.sha256(), f.size())).toList());
        }).orElse(null);
    }

    /**
     * The comparison with every declared base that has a snapshot, then the detector's other
     * candidates that share at least the architecture class, strongest first, at most three.
     */
    private List<ComparisonView> comparisons(Model model) {
        List<ComparisonView> views = new ArrayList<>();
        java.util.Set<String> declared = new java.util.HashSet<>();
        for (LineageLink link : model.lineage()) {
            declared.add(link.base());
            detection.compare(model.id(), link.base()).ifPresent(c -> views.add(comparison(c, true)));
        }
        detection.candidates(model.id()).stream()
                .filter(c -> !declared.contains(c.base()) && c.grade().atLeast(org.keizu.model.Grade.E1))
                .limit(3)
                .forEach(c -> views.add(comparison(c, false)));
        return views;
    }

    private ComparisonView comparison(Comparison c, boolean declared) {
        List<Views.FieldRow> different = c.different().stream()
                .sorted(Comparator.comparing((Comparison.FieldDifference d) -> d.tier()).thenComparing(d -> d.field()))
                .map(d -> new Views.FieldRow(d.field(), d.tier().name(), d.tier().label(), d.thisText(), d.baseText()))
                .toList();
        List<Views.FieldRow> equal = c.matches().stream()
                .sorted(Comparator.comparing((Comparison.FieldMatch m) -> m.tier()).thenComparing(m -> m.field()))
                .map(m -> new Views.FieldRow(m.field(), m.tier().name(), m.tier().label(), m.text(), m.text()))
                .toList();
        return new ComparisonView(new Link(baseName(c.base()), site.baseUrl() + modelPath(c.base())), c.grade().name(),
                label("grades", c.grade().name()), messages.format("finding_" + key(c.finding())), declared, different, equal, c.corroboration());
    }

    private ClaimView claim(Claim c, SourceNumbers refs) {
        return new ClaimView(c.kind().term(), label("claim-kinds", c.kind().term()), c.quote(), c.language(),
                c.translation() != null, c.translation(), c.isParaphrased(), c.date(), c.by(), refs.ref(c.source(), c.passage()), c.uncertain());
    }

    private LineageView lineage(LineageLink l, SourceNumbers refs) {
        String base = baseName(l.base());
        String statement = switch (l.relation()) {
            case ARCHITECTURE_ONLY -> messages.format("statement_architecture", base);
            case COMPONENT -> l.component() == null ? messages.format("statement_component_unnamed", base)
                    : messages.format("statement_component", l.component(), base);
            case TOKENIZER -> messages.format("statement_tokenizer", base);
            default -> messages.format("statement_derived", base, label("relations", l.relation().term()).toLowerCase(Locale.ROOT));
        };
        List<EvidenceView> evidence = l.evidence().stream().map(e -> evidence(e, refs)).toList();
        return new LineageView(new Link(base, site.baseUrl() + modelPath(l.base())), l.relation().term(),
                label("relations", l.relation().term()), l.relation().derivesWeights(), l.grade().name(),
                label("grades", l.grade().name()), statement, l.component(), l.uncertain(), evidence);
    }

    private EvidenceView evidence(Evidence e, SourceNumbers refs) {
        return new EvidenceView(label("evidence-kinds", e.kind()), e.summary(), e.date(),
                refs.ref(e.source(), e.passage()), e.uncertain());
    }

    private StatementView statement(Statement s, SourceNumbers refs) {
        return new StatementView(s.date(), s.by(), s.text(), s.language(), s.translation() != null, s.translation(),
                s.isParaphrased(), refs.ref(s.source(), s.passage()), s.uncertain());
    }

    private DisputeView dispute(Dispute d, SourceNumbers refs) {
        Link base = d.base() == null ? null : new Link(baseName(d.base()), site.baseUrl() + modelPath(d.base()));
        return new DisputeView(base, d.allegation(), d.raisedBy(), d.date(), d.status().term(), refs.ref(d.source(), d.passage()),
                d.replies().stream().map(r -> statement(r, refs)).toList(), d.uncertain());
    }

    private ObligationView obligation(LicenceObligation o, SourceNumbers refs) {
        return new ObligationView(new Link(baseName(o.base()), site.baseUrl() + modelPath(o.base())), o.requires(),
                o.met(), o.metOn(), refs.ref(o.source(), o.passage()), o.uncertain());
    }

    /**
     * The base the home page shows: a derivation before a component before a shared architecture,
     * and the strongest grade first, so an architecture-only link is shown only when nothing else is.
     */
    public static Optional<LineageLink> detectedBase(Model model) {
        Comparator<LineageLink> byKind = Comparator.comparingInt(l -> l.relation().derivesWeights() ? 0
                : l.relation() == Relation.ARCHITECTURE_ONLY ? 2 : 1);
        return model.lineage().stream()
                .sorted(byKind.thenComparing(Comparator.comparing(LineageLink::grade).reversed()))
                .findFirst();
    }

    /** The kinds of claim the makers made, in the order they made them ("Vague, then names its base"). */
    private String claimSummary(Model model) {
        if (model.claims().isEmpty()) {
            return messages.format("claims_none_recorded");
        }
        List<String> kinds = new ArrayList<>();
        for (Claim c : model.claims()) {
            String kind = label("claim-kinds", c.kind().term());
            kind = kinds.isEmpty() ? kind : kind.substring(0, 1).toLowerCase(Locale.ROOT) + kind.substring(1);
            if (!kinds.contains(kind)) {
                kinds.add(kind);
            }
        }
        return String.join(messages.format("claims_then"), kinds);
    }

    private String parameters(Model model) {
        String total = humanCount(model.parameters().total());
        return model.parameters().active() == null ? messages.format("parameters_total", total)
                : messages.format("parameters_active", total, humanCount(model.parameters().active()));
    }

    /** 671e9 becomes "671B", 1.04e12 "1.04T": the form model cards use. */
    static String humanCount(BigDecimal n) {
        BigDecimal[] scales = {new BigDecimal("1e12"), new BigDecimal("1e9"), new BigDecimal("1e6")};
        String[] suffixes = {"T", "B", "M"};
        for (int i = 0; i < scales.length; i++) {
            if (n.compareTo(scales[i]) >= 0) {
                return n.divide(scales[i], 2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString() + suffixes[i];
            }
        }
        return n.stripTrailingZeros().toPlainString();
    }

    private List<Loaded<Model>> sortedModels() {
        return registry.models().stream()
                .sorted(Comparator.comparing((Loaded<Model> l) -> l.record().name().toLowerCase(Locale.ROOT))
                        .thenComparing(l -> l.record().id()))
                .toList();
    }

    private List<TermView> terms(String list) {
        return vocabulary.list(list).stream().map(t -> new TermView(t.term(), t.label(), t.meaning())).toList();
    }

    private String label(String list, String term) {
        return vocabulary.label(list, term);
    }

    private String baseName(String id) {
        Model base = models.get(id);
        return base == null ? id : base.name();
    }

    private String organisationName(String id) {
        return registry.organisation(id).map(Organisation::name).orElse(id);
    }

    static String countryName(String code) {
        return Countries.name(code);
    }

    /** Numbers a record's sources in the order listed, for "[n]" markers and #source-id anchors. */
    private static final class SourceNumbers {
        private final Map<String, Integer> numbers = new HashMap<>();
        private final Map<String, String> languages = new HashMap<>();

        SourceNumbers(List<Source> sources) {
            for (Source s : sources) {
                numbers.putIfAbsent(s.id(), numbers.size() + 1);
                languages.putIfAbsent(s.id(), s.language());
            }
        }

        /** A citation marker carrying the source's supporting words; their language is the source's unless stated. */
        SourceRef ref(String id, Passage passage) {
            if (id == null) {
                return null;
            }
            PassageView words = passage == null ? null
                    : new PassageView(passage.text(), passage.language() != null ? passage.language() : languages.get(id),
                            passage.translation());
            return new SourceRef(number(id), anchor(id), words);
        }

        int number(String id) {
            return numbers.getOrDefault(id, 0);
        }

        String anchor(String id) {
            return "source-" + id;
        }

        SourceRef ref(String id) {
            return ref(id, null);
        }
    }
}
