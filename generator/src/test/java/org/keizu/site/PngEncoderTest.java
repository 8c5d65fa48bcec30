package org.keizu.site;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class PngEncoderTest {
    /** Decoded by the JDK's own PNG reader, every pixel is the one drawn. */
    private static void assertRoundTrip(BufferedImage image) throws IOException {
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(PngEncoder.encode(image)));
        assertEquals(image.getWidth(), decoded.getWidth());
        assertEquals(image.getHeight(), decoded.getHeight());
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                assertEquals(image.getRGB(x, y), decoded.getRGB(x, y), "pixel " + x + "," + y);
            }
        }
    }

    @Test
    void noisyPixelsSurviveTheSubFilterWhereBytesWrapAround() throws IOException {
        BufferedImage image = new BufferedImage(97, 41, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(7);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                image.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        assertRoundTrip(image);
    }

    @Test
    void antiAliasedTextOnFlatColourSurvives() throws IOException {
        BufferedImage image = paper(300, 80);
        Graphics2D g = pen(image);
        g.setColor(new Color(0xd5, 0x5e, 0x00));
        g.fillOval(10, 10, 60, 60);
        g.setColor(Color.BLACK);
        g.drawLine(0, 79, 299, 0);
        g.dispose();
        assertRoundTrip(image);
    }

    @Test
    void theSamePixelsGiveTheSameBytes() {
        BufferedImage a = new BufferedImage(20, 10, BufferedImage.TYPE_INT_RGB);
        BufferedImage b = new BufferedImage(20, 10, BufferedImage.TYPE_INT_RGB);
        a.setRGB(3, 4, 0x123456);
        b.setRGB(3, 4, 0x123456);
        assertArrayEquals(PngEncoder.encode(a), PngEncoder.encode(b));
    }

    /** An RGB image of flat paper colour. */
    private static BufferedImage paper(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0xfb, 0xfa, 0xf7));
        g.fillRect(0, 0, width, height);
        g.dispose();
        return image;
    }

    /** An anti-aliased pen on {@code image}, to be disposed of. */
    private static Graphics2D pen(BufferedImage image) {
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        return g;
    }

    /** Flat paper, a stripe, a labelled box above and a foot below: a card's backdrop. */
    private static BufferedImage backdrop() {
        BufferedImage image = paper(400, 210);
        Graphics2D g = pen(image);
        g.setColor(new Color(0xe6, 0x9f, 0x00));
        g.fillRect(0, 0, 8, 210);
        g.fillRoundRect(24, 12, 150, 30, 8, 8);
        g.setColor(Color.BLACK);
        g.drawString("Contested", 34, 32);
        g.drawString("Keizu", 40, 195);
        g.dispose();
        return image;
    }

    @Test
    void anImageEncodedAgainstItsBackdropDecodesToItsPixels() throws IOException {
        BufferedImage backdrop = backdrop();
        PngEncoder.Template template = new PngEncoder.Template(backdrop, 60, 170);
        for (String title : new String[] {"Aurora 15", "Ünïcödé Model Ω", ""}) {
            BufferedImage card = backdrop();
            Graphics2D g = pen(card);
            g.setColor(new Color(0x1c, 0x1f, 0x24));
            g.setFont(g.getFont().deriveFont(40f));
            g.drawString(title, 24, 110);
            g.fillOval(300, 120, 40, 40);
            g.dispose();
            byte[] png = template.encode(card);
            BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(png));
            for (int y = 0; y < card.getHeight(); y++) {
                for (int x = 0; x < card.getWidth(); x++) {
                    assertEquals(card.getRGB(x, y), decoded.getRGB(x, y), "pixel " + x + "," + y);
                }
            }
        }
    }

    @Test
    void outsideItsBandAnImageIsTakenToBeItsBackdrop() throws IOException {
        BufferedImage backdrop = backdrop();
        PngEncoder.Template template = new PngEncoder.Template(backdrop, 60, 170);
        BufferedImage card = backdrop();
        card.setRGB(5, 5, 0x00ff00); // above the band: not the encoder's to read
        card.setRGB(5, 100, 0x0000ff); // in the band
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(template.encode(card)));
        assertEquals(backdrop.getRGB(5, 5), decoded.getRGB(5, 5));
        assertEquals(card.getRGB(5, 100), decoded.getRGB(5, 100));
    }

    @Test
    void anImageDrawnOnInSomeRowsOfItsBandIsReadOnlyThere() throws IOException {
        BufferedImage backdrop = backdrop();
        PngEncoder.Template template = new PngEncoder.Template(backdrop, 60, 170);
        int[][] drawnRows = {{90, 120}, {60, 170}, {60, 61}, {169, 170}, {100, 100}, {60, 60}};
        for (int[] rows : drawnRows) {
            BufferedImage card = backdrop();
            Graphics2D g = pen(card);
            g.setColor(new Color(0x1c, 0x1f, 0x24));
            g.clipRect(0, rows[0], card.getWidth(), rows[1] - rows[0]);
            g.setFont(g.getFont().deriveFont(60f));
            g.drawString("Ünïcödé Ω", 20, 150);
            g.fillOval(250, 40, 120, 150);
            g.dispose();
            card.setRGB(5, 5, 0x00ff00); // outside the band: not read
            card.setRGB(5, 175, 0x00ff00);
            BufferedImage decoded =
                    ImageIO.read(new ByteArrayInputStream(template.encode(card, rows[0], rows[1])));
            for (int y = 0; y < card.getHeight(); y++) {
                BufferedImage expected = y >= 60 && y < 170 ? card : backdrop;
                for (int x = 0; x < card.getWidth(); x++) {
                    assertEquals(
                            expected.getRGB(x, y),
                            decoded.getRGB(x, y),
                            "rows " + rows[0] + "-" + rows[1] + ", pixel " + x + "," + y);
                }
            }
        }
        assertThrows(IllegalArgumentException.class, () -> template.encode(backdrop, 59, 100));
        assertThrows(IllegalArgumentException.class, () -> template.encode(backdrop, 100, 171));
        assertThrows(IllegalArgumentException.class, () -> template.encode(backdrop, 100, 99));
    }

    @Test
    void aBandThatLeavesNoRowAboveOrBelowIsRefused() {
        BufferedImage backdrop = backdrop();
        assertThrows(
                IllegalArgumentException.class, () -> new PngEncoder.Template(backdrop, 0, 50));
        assertThrows(
                IllegalArgumentException.class, () -> new PngEncoder.Template(backdrop, 50, 210));
        assertThrows(
                IllegalArgumentException.class, () -> new PngEncoder.Template(backdrop, 50, 50));
        assertThrows(
                IllegalArgumentException.class,
                () ->
                        new PngEncoder.Template(backdrop, 60, 170)
                                .encode(new BufferedImage(10, 10, BufferedImage.TYPE_INT_RGB)));
    }

    @Test
    void refusesAnImageWithAnotherPixelLayout() {
        BufferedImage argb = new BufferedImage(2, 2, BufferedImage.TYPE_INT_ARGB);
        assertThrows(IllegalArgumentException.class, () -> PngEncoder.encode(argb));
    }
}
