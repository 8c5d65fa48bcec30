package org.keizu.render;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.keizu.lineage.Analysis;
import org.keizu.load.RecordVersions;
import org.keizu.model.Countries;
import org.keizu.model.Model;
import org.keizu.model.Organisation;
import org.keizu.model.Vocabulary;
import org.keizu.registry.Registry;
import org.keizu.render.Views.CountryLink;
import org.keizu.render.Views.Link;
import org.keizu.render.Views.SiteView;
import org.keizu.render.Views.TermView;

/**
 * What every page builder reads: the registry, its analysis, the vocabulary's labels, the message
 * bundle and the site's links; and the few lookups they all make (a model's name, a country's
 * link).
 */
final class ViewContext {
    final Registry registry;
    final Analysis analysis;

    /** Each record's versions (none outside git or in a shallow clone). */
    final RecordVersions versions;

    final Vocabulary vocabulary;
    final SiteView site;
    final SitePaths paths;
    final Messages messages;

    /** Every model in the order the site lists them: by name, ignoring case, then by id. */
    final List<Model> modelsByName;

    private final java.util.Map<String, Integer> siteOrder = new java.util.HashMap<>();

    ViewContext(
            Registry registry,
            Analysis analysis,
            RecordVersions versions,
            Vocabulary vocabulary,
            SiteView site) {
        this.registry = registry;
        this.versions = versions;
        this.analysis = analysis;
        this.vocabulary = vocabulary;
        this.site = site;
        this.paths = new SitePaths(site.baseUrl());
        this.messages = new Messages(site.msg());
        this.modelsByName =
                registry.models().stream()
                        .map(l -> l.record())
                        .map(m -> new SortKey(m.name().toLowerCase(Locale.ROOT), m))
                        .sorted(
                                Comparator.comparing(SortKey::name)
                                        .thenComparing(k -> k.model().id()))
                        .map(SortKey::model)
                        .toList();
        for (Model m : modelsByName) {
            siteOrder.putIfAbsent(m.id(), siteOrder.size());
        }
    }

    /** These models (say, one organisation's) in the site's order. */
    List<Model> inSiteOrder(List<Model> models) {
        return models.stream()
                .sorted(
                        Comparator.comparingInt(
                                m -> siteOrder.getOrDefault(m.id(), Integer.MAX_VALUE)))
                .toList();
    }

    /** The lower-cased name is computed once per model, not on every comparison. */
    private record SortKey(String name, Model model) {}

    String label(String list, String term) {
        return vocabulary.label(list, term);
    }

    List<TermView> terms(String list) {
        return vocabulary.list(list).stream()
                .map(t -> new TermView(t.term(), t.label(), t.meaning()))
                .toList();
    }

    /** A model's name, or its id when it is not held (so a link never shows an empty label). */
    String modelName(String id) {
        return registry.model(id).map(Model::name).orElse(id);
    }

    Link modelLink(String id) {
        return new Link(modelName(id), paths.href(SitePaths.model(id)));
    }

    String organisationName(String id) {
        return registry.organisation(id).map(Organisation::name).orElse(id);
    }

    CountryLink country(String code) {
        return new CountryLink(
                code,
                Countries.name(code),
                paths.href(SitePaths.country(code)),
                registry.modelsOfCountry(code).size());
    }
}
