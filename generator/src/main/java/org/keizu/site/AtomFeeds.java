package org.keizu.site;

import com.rometools.rome.feed.atom.Content;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.atom.Person;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.keizu.render.MachineMetadata;
import org.keizu.render.Messages;
import org.keizu.render.SitePaths;
import org.keizu.render.Views;

/**
 * The Atom feeds (written with Rome): one for the whole registry, one per country. Each entry is a
 * record first published, a later change to it, or a correction it lists, dated by its commit or
 * the correction's day, never by the clock; the feed's own date is its newest entry's, or the
 * dataset's when it has none. Links are absolute when the site's origin is known.
 */
public final class AtomFeeds {
    private final Views.SiteView site;
    private final Messages messages;
    private final SitePaths paths;

    public AtomFeeds(Views.SiteView site) {
        this.site = site;
        this.messages = new Messages(site.msg());
        this.paths = new SitePaths(site.baseUrl());
    }

    /** The registry's feed. */
    public OutputFile registry(List<MachineMetadata.FeedEntry> entries) {
        return feed(
                SitePaths.REGISTRY_FEED,
                "feed/registry",
                messages.format("feed_registry_title"),
                "",
                entries);
    }

    /** One country's feed: the entries of its models. */
    public OutputFile country(String code, String name, List<MachineMetadata.FeedEntry> all) {
        return feed(
                SitePaths.countryFeed(code),
                "feed/country/" + code,
                messages.format("feed_country_title", name),
                SitePaths.country(code),
                all.stream().filter(e -> code.equals(e.country())).toList());
    }

    private OutputFile feed(
            String path,
            String idName,
            String title,
            String page,
            List<MachineMetadata.FeedEntry> entries) {
        Feed feed = new Feed("atom_1.0");
        feed.setEncoding("UTF-8");
        feed.setId(MachineMetadata.stableId(idName));
        feed.setTitle(title);
        feed.setUpdated(date(entries.isEmpty() ? site.datasetDate() : entries.get(0).date()));
        feed.setAlternateLinks(List.of(link("alternate", "text/html", page)));
        feed.setOtherLinks(List.of(link("self", "application/atom+xml", path)));
        Person author = new Person();
        author.setName(messages.format("feed_author"));
        List<SyndPerson> authors = new ArrayList<>();
        authors.add(author);
        feed.setAuthors(authors);
        feed.setRights(messages.format("footer_licence"));
        List<Entry> out = new ArrayList<>();
        for (MachineMetadata.FeedEntry e : entries) {
            Entry entry = new Entry();
            entry.setId(e.id());
            entry.setTitle(e.title());
            entry.setUpdated(date(e.date()));
            entry.setAlternateLinks(List.of(link("alternate", "text/html", e.path())));
            Content summary = new Content();
            summary.setType(Content.TEXT);
            summary.setValue(e.summary());
            entry.setSummary(summary);
            out.add(entry);
        }
        feed.setEntries(out);
        try {
            return OutputFile.text(path, new WireFeedOutput().outputString(feed, true));
        } catch (FeedException e) {
            throw new IllegalStateException("cannot write the feed " + path, e);
        }
    }

    private Link link(String rel, String type, String path) {
        Link link = new Link();
        link.setRel(rel);
        link.setType(type);
        link.setHref(site.origin() + paths.href(path));
        return link;
    }

    /** A day (YYYY-MM-DD, or a partial date's first day) at midnight UTC. */
    static Date date(String day) {
        String full = day.length() == 4 ? day + "-01-01" : day.length() == 7 ? day + "-01" : day;
        return Date.from(LocalDate.parse(full).atStartOfDay(ZoneOffset.UTC).toInstant());
    }
}
