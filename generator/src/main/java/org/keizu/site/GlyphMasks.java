package org.keizu.site;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.Shape;
import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The glyphs of one font at one size, each filled once by Java2D's rasteriser (anti-aliased, from
 * its outline) for every eighth of a pixel it can start at across, and from then on copied onto the
 * image wherever it is drawn. A share card's title and line are a few dozen glyphs, and filling
 * their outlines card after card was a fifth of a 10,000-record build's CPU samples; the masks of a
 * font's glyphs are made once for the whole build (a card alone, on one thread: 1.26 ms before,
 * 0.76 ms after: ShareCardBenchmark).
 *
 * <p>What a text drawn from masks looks like differs from its outline filled whole only where a
 * glyph's start is rounded to the nearest eighth of a pixel (its edge pixels' shade moves by at
 * most an eighth of full) and where two glyphs' anti-aliased edges share a pixel (each shades it in
 * turn). A mask depends only on its font, glyph and eighth, so what is drawn does not depend on
 * which thread made the mask, or when.
 */
final class GlyphMasks {
    /** Horizontal positions per pixel a glyph is filled at. */
    private static final int PHASES = 8;

    /** Anti-aliased, fractional advances: the share card's rendering hints. */
    private static final FontRenderContext CONTEXT = new FontRenderContext(null, true, true);

    private static final Map<Font, GlyphMasks> FONTS = new ConcurrentHashMap<>();

    private final Font font;

    /** By glyph code times {@link #PHASES} plus the phase. */
    private final Map<Integer, Mask> masks = new ConcurrentHashMap<>();

    private GlyphMasks(Font font) {
        this.font = font;
    }

    /** The masks of {@code font} (a face at a size), shared by every caller. */
    static GlyphMasks of(Font font) {
        return FONTS.computeIfAbsent(font, GlyphMasks::new);
    }

    /**
     * A glyph's coverage, one byte per pixel from 0 (untouched) to 255 (covered), row by row, and
     * where its first pixel lies from the pixel its pen position falls in. {@code spans} holds, for
     * each row, its first covered pixel and the one after its last (0 and 0 for none): a glyph's
     * box is mostly empty, and drawing reads only the spans.
     */
    record Mask(int dx, int dy, int width, int height, byte[] coverage, int[] spans) {}

    /** A mask placed with its first pixel at ({@code x}, {@code y}). */
    record Placed(Mask mask, int x, int y) {
        Rectangle bounds() {
            return new Rectangle(x, y, mask.width(), mask.height());
        }
    }

    /**
     * {@code text} laid out as {@link Font#createGlyphVector} lays it out (no kerning, no
     * ligatures), its baseline starting at ({@code x}, {@code baseline}).
     */
    List<Placed> layout(String text, float x, int baseline) {
        GlyphVector glyphs = font.createGlyphVector(CONTEXT, text);
        List<Placed> placed = new ArrayList<>(glyphs.getNumGlyphs());
        for (int i = 0; i < glyphs.getNumGlyphs(); i++) {
            Point2D at = glyphs.getGlyphPosition(i);
            double penX = x + at.getX();
            int pixel = (int) Math.floor(penX);
            int phase = (int) Math.round((penX - pixel) * PHASES);
            if (phase == PHASES) {
                pixel++;
                phase = 0;
            }
            Mask mask = mask(glyphs.getGlyphCode(i), phase);
            if (mask.width() > 0) {
                int penY = baseline + (int) Math.round(at.getY());
                placed.add(new Placed(mask, pixel + mask.dx(), penY + mask.dy()));
            }
        }
        return placed;
    }

    /**
     * Draws the placed glyphs in {@code colour} over an RGB image's pixels ({@code width} to a
     * row), only within {@code clip}: each pixel becomes the colour in the measure the glyph covers
     * it, and keeps its own in the rest.
     */
    static void draw(List<Placed> glyphs, Color colour, int[] pixels, int width, Rectangle clip) {
        int rgb = colour.getRGB() & 0xffffff;
        // Shades of the colour over the pixel last drawn over, by coverage: nearly every pixel a
        // glyph shades lies on the paper, so the shades are worked out once, not per pixel.
        int[] shades = new int[256];
        int shadesOver = -1;
        for (Placed glyph : glyphs) {
            Mask mask = glyph.mask();
            int top = Math.max(glyph.y(), clip.y);
            int bottom = Math.min(glyph.y() + mask.height(), clip.y + clip.height);
            for (int y = top; y < bottom; y++) {
                int row = y - glyph.y();
                int first = Math.max(glyph.x() + mask.spans()[2 * row], clip.x);
                int end = Math.min(glyph.x() + mask.spans()[2 * row + 1], clip.x + clip.width);
                int from = row * mask.width() - glyph.x();
                for (int x = first; x < end; x++) {
                    int cover = mask.coverage()[from + x] & 0xff;
                    int at = y * width + x;
                    int under = pixels[at] & 0xffffff;
                    if (cover == 255) {
                        pixels[at] = rgb;
                    } else if (cover != 0) {
                        if (under != shadesOver) {
                            shadesOver = under;
                            for (int c = 0; c < shades.length; c++) {
                                shades[c] = blend(rgb, under, c);
                            }
                        }
                        pixels[at] = shades[cover];
                    }
                }
            }
        }
    }

    /** {@code over} in the measure {@code cover} (0 to 255), {@code under} in the rest, rounded. */
    private static int blend(int over, int under, int cover) {
        return blend8(over >> 16 & 0xff, under >> 16 & 0xff, cover) << 16
                | blend8(over >> 8 & 0xff, under >> 8 & 0xff, cover) << 8
                | blend8(over & 0xff, under & 0xff, cover);
    }

    private static int blend8(int over, int under, int cover) {
        return (over * cover + under * (255 - cover) + 127) / 255;
    }

    private Mask mask(int glyph, int phase) {
        return masks.computeIfAbsent(glyph * PHASES + phase, key -> fill(glyph, phase));
    }

    /** The glyph's outline, started {@code phase} eighths of a pixel across, filled alone. */
    private Mask fill(int glyph, int phase) {
        GlyphVector one = font.createGlyphVector(CONTEXT, new int[] {glyph});
        Shape outline = one.getGlyphOutline(0, phase / (float) PHASES, 0);
        Rectangle2D bounds = outline.getBounds2D();
        if (bounds.isEmpty()) {
            return new Mask(0, 0, 0, 0, new byte[0], new int[0]);
        }
        // A pixel of room on each side: anti-aliasing shades no pixel beyond the outline's bounds
        // rounded out.
        int left = (int) Math.floor(bounds.getMinX()) - 1;
        int top = (int) Math.floor(bounds.getMinY()) - 1;
        int width = (int) Math.ceil(bounds.getMaxX()) + 1 - left;
        int height = (int) Math.ceil(bounds.getMaxY()) + 1 - top;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = ShareImage.graphics(image);
        try {
            g.setColor(Color.WHITE);
            g.translate(-left, -top);
            g.fill(outline);
        } finally {
            g.dispose();
        }
        // White filled over black: each pixel's blue is the outline's coverage of it.
        int[] rgb = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        byte[] coverage = new byte[rgb.length];
        int[] spans = new int[2 * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                coverage[y * width + x] = (byte) rgb[y * width + x];
                if (coverage[y * width + x] != 0) {
                    if (spans[2 * y + 1] == 0) {
                        spans[2 * y] = x;
                    }
                    spans[2 * y + 1] = x + 1;
                }
            }
        }
        return new Mask(left, top, width, height, coverage, spans);
    }
}
