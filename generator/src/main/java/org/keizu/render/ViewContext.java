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

    /** The language of the pages: labels, dates and numbers are written in it. */
    final Language language;

    /** Every model in the order the site lists them: by name, ignoring case, then by id. */
    final List<Model> modelsByName;

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
        this.paths = site.paths();
        this.language = site.language();
        this.messages = new Messages(site.msg());
        this.modelsByName = registry.modelsByName();
    }

    /** These models (say, one organisation's) in the site's order. */
    List<Model> inSiteOrder(List<Model> models) {
        return models.stream()
                .sorted(Comparator.comparingInt(m -> registry.placeByName(m.id())))
                .toList();
    }

    /**
     * A term's label in the pages' language: the vocabulary's English, or the translation's bundle
     * ({@code vocab.<list>.<term>.label}).
     */
    String label(String list, String term) {
        String key = Bundles.vocabKey(list, term, "label");
        return language.english() || !messages.has(key)
                ? vocabulary.label(list, term)
                : messages.format(key);
    }

    /** A term's meaning in the pages' language, or null when the vocabulary lacks the term. */
    String meaning(String list, String term) {
        String key = Bundles.vocabKey(list, term, "meaning");
        return language.english() || !messages.has(key)
                ? vocabulary.find(list, term).map(t -> t.meaning()).orElse(null)
                : messages.format(key);
    }

    List<TermView> terms(String list) {
        return vocabulary.list(list).stream()
                .map(t -> new TermView(t.term(), label(list, t.term()), meaning(list, t.term())))
                .toList();
    }

    /** A record's date as the pages' language writes it (English: as the record has it). */
    String date(String iso) {
        return language.date(iso);
    }

    /**
     * Text of the registry's own words (a summary) in the pages' language: its translation when the
     * record has one, else the English, marked so ({@link LocalText#untranslated}).
     */
    LocalText text(String english, java.util.Map<String, String> translations) {
        if (english == null) {
            return new LocalText(null, null, false);
        }
        if (language.english()) {
            return new LocalText(english, null, false);
        }
        String translated = translations.get(language.code());
        return translated == null
                ? new LocalText(english, Language.EN.code(), true)
                : new LocalText(translated, null, false);
    }

    /**
     * Text in the pages' language, or the English with {@code lang} "en" and {@code untranslated}
     * set when the record has no translation into it.
     */
    record LocalText(String text, String lang, boolean untranslated) {}

    /**
     * A country's name in the pages' language: English as before; a translation takes Java's CLDR
     * name (日本, 대한민국) and its bundle's name for the European Union, which has no country code of
     * its own in CLDR.
     */
    String countryName(String code) {
        if (language.english()) {
            return Countries.name(code);
        }
        return code.equals(Countries.EUROPEAN_UNION)
                ? messages.format("country_eu")
                : new Locale("", code).getDisplayCountry(language.locale());
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
                countryName(code),
                paths.href(SitePaths.country(code)),
                registry.modelsOfCountry(code).size());
    }
}
