package org.keizu.site;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.keizu.render.MachineMetadata;

class ShareImageTest {
    private static MachineMetadata.ShareCard card(
            String verdict, String label, String name, String base) {
        return new MachineMetadata.ShareCard(verdict, label, name, base, "alt");
    }

    /** The card as a thread that has drawn no other draws it. */
    private static byte[] drawnFirst(MachineMetadata.ShareCard card) throws InterruptedException {
        AtomicReference<byte[]> png = new AtomicReference<>();
        Thread thread = new Thread(() -> png.set(ShareImage.model(card, "Keizu")));
        thread.start();
        thread.join();
        return png.get();
    }

    /**
     * A thread's canvas is drawn over card after card, each putting back only what the one before
     * drew: whatever came before, a card's bytes are those it has when drawn first.
     */
    @Test
    void aCardIsTheSameWhateverWasDrawnBeforeIt() throws InterruptedException {
        List<MachineMetadata.ShareCard> cards =
                List.of(
                        card(
                                "claim-refuted",
                                "Claim refuted",
                                "A model with a very long name that does not fit on one line of the card at all",
                                "Evidence points to: DeepSeek-V3 and a base with a long name too"),
                        card(
                                "claim-refuted",
                                "Claim refuted",
                                "Aurora",
                                "Evidence points to: Qwen"),
                        card("consistent", "Consistent", "Ünïcödé Model Ω", null),
                        card("claim-refuted", "Claim refuted", "", "Evidence points to: Llama"),
                        card("contested", "Contested", "Wide WWWWWWWWWWWWWWWWWWWW", "Ω"),
                        card(
                                "claim-refuted",
                                "Claim refuted",
                                "Aurora",
                                "Evidence points to: Qwen"));
        for (MachineMetadata.ShareCard card : cards) {
            byte[] first = drawnFirst(card);
            for (MachineMetadata.ShareCard before : cards) {
                ShareImage.model(before, "Keizu");
                assertArrayEquals(
                        first,
                        ShareImage.model(card, "Keizu"),
                        card.name() + " after " + before.name());
            }
        }
    }

    @Test
    void aCardIsAPlainImageOfItsSize() throws IOException {
        BufferedImage image =
                ImageIO.read(
                        new ByteArrayInputStream(
                                ShareImage.model(
                                        card("contested", "Contested", "Aurora", "Ω"), "Keizu")));
        assertEquals(ShareImage.WIDTH, image.getWidth());
        assertEquals(ShareImage.HEIGHT, image.getHeight());
    }
}
