package org.keizu.lineage;

import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.keizu.model.WeightsFingerprint;
import org.keizu.model.WeightsFingerprint.SampledTensor;

/**
 * Two weights fingerprints compared tensor by tensor: which sampled tensors are byte-identical, and
 * how closely the sampled values correlate (Pearson's r, centred; never a raw cosine, which is high
 * for any two normalisation vectors of values near one). What it finds is decided by {@link
 * WeightRule}.
 *
 * <p>A tensor is compared when both fingerprints sampled it under the same name and shape (an
 * embedding row: the same width, since a vocabulary extension adds rows). An embedding row is
 * counted only when the tokenizers are shown to hold the same token at its id. A tensor whose
 * sampled values are all equal in either model says nothing (a vector never trained keeps its
 * initial ones) and is listed as such, not counted.
 *
 * @param finding one of {@link #IDENTICAL}, {@link #CORRELATED}, {@link #INDEPENDENT}, {@link
 *     #INCONCLUSIVE}, {@link #TOO_FEW}: a term of the vocabulary {@code weight-findings}
 * @param pairs every tensor sampled in both, in the model's order
 * @param compared how many pairs were counted (not constant, and comparable)
 * @param identical how many of those are byte-identical
 * @param medianR the median correlation over the counted pairs; NaN when none
 */
public record WeightsComparison(
        String finding,
        List<Pair> pairs,
        int compared,
        int identical,
        double medianR,
        WeightsFingerprint model,
        WeightsFingerprint base) {
    public static final String IDENTICAL = "weights-identical";
    public static final String CORRELATED = "weights-correlated";
    public static final String INDEPENDENT = "weights-independent";
    public static final String INCONCLUSIVE = "weights-inconclusive";
    public static final String TOO_FEW = "weights-too-few";

    private static final Pattern ROW = Pattern.compile("\\[(\\d{1,9})]$");

    public WeightsComparison {
        pairs = List.copyOf(pairs);
    }

    /**
     * One tensor sampled in both models.
     *
     * @param counted whether it counts towards the finding
     * @param reason why not, when it does not: {@code constant} or {@code tokens-not-shared}
     * @param identical whether the bytes read are the same
     * @param r the correlation of the sampled values; NaN when either is constant
     */
    public record Pair(
            SampledTensor model,
            SampledTensor base,
            boolean counted,
            String reason,
            boolean identical,
            double r) {}

    /**
     * Compares the fingerprints; empty when they were taken under different sample definitions.
     *
     * @param sameTokenIds how many leading token ids hold the same tokens in both tokenizers (0
     *     when not known): embedding rows past it are not compared
     */
    public static Optional<WeightsComparison> of(
            WeightsFingerprint model, WeightsFingerprint base, int sameTokenIds, WeightRule rule) {
        if (!model.method().equals(base.method())) {
            return Optional.empty();
        }
        Map<String, SampledTensor> byName = new HashMap<>();
        base.tensors().forEach(t -> byName.putIfAbsent(t.name(), t));
        List<Pair> pairs = new ArrayList<>();
        for (SampledTensor a : model.tensors()) {
            SampledTensor b = byName.get(a.name());
            if (b == null || !a.role().equals(b.role()) || !sameShape(a, b)) {
                continue;
            }
            boolean identical =
                    a.dtype().equals(b.dtype())
                            && a.length() == b.length()
                            && a.whole() == b.whole()
                            && a.sha256().equals(b.sha256());
            float[] x = values(a);
            float[] y = values(b);
            double r = pearson(x, y);
            String reason = null;
            if (a.role().equals("embedding-row") && row(a.name()) >= sameTokenIds) {
                reason = "tokens-not-shared";
            } else if (Double.isNaN(r)) {
                reason = "constant";
            }
            pairs.add(new Pair(a, b, reason == null, reason, identical, r));
        }
        List<Pair> counted = pairs.stream().filter(Pair::counted).toList();
        int identical = (int) counted.stream().filter(Pair::identical).count();
        double[] rs = counted.stream().mapToDouble(Pair::r).sorted().toArray();
        double median =
                rs.length == 0
                        ? Double.NaN
                        : rs.length % 2 == 1
                                ? rs[rs.length / 2]
                                : (rs[rs.length / 2 - 1] + rs[rs.length / 2]) / 2;
        String finding;
        int n = counted.size();
        if (n < rule.fewestCompared()) {
            finding = TOO_FEW;
        } else if (identical >= rule.identicalAtLeast() && identical >= rule.identicalShare() * n) {
            finding = IDENTICAL;
        } else if (counted.stream().filter(p -> p.r() >= rule.correlatedR()).count()
                >= rule.correlatedShare() * n) {
            finding = CORRELATED;
        } else if (counted.stream().filter(p -> Math.abs(p.r()) < rule.independentR()).count()
                >= rule.independentShare() * n) {
            finding = INDEPENDENT;
        } else {
            finding = INCONCLUSIVE;
        }
        return Optional.of(
                new WeightsComparison(finding, pairs, n, identical, median, model, base));
    }

    /**
     * A correlation as the pages print it: two decimals and a dot whatever the page's language, a
     * true minus sign, and a dash when there is none.
     */
    public static String format(double r) {
        if (Double.isNaN(r)) {
            return "–";
        }
        String text = String.format(java.util.Locale.ROOT, "%.2f", r);
        return text.startsWith("-") ? "−" + text.substring(1) : text;
    }

    /**
     * Whether two sampled tensors can be paired: the same shape, or for embedding rows the same
     * width (a vocabulary extension adds rows, and the rows at shared ids stay comparable).
     */
    private static boolean sameShape(SampledTensor a, SampledTensor b) {
        if (a.role().equals("embedding-row")) {
            return a.shape().size() == 2
                    && b.shape().size() == 2
                    && a.shape().get(1).equals(b.shape().get(1));
        }
        return a.shape().equals(b.shape());
    }

    /** The token id of an embedding row's name ({@code model.embed_tokens.weight[1000]}). */
    static int row(String name) {
        Matcher m = ROW.matcher(name);
        return m.find() ? Integer.parseInt(m.group(1)) : Integer.MAX_VALUE;
    }

    /** The sampled values, decoded from their little-endian BF16, F16 or F32 bytes. */
    public static float[] values(SampledTensor tensor) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(tensor.values());
        } catch (IllegalArgumentException e) {
            return new float[0];
        }
        int width = tensor.dtype().equals("F32") ? 4 : 2;
        float[] values = new float[bytes.length / width];
        for (int i = 0; i < values.length; i++) {
            int o = i * width;
            int lo = bytes[o] & 0xFF;
            int hi = bytes[o + 1] & 0xFF;
            values[i] =
                    switch (tensor.dtype()) {
                        case "BF16" -> Float.intBitsToFloat(((hi << 8) | lo) << 16);
                        case "F16" -> halfToFloat((hi << 8) | lo);
                        default ->
                                Float.intBitsToFloat(
                                        lo
                                                | (hi << 8)
                                                | ((bytes[o + 2] & 0xFF) << 16)
                                                | ((bytes[o + 3] & 0xFF) << 24));
                    };
        }
        return values;
    }

    /** IEEE 754 half precision to float (Java 17 has no Float.float16ToFloat). */
    static float halfToFloat(int half) {
        int sign = (half >>> 15) & 1;
        int exponent = (half >>> 10) & 0x1F;
        int mantissa = half & 0x3FF;
        float magnitude;
        if (exponent == 0) {
            magnitude = mantissa * 0x1p-24f; // subnormal
        } else if (exponent == 31) {
            magnitude = mantissa == 0 ? Float.POSITIVE_INFINITY : Float.NaN;
        } else {
            magnitude = (1 + mantissa / 1024f) * (float) Math.pow(2, exponent - 15);
        }
        return sign == 1 ? -magnitude : magnitude;
    }

    /**
     * Pearson's correlation over the values both have; NaN when either is constant, too short, or
     * not finite.
     */
    static double pearson(float[] x, float[] y) {
        int n = Math.min(x.length, y.length);
        if (n < 2) {
            return Double.NaN;
        }
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            mx += x[i];
            my += y[i];
        }
        mx /= n;
        my /= n;
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            double dx = x[i] - mx;
            double dy = y[i] - my;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }
        if (sxx == 0 || syy == 0 || !Double.isFinite(sxy + sxx + syy)) {
            return Double.NaN;
        }
        return Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
    }
}
