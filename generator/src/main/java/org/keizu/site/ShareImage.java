package org.keizu.site;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.keizu.render.MachineMetadata;

/**
 * The image a link to a page shows when it is shared (Open Graph, Twitter cards): 1200 × 630 PNG
 * drawn with Java2D at build time, stating the verdict (its colour and label), the model's name and
 * the base the evidence points to.
 *
 * <p>Deterministic within one machine: fixed size, colours, layout and rendering hints; the PNG
 * carries no metadata (no time, no text chunks). Text is drawn with Java's logical font
 * "SansSerif", which each machine maps to a font it has, so two machines with different fonts draw
 * different pixels; the same machine (and so the same CI image) always writes the same bytes.
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

    private ShareImage() {}

    /** A model's card: verdict, name, base. */
    public static byte[] model(MachineMetadata.ShareCard card, String siteName) {
        return draw(card.verdict(), card.verdictLabel(), card.name(), card.base(), siteName);
    }

    /** The registry's card, for every page that is not an evidence page. */
    public static byte[] site(String siteName, String tagline) {
        return draw(null, null, siteName, tagline, siteName);
    }

    private static byte[] draw(
            String verdict, String verdictLabel, String title, String line, String siteName) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(
                    RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(
                    RenderingHints.KEY_FRACTIONALMETRICS,
                    RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setColor(PAPER);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            Color fill = verdict == null ? SEAL : FILLS.getOrDefault(verdict, NONE);
            g.setColor(fill);
            g.fillRect(0, 0, 24, HEIGHT);
            int y = MARGIN + 20;
            if (verdictLabel != null) {
                Font label = new Font(Font.SANS_SERIF, Font.BOLD, 40);
                g.setFont(label);
                FontMetrics m = g.getFontMetrics();
                String text = fit(g, verdictLabel, label, WIDTH - 2 * MARGIN - 48);
                int w = m.stringWidth(text) + 48;
                g.setColor(fill);
                g.fillRoundRect(MARGIN, y, w, m.getHeight() + 24, 16, 16);
                g.setColor(INK);
                g.setStroke(new BasicStroke(2f));
                g.drawRoundRect(MARGIN, y, w, m.getHeight() + 24, 16, 16);
                g.setColor(Color.BLACK);
                g.drawString(text, MARGIN + 24, y + 12 + m.getAscent());
                y += m.getHeight() + 24 + 60;
            } else {
                y += 60;
            }
            Font name = new Font(Font.SANS_SERIF, Font.BOLD, 80);
            String shown = fit(g, title, name, WIDTH - 2 * MARGIN);
            g.setFont(shrink(g, shown, name, WIDTH - 2 * MARGIN));
            g.setColor(INK);
            y += g.getFontMetrics().getAscent();
            g.drawString(shown, MARGIN, y);
            y += g.getFontMetrics().getDescent() + 40;
            if (line != null) {
                Font small = new Font(Font.SANS_SERIF, Font.PLAIN, 40);
                g.setFont(small);
                g.setColor(MUTED);
                y += g.getFontMetrics().getAscent();
                g.drawString(fit(g, line, small, WIDTH - 2 * MARGIN), MARGIN, y);
            }
            Font brand = new Font(Font.SANS_SERIF, Font.BOLD, 36);
            g.setFont(brand);
            g.setColor(SEAL);
            g.fillRect(MARGIN, HEIGHT - MARGIN - 40, 40, 40);
            g.setColor(INK);
            g.drawString(
                    siteName,
                    MARGIN + 60,
                    HEIGHT - MARGIN - 40 + g.getFontMetrics().getAscent() - 4);
        } finally {
            g.dispose();
        }
        return png(image);
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

    /**
     * The image as PNG with no metadata: the writer is given none, so it writes no time or text.
     */
    static byte[] png(BufferedImage image) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), writer.getDefaultWriteParam());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a share image", e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
