package org.keizu.site;

import java.util.ArrayList;
import java.util.List;
import org.keizu.render.Messages;
import org.keizu.render.SitePaths;
import org.keizu.render.Views;

/**
 * Splits a long list of models over several pages, so that no page grows with the registry: the
 * first page keeps the list's address, page k (from 2) is at {@code page/k/} under it, and every
 * page links to every other, so each model stays reachable without JavaScript. A list that fits on
 * one page is left as it was, with no pager.
 */
final class ModelListPages {
    /**
     * Rows per page: a row of the model table is under a kilobyte of HTML, so a page of them stays
     * far below 200 KB whatever the registry's size.
     */
    static final int ROWS_PER_PAGE = 100;

    /**
     * One page of a list: its path, its rows (with the pager), its number and how many there are.
     */
    record Page(String path, Views.ModelList models, int number, int count) {
        /** The page's name: the list's, and from page 2 on, which page it is. */
        String name(String listName, Messages messages) {
            return ModelListPages.name(listName, number, count, messages);
        }
    }

    private final SitePaths paths;
    private final Messages messages;

    ModelListPages(Views.SiteView site) {
        this.paths = site.paths();
        this.messages = new Messages(site.msg());
    }

    /** The pages of {@code list}, whose first page is at {@code path}. */
    List<Page> split(Views.ModelList list, String path) {
        int count = pageCount(list.rows().size());
        if (count == 1) {
            return List.of(new Page(path, list, 1, 1));
        }
        List<Page> pages = new ArrayList<>();
        for (int k = 1; k <= count; k++) {
            pages.add(
                    new Page(
                            pagePath(path, k),
                            new Views.ModelList(
                                    slice(list.rows(), k), list.counts(), pager(path, k, count)),
                            k,
                            count));
        }
        return pages;
    }

    /** How many pages a list of {@code size} rows takes (one at least). */
    static int pageCount(int size) {
        return Math.max(1, (size + ROWS_PER_PAGE - 1) / ROWS_PER_PAGE);
    }

    /** The rows of page {@code k} (from 1): empty when the list is shorter. */
    static <T> List<T> slice(List<T> rows, int k) {
        int from = Math.min(rows.size(), (k - 1) * ROWS_PER_PAGE);
        return rows.subList(from, Math.min(rows.size(), k * ROWS_PER_PAGE));
    }

    /** The pager of page {@code k} of {@code count} of the list at {@code path}. */
    Views.Pager pager(String path, int k, int count) {
        List<Views.PageLink> links = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            links.add(new Views.PageLink(n(i), paths.href(pagePath(path, i)), i == k));
        }
        return new Views.Pager(
                messages.format("pager_page", n(k), n(count)),
                k > 1 ? links.get(k - 2).href() : null,
                k < count ? links.get(k).href() : null,
                links);
    }

    /**
     * The name of page {@code k} of {@code count} of a list: the list's, and from page 2 on, which
     * page.
     */
    static String name(String listName, int k, int count, Messages messages) {
        return k == 1 ? listName : listName + " — " + messages.format("pager_page", n(k), n(count));
    }

    /** Where page {@code k} of the list at {@code path} is. */
    static String pagePath(String path, int k) {
        return k == 1 ? path : path + "page/" + k + "/";
    }

    private static String n(int number) {
        return Integer.toString(number);
    }
}
