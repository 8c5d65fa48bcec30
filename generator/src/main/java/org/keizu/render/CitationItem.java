package org.keizu.render;

/**
 * One citable thing, the single source every citation format is made from ({@link
 * CitationFormats}): an evidence page or the registry as a whole.
 *
 * <p>Both an evidence page and the registry are a CSL {@code dataset}: what is cited is a state of
 * the registry's data (the record, also published as JSON), and that state is named by its version.
 * APA and Chicago print a dataset's version; for a {@code webpage} they leave it out, so two states
 * of a record would be cited alike. Reference managers reading the page's head still see a web page
 * published by Keizu.
 *
 * @param key the citation key (letters, digits and '-')
 * @param type {@code webpage} or {@code dataset}
 * @param title the title, as the bundle words it
 * @param author the authoring organisation, a literal name, never a person's
 * @param publisher the site's name, also its container title
 * @param url the permanent address
 * @param issued the day the cited state was made (YYYY-MM-DD)
 * @param version the version's label, or null when the build has no history to count it from
 */
public record CitationItem(
        String key,
        String type,
        String title,
        String author,
        String publisher,
        String url,
        String issued,
        String version) {}
