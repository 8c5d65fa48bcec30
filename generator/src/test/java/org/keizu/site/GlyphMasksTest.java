package org.keizu.site;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GlyphMasksTest {
    private static final int WIDTH = 1200;
    private static final int HEIGHT = 160;
    private static final Color PAPER = new Color(0xfb, 0xfa, 0xf7);
    private static final Color INK = new Color(0x1c, 0x1f, 0x24);

    private static Font font(String file, float size) throws Exception {
        try (InputStream in = ShareImage.class.getResourceAsStream("fonts/" + file)) {
            return Font.createFont(Font.TRUETYPE_FONT, in).deriveFont(size);
        }
    }

    private static BufferedImage paper() {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(PAPER);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        g.dispose();
        return image;
    }

    private static int[] pixels(BufferedImage image) {
        return ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
    }

    /** The text as Java2D fills its outline whole: what the masks stand in for. */
    private static int[] filledWhole(Font font, String text, float x, int baseline) {
        BufferedImage image = paper();
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setColor(INK);
        g.fill(
                font.createGlyphVector(new FontRenderContext(null, true, true), text)
                        .getOutline(x, baseline));
        g.dispose();
        return pixels(image);
    }

    private static int[] fromMasks(Font font, String text, float x, int baseline) {
        BufferedImage image = paper();
        List<GlyphMasks.Placed> glyphs = GlyphMasks.of(font).layout(text, x, baseline);
        GlyphMasks.draw(glyphs, INK, pixels(image), WIDTH, new Rectangle(0, 0, WIDTH, HEIGHT));
        return pixels(image);
    }

    /**
     * Text drawn from the masks is the text filled whole, but for edge pixels shaded by at most
     * about an eighth of full differently (the start rounded to an eighth of a pixel, and two
     * glyphs' edges in one pixel): no pixel differs by more than a third of full, all differ by
     * less than 1 in 255 on average, and as many pixels (within 2 %) are full ink.
     */
    @ParameterizedTest
    @CsvSource({
        "DejaVuSans-Bold.ttf, 80, 72, ABEJA Qwen2.5 32B Japanese",
        "DejaVuSans-Bold.ttf, 44, 72.3, Wide WWWWWWWWWWWWWWWWWWWW ffi Tj",
        "DejaVuSans.ttf, 40, 72, Evidence points to: DeepSeek-V3 — Ünïcödé Ω Ж",
        "DejaVuSans.ttf, 40, 101.61, 'llllllllll iiiiiiii ....'"
    })
    void masksDrawWhatTheOutlineFills(String file, float size, float x, String text)
            throws Exception {
        Font font = font(file, size);
        int baseline = 110;
        int[] whole = filledWhole(font, text, x, baseline);
        int[] masked = fromMasks(font, text, x, baseline);
        long total = 0;
        int most = 0;
        int inkedWhole = 0;
        int inkedMasked = 0;
        int ink = INK.getRGB() & 0xffffff;
        for (int i = 0; i < whole.length; i++) {
            for (int shift = 0; shift <= 16; shift += 8) {
                int difference = Math.abs((whole[i] >> shift & 0xff) - (masked[i] >> shift & 0xff));
                total += difference;
                most = Math.max(most, difference);
            }
            inkedWhole += (whole[i] & 0xffffff) == ink ? 1 : 0;
            inkedMasked += (masked[i] & 0xffffff) == ink ? 1 : 0;
        }
        assertTrue(inkedWhole > 100, "the text covers whole pixels: " + inkedWhole);
        assertTrue(
                Math.abs(inkedWhole - inkedMasked) <= inkedWhole / 50,
                "pixels of full ink: " + inkedWhole + " filled whole, " + inkedMasked + " masked");
        assertTrue(most <= 85, "the most a channel differs: " + most);
        double mean = total / (3.0 * whole.length);
        assertTrue(mean < 1.0, "the mean difference per channel: " + mean);
    }

    /**
     * A mask is made once per glyph and eighth: the same text drawn twice gives the same pixels.
     */
    @ParameterizedTest
    @CsvSource({"72", "72.125", "500.9999"})
    void theSameTextGivesTheSamePixels(float x) throws Exception {
        Font font = font("DejaVuSans-Bold.ttf", 60);
        assertTrue(
                Arrays.equals(
                        fromMasks(font, "Sovereign Ω", x, 100),
                        fromMasks(font, "Sovereign Ω", x, 100)));
    }
}
