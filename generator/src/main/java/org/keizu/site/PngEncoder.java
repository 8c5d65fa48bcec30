package org.keizu.site;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;

/**
 * Writes an RGB image as PNG, straight from its pixel array: signature, IHDR, one IDAT, IEND, and
 * nothing else (no time, no text, no gamma), so the same pixels always give the same bytes.
 *
 * <p>Why not ImageIO: its PNG writer copies the image row by row through generic rasters and tries
 * every filter on every row; for a share card (large flat areas and some anti-aliased text) that
 * was most of a build's time. Here a row equal to the one above uses the Up filter and every other
 * row the Sub filter (each byte minus the one three bytes before it): both turn flat areas into
 * zeros, which a run-length deflate ({@link RunLengthDeflate}) packs in one pass. Images that share
 * most of their rows with one backdrop (the share cards) deflate only the rows they change ({@link
 * Template}).
 */
final class PngEncoder {
    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final int FILTER_SUB = 1;
    private static final int FILTER_UP = 2;

    /**
     * Each thread's filtered rows, reused: a share card's are 2.3 MB, which the garbage collector
     * would otherwise take as one more huge allocation per model.
     */
    private static final ThreadLocal<byte[]> SCRATCH = ThreadLocal.withInitial(() -> new byte[0]);

    private PngEncoder() {}

    /** The thread's scratch array of at least {@code size} bytes, holding anything. */
    private static byte[] scratch(int size) {
        byte[] raw = SCRATCH.get();
        if (raw.length < size) {
            raw = new byte[size];
            SCRATCH.set(raw);
        }
        return raw;
    }

    /** {@code image} must be {@link BufferedImage#TYPE_INT_RGB}. */
    static byte[] encode(BufferedImage image) {
        int[] pixels = rgb(image);
        int width = image.getWidth();
        int height = image.getHeight();
        int stride = 1 + 3 * width;
        byte[] raw = scratch(stride * height);
        filter(pixels, width, 0, height, raw);
        return png(
                width,
                height,
                RunLengthDeflate.join(
                        List.of(
                                RunLengthDeflate.segment(
                                        raw, 0, stride * height, rowDistance(stride)))));
    }

    /**
     * A backdrop's rows deflated once, for images that differ from it only in a band of rows (the
     * share cards of one verdict differ only in their title and line): each image then filters and
     * deflates only the rows it draws on, and the stream is joined from the parts. What an image
     * holds outside those rows is never read: the backdrop's rows stand for it. The PNG is valid
     * and decodes to the image's pixels; its bytes differ from {@link #encode}'s, as a match never
     * crosses a part's edge.
     */
    static final class Template {
        private final int width;
        private final int height;
        private final int from;
        private final int to;
        private final RunLengthDeflate.Segment above;
        private final RunLengthDeflate.Segment below;

        /** The backdrop's rows {@code from} to {@code to} (inclusive), filtered. */
        private final byte[] band;

        /**
         * The band is rows {@code from} (at least 1) to {@code to} (exclusive, at most the height
         * less 1): the rows above and below it keep at least one row each.
         */
        Template(BufferedImage backdrop, int from, int to) {
            int[] pixels = rgb(backdrop);
            this.width = backdrop.getWidth();
            this.height = backdrop.getHeight();
            if (from < 1 || to <= from || to > height - 1) {
                throw new IllegalArgumentException(
                        "a band of rows " + from + " to " + to + " in " + height + " rows");
            }
            this.from = from;
            this.to = to;
            int stride = 1 + 3 * width;
            byte[] raw = new byte[stride * height];
            filter(pixels, width, 0, height, raw);
            // Row `to` is the backdrop's, but its filter depends on the band's last row: it goes
            // with the band.
            this.above = RunLengthDeflate.segment(raw, 0, stride * from, rowDistance(stride));
            this.below =
                    RunLengthDeflate.segment(
                            raw, stride * (to + 1), stride * height, rowDistance(stride));
            this.band = Arrays.copyOfRange(raw, stride * from, stride * (to + 1));
        }

        /**
         * The PNG of an image of the backdrop's size whose rows {@code from - 1} to {@code to} hold
         * the backdrop's with anything drawn within the band.
         */
        byte[] encode(BufferedImage image) {
            return encode(image, from, to);
        }

        /**
         * As {@link #encode(BufferedImage)}, for an image that holds the backdrop's pixels in every
         * row of the band but rows {@code drawnFrom} to {@code drawnTo} (exclusive): only those,
         * and the row after them (whose filter depends on theirs), are read, filtered and deflated;
         * the backdrop's filtered rows stand for the others. A card's title and line cover about
         * half its band.
         */
        byte[] encode(BufferedImage image, int drawnFrom, int drawnTo) {
            if (image.getWidth() != width || image.getHeight() != height) {
                throw new IllegalArgumentException(
                        "expected "
                                + width
                                + " × "
                                + height
                                + ", got "
                                + image.getWidth()
                                + " × "
                                + image.getHeight());
            }
            if (drawnFrom < from || drawnTo < drawnFrom || drawnTo > to) {
                throw new IllegalArgumentException(
                        "rows " + drawnFrom + " to " + drawnTo + " outside the band");
            }
            int stride = 1 + 3 * width;
            int distance = rowDistance(stride);
            int ownEnd = drawnTo + 1;
            int length = stride * (ownEnd - drawnFrom);
            byte[] raw = scratch(length);
            filter(rgb(image), width, drawnFrom, ownEnd, raw);
            List<RunLengthDeflate.Segment> parts = new ArrayList<>(5);
            parts.add(above);
            if (drawnFrom > from) {
                parts.add(RunLengthDeflate.segment(band, 0, stride * (drawnFrom - from), distance));
            }
            parts.add(RunLengthDeflate.segment(raw, 0, length, distance));
            if (ownEnd <= to) {
                parts.add(
                        RunLengthDeflate.segment(
                                band, stride * (ownEnd - from), band.length, distance));
            }
            parts.add(below);
            return png(width, height, RunLengthDeflate.join(parts));
        }
    }

    /** The pixels of an RGB image, as stored. */
    private static int[] rgb(BufferedImage image) {
        if (image.getType() != BufferedImage.TYPE_INT_RGB) {
            throw new IllegalArgumentException(
                    "expected an RGB image, got type " + image.getType());
        }
        return ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
    }

    /** The distance of the row above in the filtered bytes, if deflate can say it; else 0. */
    private static int rowDistance(int stride) {
        return stride <= RunLengthDeflate.MAX_DISTANCE ? stride : 0;
    }

    /**
     * Rows {@code yFrom} to {@code yTo} (exclusive) filtered into {@code raw} from its start, each
     * a filter byte then its pixels: Up (all zeros) when it equals the row above, else Sub.
     */
    private static void filter(int[] pixels, int width, int yFrom, int yTo, byte[] raw) {
        int stride = 1 + 3 * width;
        for (int y = yFrom; y < yTo; y++) {
            int row = (y - yFrom) * stride;
            int at = y * width;
            if (y > 0 && Arrays.equals(pixels, at - width, at, pixels, at, at + width)) {
                raw[row] = FILTER_UP;
                Arrays.fill(raw, row + 1, row + stride, (byte) 0);
                continue;
            }
            raw[row] = FILTER_SUB;
            int previous = 0;
            for (int x = 0; x < width; x++) {
                int rgb = pixels[at + x];
                int out = row + 1 + 3 * x;
                raw[out] = (byte) ((rgb >> 16) - (previous >> 16));
                raw[out + 1] = (byte) ((rgb >> 8) - (previous >> 8));
                raw[out + 2] = (byte) (rgb - previous);
                previous = rgb;
            }
        }
    }

    /** The PNG file of an image of this size whose filtered rows deflate to {@code idat}. */
    private static byte[] png(int width, int height, byte[] idat) {
        ByteArrayOutputStream png = new ByteArrayOutputStream(idat.length + 64);
        png.writeBytes(SIGNATURE);
        ByteBuffer header = ByteBuffer.allocate(13);
        header.putInt(width).putInt(height);
        header.put((byte) 8); // bits per sample
        header.put((byte) 2); // colour type: truecolour (RGB)
        header.put((byte) 0); // deflate
        header.put((byte) 0); // adaptive filtering, one filter byte per row
        header.put((byte) 0); // not interlaced
        chunk(png, "IHDR", header.array());
        chunk(png, "IDAT", idat);
        chunk(png, "IEND", new byte[0]);
        return png.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(name);
        out.writeBytes(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
