package org.keizu.site;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Writes an RGB image as PNG, straight from its pixel array: signature, IHDR, one IDAT, IEND, and
 * nothing else (no time, no text, no gamma), so the same pixels always give the same bytes.
 *
 * <p>Why not ImageIO: its PNG writer copies the image row by row through generic rasters and tries
 * every filter on every row; for a share card (large flat areas and some anti-aliased text) that
 * was most of a build's time. Here every row uses the Sub filter (each byte minus the one three
 * bytes before it), which turns flat runs into zeros that deflate at its fastest setting packs
 * almost for free.
 */
final class PngEncoder {
    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final int FILTER_SUB = 1;

    private PngEncoder() {}

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
        byte[] raw = new byte[stride * height];
        for (int y = 0; y < height; y++) {
            int row = y * stride;
            raw[row] = FILTER_SUB;
            int previous = 0;
            for (int x = 0; x < width; x++) {
                int rgb = pixels[y * width + x];
                int at = row + 1 + 3 * x;
                raw[at] = (byte) ((rgb >> 16) - (previous >> 16));
                raw[at + 1] = (byte) ((rgb >> 8) - (previous >> 8));
                raw[at + 2] = (byte) (rgb - previous);
                previous = rgb;
            }
        }
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        ByteArrayOutputStream compressed = new ByteArrayOutputStream(raw.length / 16);
        try {
            deflater.setInput(raw);
            deflater.finish();
            byte[] buffer = new byte[64 * 1024];
            while (!deflater.finished()) {
                compressed.write(buffer, 0, deflater.deflate(buffer));
            }
        } finally {
            deflater.end();
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream(compressed.size() + 64);
        png.writeBytes(SIGNATURE);
        ByteBuffer header = ByteBuffer.allocate(13);
        header.putInt(width).putInt(height);
        header.put((byte) 8); // bits per sample
        header.put((byte) 2); // colour type: truecolour (RGB)
        header.put((byte) 0); // deflate
        header.put((byte) 0); // adaptive filtering, one filter byte per row
        header.put((byte) 0); // not interlaced
        chunk(png, "IHDR", header.array());
        chunk(png, "IDAT", compressed.toByteArray());
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
