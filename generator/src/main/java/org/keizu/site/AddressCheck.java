package org.keizu.site;

import java.util.List;
import java.util.function.Consumer;
import org.keizu.diagnostic.Check;
import org.keizu.diagnostic.Finding;
import org.keizu.diagnostic.Position;
import org.keizu.load.ProsePages;
import org.keizu.render.SitePaths;

/** Addresses the site keeps for itself. */
public final class AddressCheck {
    private AddressCheck() {}

    /**
     * Output paths that two sources would write, found before anything is rendered: a prose page
     * may not take the address of a page the site builds itself. (Record ids cannot collide: each
     * kind has its own folder, and ids are unique ignoring case.)
     */
    public static void check(List<ProsePages.Page> pages, Consumer<Finding> out) {
        for (ProsePages.Page page : pages) {
            if (SitePaths.ROOT_NAMES.contains(page.slug())) {
                out.accept(
                        Finding.error(
                                page.file(),
                                Position.WHOLE_FILE,
                                Check.SITE_001,
                                "the page would be published at /"
                                        + page.slug()
                                        + "/, an address the site uses for its own pages; rename the file"));
            }
        }
    }
}
