package org.keizu.site;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.keizu.render.MachineMetadata;

/**
 * The image a link to a page shows when it is shared (Open Graph, Twitter cards): 1200 × 630 PNG
 * drawn with Java2D at build time, stating the verdict (its colour and label), the model's name and
 * the base the evidence points to.
 *
 * <p>Deterministic: fixed size, colours, layout and rendering hints; the PNG carries no metadata
 * (no time, no text chunks). Text is set in DejaVu Sans, shipped inside the generator (never a font
 * the machine happens to have), and drawn as glyph outlines filled by Java2D's own rasteriser
 * rather than by the platform's text renderer, so the image does not depend on the fonts or font
 * settings of the machine that builds it. DejaVu Sans covers Latin, Greek and Cyrillic; record
 * names are written in Latin letters (a native name is a separate field, not drawn). A card's title
 * and line are drawn from its glyphs' fills made once for the build ({@link GlyphMasks}).
 */
public final class ShareImage {
    public static final int WIDTH = 1200;
    public static final int HEIGHT = 630;

    private static final Color PAPER = new Color(0xfb, 0xfa, 0xf7);
    private static final Color INK = new Color(0x1c, 0x1f, 0x24);
    private static final Color MUTED = new Color(0x55, 0x5c, 0x66);
    private static final Color SEAL = new Color(0xb8, 0x3a, 0x1c);
    private static final Color NONE = new Color(0xd0, 0xd0, 0xd0);

    /** The verdict fills of the site's style (Okabe-Ito), under black text. */
    private static final Map<String, Color> FILLS =
            Map.of(
                    "consistent", new Color(0x56, 0xb4, 0xe9),
                    "cleared", new Color(0x56, 0xb4, 0xe9),
                    "no-base-found", new Color(0x56, 0xb4, 0xe9),
                    "undisclosed-derivation", new Color(0xd5, 0x5e, 0x00),
                    "claim-refuted", new Color(0xd5, 0x5e, 0x00),
                    "disclosed-after-the-fact", new Color(0xe6, 0x9f, 0x00),
                    "contested", new Color(0xe6, 0x9f, 0x00),
                    "component-reuse", new Color(0xe6, 0x9f, 0x00));

    private static final int MARGIN = 72;

    /**
     * Each thread's canvas, a backdrop copied in and drawn over for every card: a new 3 MB image
     * per model made the garbage collector, and Java2D's disposal of each image's drawing surface,
     * fall behind the renderers.
     */
    private static final ThreadLocal<Canvas> CANVAS = ThreadLocal.withInitial(Canvas::new);

    /**
     * A thread's canvas, and what it holds: the backdrop last copied into it, and the rectangle
     * drawn over since. The next card of that backdrop puts back only that rectangle (a card draws
     * over a sixth of its band; copying the whole band for each card was a tenth of the time its
     * image took).
     */
    private static final class Canvas {
        final BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        final int[] pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        Backdrop holds;
        Rectangle drawn;

        /**
         * Makes the band, and the row on each side of it, the backdrop's pixels, and notes that
         * {@code drawing} is about to be drawn over.
         */
        void prepare(Backdrop backdrop, Rectangle drawing) {
            if (holds != backdrop) {
                int first = (backdrop.bandFrom() - 1) * WIDTH;
                int end = (backdrop.bandTo() + 1) * WIDTH;
                System.arraycopy(backdrop.pixels(), first, pixels, first, end - first);
            } else {
                for (int y = drawn.y; y < drawn.y + drawn.height; y++) {
                    int at = y * WIDTH + drawn.x;
                    System.arraycopy(backdrop.pixels(), at, pixels, at, drawn.width);
                }
            }
            holds = backdrop;
            drawn = drawing;
        }
    }

    /** DejaVu Sans, regular and bold (licence beside them), at size 1: derived per use. */
    private static final Font REGULAR = bundled("DejaVuSans.ttf");

    private static final Font BOLD = bundled("DejaVuSans-Bold.ttf");

    private static Font bundled(String file) {
        try (InputStream in = ShareImage.class.getResourceAsStream("fonts/" + file)) {
            if (in == null) {
                throw new IllegalStateException("the generator lacks its font " + file);
            }
            return Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (IOException | FontFormatException e) {
            throw new IllegalStateException("cannot read the bundled font " + file, e);
        }
    }

    /**
     * {@code text} with its baseline at ({@code x}, {@code y}) as glyph outlines, to be filled: the
     * same on every machine, unlike {@code drawString}, which hands glyphs to the platform.
     */
    private static Shape outline(Graphics2D g, String text, float x, float y) {
        return g.getFont().createGlyphVector(g.getFontRenderContext(), text).getOutline(x, y);
    }

    /** Draws {@code text} as {@link #outline} lays it out. */
    private static void text(Graphics2D g, String text, float x, float y) {
        g.fill(outline(g, text, x, y));
    }

    private ShareImage() {}

    /** A model's card: verdict, name, base. */
    public static byte[] model(MachineMetadata.ShareCard card, String siteName) {
        return draw(card.verdict(), card.verdictLabel(), card.name(), card.base(), siteName);
    }

    /** The registry's card, for every page that is not an evidence page. */
    public static byte[] site(String siteName, String tagline) {
        return draw(null, null, siteName, tagline, siteName);
    }

    /**
     * What every card of one verdict shares, drawn once: the paper, the verdict's stripe and its
     * labelled box, and the registry's name at the foot. {@code top} is where the title's line
     * starts below the box. A card copies these pixels and draws only its title and line, which lie
     * between the box and the foot and overlap neither, so its pixels are those it would have had
     * drawn whole (over the paper, each shape's pixels depend only on the paper and the shape). A
     * card draws only within its band of rows ({@link #bandFrom} to {@link #bandTo}), and {@code
     * png} has the rows above and below it deflated once.
     */
    private record Backdrop(int[] pixels, int top, PngEncoder.Template png) {
        int bandFrom() {
            return firstBandRow(top);
        }

        int bandTo() {
            return BAND_TO;
        }
    }

    /**
     * Rows of room kept above a card's title and above the foot: the band a card draws in runs from
     * this far above the title's line to this far above the foot, and nothing is drawn outside it
     * (a glyph's accent rises above the font's ascent by less).
     */
    private static final int BAND_MARGIN = 16;

    /** The first row of the foot (the seal and the registry's name). */
    private static final int FOOT = HEIGHT - MARGIN - 40;

    /** The row after a card's band, for every card. */
    private static final int BAND_TO = FOOT - BAND_MARGIN;

    /** The first row of a card's band, whose title's line starts at row {@code top}. */
    private static int firstBandRow(int top) {
        return top - BAND_MARGIN;
    }

    private record BackdropKey(String verdict, String verdictLabel, String siteName) {}

    /** The backdrops drawn so far, one per verdict, label and site name (a few at most). */
    private static final Map<BackdropKey, Backdrop> BACKDROPS =
            new java.util.concurrent.ConcurrentHashMap<>();

    private static byte[] draw(
            String verdict, String verdictLabel, String title, String line, String siteName) {
        Backdrop backdrop =
                BACKDROPS.computeIfAbsent(
                        new BackdropKey(verdict, verdictLabel, siteName), ShareImage::backdrop);
        Canvas canvas = CANVAS.get();
        Graphics2D g = graphics(canvas.image);
        try {
            // The text is laid out first, so that the card knows which pixels it draws on before
            // it draws.
            int y = backdrop.top();
            Font name = BOLD.deriveFont(80f);
            String shown = fit(g, title, name, WIDTH - 2 * MARGIN);
            g.setFont(shrink(g, shown, name, WIDTH - 2 * MARGIN));
            y += g.getFontMetrics().getAscent();
            List<GlyphMasks.Placed> titleGlyphs =
                    GlyphMasks.of(g.getFont()).layout(shown, MARGIN, y);
            y += g.getFontMetrics().getDescent() + 40;
            List<GlyphMasks.Placed> lineGlyphs = List.of();
            if (line != null) {
                Font small = REGULAR.deriveFont(40f);
                g.setFont(small);
                y += g.getFontMetrics().getAscent();
                lineGlyphs =
                        GlyphMasks.of(small)
                                .layout(fit(g, line, small, WIDTH - 2 * MARGIN), MARGIN, y);
            }
            Rectangle drawn = drawnOver(backdrop, titleGlyphs, lineGlyphs);
            canvas.prepare(backdrop, drawn);
            GlyphMasks.draw(titleGlyphs, INK, canvas.pixels, WIDTH, drawn);
            GlyphMasks.draw(lineGlyphs, MUTED, canvas.pixels, WIDTH, drawn);
            return backdrop.png().encode(canvas.image, drawn.y, drawn.y + drawn.height);
        } finally {
            g.dispose();
        }
    }

    /**
     * The pixels a card's glyphs cover, within its band (each glyph's mask already has a pixel of
     * room on each side). A card draws within these; none if it draws nothing.
     */
    @SafeVarargs
    private static Rectangle drawnOver(Backdrop backdrop, List<GlyphMasks.Placed>... texts) {
        Rectangle drawn = null;
        for (List<GlyphMasks.Placed> text : texts) {
            for (GlyphMasks.Placed glyph : text) {
                drawn = drawn == null ? glyph.bounds() : drawn.union(glyph.bounds());
            }
        }
        Rectangle band =
                new Rectangle(
                        0, backdrop.bandFrom(), WIDTH, backdrop.bandTo() - backdrop.bandFrom());
        if (drawn != null) {
            drawn = drawn.intersection(band);
        }
        return drawn == null || drawn.isEmpty() ? new Rectangle(0, band.y, 0, 0) : drawn;
    }

    /** A card's shared pixels ({@link Backdrop}), on a canvas of their own. */
    private static Backdrop backdrop(BackdropKey key) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = graphics(image);
        int y = MARGIN + 20;
        try {
            g.setColor(PAPER);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            Color fill = key.verdict() == null ? SEAL : FILLS.getOrDefault(key.verdict(), NONE);
            g.setColor(fill);
            g.fillRect(0, 0, 24, HEIGHT);
            if (key.verdictLabel() != null) {
                Font label = BOLD.deriveFont(40f);
                g.setFont(label);
                FontMetrics m = g.getFontMetrics();
                String text = fit(g, key.verdictLabel(), label, WIDTH - 2 * MARGIN - 48);
                int w = m.stringWidth(text) + 48;
                g.setColor(fill);
                g.fillRoundRect(MARGIN, y, w, m.getHeight() + 24, 16, 16);
                g.setColor(INK);
                g.setStroke(new BasicStroke(2f));
                g.drawRoundRect(MARGIN, y, w, m.getHeight() + 24, 16, 16);
                g.setColor(Color.BLACK);
                text(g, text, MARGIN + 24, y + 12 + m.getAscent());
                y += m.getHeight() + 24 + 60;
            } else {
                y += 60;
            }
            Font brand = BOLD.deriveFont(36f);
            g.setFont(brand);
            g.setColor(SEAL);
            g.fillRect(MARGIN, FOOT, 40, 40);
            g.setColor(INK);
            text(g, key.siteName(), MARGIN + 60, FOOT + g.getFontMetrics().getAscent() - 4);
        } finally {
            g.dispose();
        }
        return new Backdrop(
                ((DataBufferInt) image.getRaster().getDataBuffer()).getData(),
                y,
                new PngEncoder.Template(image, firstBandRow(y), BAND_TO));
    }

    /** A drawing context with the card's fixed rendering hints (its glyphs' masks use them too). */
    static Graphics2D graphics(BufferedImage image) {
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(
                RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(
                RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        return g;
    }

    /** A smaller size of {@code font} when the text is too wide, down to half the size. */
    private static Font shrink(Graphics2D g, String text, Font font, int width) {
        Font f = font;
        while (g.getFontMetrics(f).stringWidth(text) > width && f.getSize() > font.getSize() / 2) {
            f = f.deriveFont((float) (f.getSize() - 4));
        }
        return f;
    }

    /** The text, cut with an ellipsis if it is wider than {@code width} even at half size. */
    private static String fit(Graphics2D g, String text, Font font, int width) {
        Font smallest = font.deriveFont((float) (font.getSize() / 2));
        FontMetrics m = g.getFontMetrics(smallest);
        if (m.stringWidth(text) <= width) {
            return text;
        }
        int end = text.length();
        while (end > 1 && m.stringWidth(text.substring(0, end) + "…") > width) {
            end = text.offsetByCodePoints(end, -1);
        }
        return text.substring(0, end) + "…";
    }
}
