package org.keizu.site;

import org.keizu.render.MachineMetadata;

/**
 * Where a build gets its share images. Each is a pure function of its card and the site's name, and
 * drawing one is slow (about 25 ms as PNG), so a caller that rebuilds the same site again and again
 * ({@code keizu serve}) may keep them between builds; a one-off build draws every one ({@link
 * #DRAWN}). Called from several threads at once.
 */
public interface ShareImages {
    /** Draws every image anew: what {@code keizu build} does. */
    ShareImages DRAWN =
            new ShareImages() {
                @Override
                public byte[] model(MachineMetadata.ShareCard card, String siteName) {
                    return ShareImage.model(card, siteName);
                }

                @Override
                public byte[] site(String siteName, String tagline) {
                    return ShareImage.site(siteName, tagline);
                }
            };

    /** A model's card, as {@link ShareImage#model} draws it. */
    byte[] model(MachineMetadata.ShareCard card, String siteName);

    /** The registry's card, as {@link ShareImage#site} draws it. */
    byte[] site(String siteName, String tagline);
}
