package org.keizu.serve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.keizu.render.MachineMetadata.ShareCard;
import org.keizu.site.ShareImage;

/** Share images are drawn again only for a card that changed, even after a failed build. */
class RememberedShareImagesTest {
    private static final ShareCard CARD =
            new ShareCard("consistent", "Consistent", "National Model", "Base Model", "alt");

    @Test
    void drawsOnlyTheCardsThatChanged() {
        RememberedShareImages images = new RememberedShareImages();
        images.nextBuild();
        byte[] first = images.model(CARD, "Keizu");
        images.site("Keizu", "tagline");
        assertEquals(2, images.drawn());
        assertArrayEquals(ShareImage.model(CARD, "Keizu"), first);
        images.buildCompleted();

        images.nextBuild(); // fails before it draws anything: nothing kept is lost
        images.nextBuild();
        assertArrayEquals(first, images.model(CARD, "Keizu"));
        images.site("Keizu", "tagline");
        assertEquals(0, images.drawn());
        ShareCard renamed =
                new ShareCard("consistent", "Consistent", "Renamed Model", "Base Model", "alt");
        assertArrayEquals(ShareImage.model(renamed, "Keizu"), images.model(renamed, "Keizu"));
        assertEquals(1, images.drawn());
    }
}
