package org.keizu.lineage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.keizu.model.WeightsFingerprint;
import org.keizu.model.WeightsFingerprint.SampledTensor;

/** The arithmetic and the rules of a weights comparison, on fingerprints made in the test. */
class WeightsComparisonTest {
    private static final WeightRule RULE = new WeightRule(0.25, 4, 0.9, 0.75, 0.3, 0.75, 8);

    private static String f32(float... values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            b.putFloat(v);
        }
        return Base64.getEncoder().encodeToString(b.array());
    }

    private static SampledTensor tensor(String name, String role, float[] values, String sha) {
        return new SampledTensor(
                name,
                role,
                0,
                "F32",
                List.of((long) values.length),
                "m.safetensors",
                8,
                values.length * 4L,
                true,
                sha,
                f32(values));
    }

    /** An embedding row of a matrix of {@code rows} rows, as wide as its values. */
    private static SampledTensor row(String name, float[] values, long rows) {
        return new SampledTensor(
                name,
                "embedding-row",
                null,
                "F32",
                List.of(rows, (long) values.length),
                "m.safetensors",
                8,
                values.length * 4L,
                false,
                "row",
                f32(values));
    }

    private static WeightsFingerprint fingerprint(String method, List<SampledTensor> tensors) {
        return new WeightsFingerprint(
                "o/m",
                "a".repeat(40),
                "2026-12-01",
                method,
                0,
                List.of(new WeightsFingerprint.Shard("m.safetensors", 100, 10, "b".repeat(64), 1)),
                tensors);
    }

    private static float[] gaussian(Random r, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (1 + 0.1 * r.nextGaussian());
        }
        return v;
    }

    @Test
    void decodesBf16Fp16AndFp32AsStored() {
        // 1.5 in each format, little-endian: BF16 0x3FC0, F16 0x3E00, F32 0x3FC00000.
        SampledTensor bf16 =
                new SampledTensor(
                        "t",
                        "norm",
                        0,
                        "BF16",
                        List.of(1L),
                        "f",
                        8,
                        2,
                        true,
                        "",
                        Base64.getEncoder().encodeToString(new byte[] {(byte) 0xC0, 0x3F}));
        SampledTensor f16 =
                new SampledTensor(
                        "t",
                        "norm",
                        0,
                        "F16",
                        List.of(1L),
                        "f",
                        8,
                        2,
                        true,
                        "",
                        Base64.getEncoder().encodeToString(new byte[] {0x00, 0x3E}));
        assertEquals(1.5f, WeightsComparison.values(bf16)[0]);
        assertEquals(1.5f, WeightsComparison.values(f16)[0]);
        assertEquals(
                -2.25f, WeightsComparison.values(tensor("t", "norm", new float[] {-2.25f}, ""))[0]);
        assertEquals(65504f, WeightsComparison.halfToFloat(0x7BFF), "the largest half");
        assertEquals(0x1p-24f, WeightsComparison.halfToFloat(0x0001), "the smallest subnormal");
        assertEquals(-0.0f, WeightsComparison.halfToFloat(0x8000));
    }

    @Test
    void pearsonIsCentredSoAShiftOrScaleDoesNotChangeIt() {
        float[] x = {1, 2, 3, 4, 5};
        float[] y = {12, 14, 16, 18, 20};
        assertEquals(1.0, WeightsComparison.pearson(x, y), 1e-9);
        float[] z = {5, 4, 3, 2, 1};
        assertEquals(-1.0, WeightsComparison.pearson(x, z), 1e-9);
        assertTrue(Double.isNaN(WeightsComparison.pearson(x, new float[] {1, 1, 1, 1, 1})));
    }

    @Test
    void constantVectorsAndUnsharedTokenRowsAreListedButNotCounted() {
        Random r = new Random(3);
        List<SampledTensor> a = new ArrayList<>();
        List<SampledTensor> b = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            float[] v = gaussian(r, 64);
            a.add(tensor("n" + i, "norm", v, "h" + i));
            b.add(tensor("n" + i, "norm", v, "h" + i));
        }
        float[] ones = new float[64];
        java.util.Arrays.fill(ones, 1f);
        a.add(tensor("never-trained", "norm", ones, "ones"));
        b.add(tensor("never-trained", "norm", ones, "ones"));
        float[] row = gaussian(r, 64);
        a.add(row("emb[2000]", row, 3000));
        b.add(row("emb[2000]", row, 3512)); // a vocabulary extended by 512 tokens

        WeightsComparison w =
                WeightsComparison.of(fingerprint("m1", a), fingerprint("m1", b), 1024, RULE)
                        .orElseThrow();

        assertEquals(10, w.pairs().size());
        assertEquals(8, w.compared());
        assertEquals(WeightsComparison.IDENTICAL, w.finding());
        assertEquals("constant", w.pairs().get(8).reason());
        assertEquals("tokens-not-shared", w.pairs().get(9).reason(), "id 2000 is past 1024");
        assertFalse(w.pairs().get(9).counted());
        WeightsComparison shared =
                WeightsComparison.of(fingerprint("m1", a), fingerprint("m1", b), 3000, RULE)
                        .orElseThrow();
        assertEquals(9, shared.compared(), "the row counts once the tokens are shown shared");
    }

    @Test
    void fingerprintsOfDifferentSampleDefinitionsAreNeverCompared() {
        List<SampledTensor> t = List.of(tensor("n", "norm", new float[] {1, 2}, "h"));
        assertTrue(
                WeightsComparison.of(fingerprint("m1", t), fingerprint("m2", t), 0, RULE)
                        .isEmpty());
    }

    @Test
    void aTensorOfAnotherShapeIsNotPaired() {
        Random r = new Random(4);
        List<SampledTensor> a = new ArrayList<>();
        List<SampledTensor> b = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            a.add(tensor("n" + i, "norm", gaussian(r, 64), "x" + i));
            b.add(tensor("n" + i, "norm", gaussian(r, 32), "y" + i));
        }
        WeightsComparison w =
                WeightsComparison.of(fingerprint("m1", a), fingerprint("m1", b), 0, RULE)
                        .orElseThrow();
        assertEquals(0, w.pairs().size());
        assertEquals(WeightsComparison.TOO_FEW, w.finding());
    }
}
