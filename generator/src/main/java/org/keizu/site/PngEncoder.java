package org.keizu.site;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;

/**
 * Writes an RGB image as PNG, straight from its pixel array: signature, IHDR, one IDAT, IEND, and
 * nothing else (no time, no text, no gamma), so the same pixels always give the same bytes.
 *
 * <p>Why not ImageIO: its PNG writer copies the image row by row through generic rasters and tries
 * every filter on every row; for a share card (large flat areas and some anti-aliased text) that
 * was most of a build's time. Here a row equal to the one above uses the Up filter and every other
 * row the Sub filter (each byte minus the one three bytes before it): both turn flat areas into
 * zeros, which cost nothing to write (a new array holds them already) and which a run-length
 * deflate ({@link RunLengthDeflate}) packs in one pass.
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

    /** The thread's scratch array of {@code size} bytes, all zeros. */
    private static byte[] scratch(int size) {
        byte[] raw = SCRATCH.get();
        if (raw.length != size) {
            raw = new byte[size];
            SCRATCH.set(raw);
        } else {
            Arrays.fill(raw, (byte) 0);
        }
        return raw;
    }

    /** {@code image} must be {@link BufferedImage#TYPE_INT_RGB}. */
    static byte[] encode(BufferedImage image) {
        if (image.getType() != BufferedImage.TYPE_INT_RGB) {
            throw new IllegalArgumentException(
                    "expected an RGB image, got type " + image.getType());
        }
        int width = image.getWidth();
        int height = image.getHeight();
        int[] pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        int stride = 1 + 3 * width;
        byte[] raw = scratch(stride * height); // all zeros: what a flat run filters to
        for (int y = 0; y < height; y++) {
            int row = y * stride;
            int from = y * width;
            if (y > 0 && Arrays.equals(pixels, from - width, from, pixels, from, from + width)) {
                // The Up filter of a row equal to the one above is all zeros, already there.
                raw[row] = FILTER_UP;
                continue;
            }
            raw[row] = FILTER_SUB;
            int previous = 0;
            for (int x = 0; x < width; x++) {
                int rgb = pixels[from + x];
                if (rgb != previous) {
                    int at = row + 1 + 3 * x;
                    raw[at] = (byte) ((rgb >> 16) - (previous >> 16));
                    raw[at + 1] = (byte) ((rgb >> 8) - (previous >> 8));
                    raw[at + 2] = (byte) (rgb - previous);
                    previous = rgb;
                }
            }
        }
        byte[] compressed =
                RunLengthDeflate.compress(
                        raw, stride <= RunLengthDeflate.MAX_DISTANCE ? stride : 0);
        ByteArrayOutputStream png = new ByteArrayOutputStream(compressed.length + 64);
        png.writeBytes(SIGNATURE);
        ByteBuffer header = ByteBuffer.allocate(13);
        header.putInt(width).putInt(height);
        header.put((byte) 8); // bits per sample
        header.put((byte) 2); // colour type: truecolour (RGB)
        header.put((byte) 0); // deflate
        header.put((byte) 0); // adaptive filtering, one filter byte per row
        header.put((byte) 0); // not interlaced
        chunk(png, "IHDR", header.array());
        chunk(png, "IDAT", compressed);
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
