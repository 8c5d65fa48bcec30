package org.keizu.browser;

/**
 * How a colour looks to readers with the three common kinds of colour blindness, and how far apart
 * two colours are: the simulation of Machado, Oliveira and Fernandes (2009) at full severity, on
 * linear sRGB, and the CIE 1976 colour difference in CIELAB (D65). A difference above about 10 is
 * plain to see side by side.
 */
final class ColourVision {
    private ColourVision() {}

    enum Kind {
        TYPICAL(new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}),
        PROTANOPIA(
                new double[][] {
                    {0.152286, 1.052583, -0.204868},
                    {0.114503, 0.786281, 0.099216},
                    {-0.003882, -0.048116, 1.051998}
                }),
        DEUTERANOPIA(
                new double[][] {
                    {0.367322, 0.860646, -0.227968},
                    {0.280085, 0.672501, 0.047413},
                    {-0.011820, 0.042940, 0.968881}
                }),
        TRITANOPIA(
                new double[][] {
                    {1.255528, -0.076749, -0.178779},
                    {-0.078411, 0.930809, 0.147602},
                    {0.004733, 0.691367, 0.303900}
                });

        private final double[][] matrix;

        Kind(double[][] matrix) {
            this.matrix = matrix;
        }
    }

    /** Parses the browser's computed colour, "rgb(r, g, b)" or "rgba(r, g, b, a)", to 0–255. */
    static int[] parse(String css) {
        String[] parts = css.replaceAll("[^0-9.,]", "").split(",");
        return new int[] {
            (int) Double.parseDouble(parts[0]),
            (int) Double.parseDouble(parts[1]),
            (int) Double.parseDouble(parts[2])
        };
    }

    /** The difference between two colours as a reader of this kind sees them (ΔE*ab). */
    static double difference(Kind kind, int[] a, int[] b) {
        double[] la = lab(seen(kind, a));
        double[] lb = lab(seen(kind, b));
        return Math.sqrt(
                Math.pow(la[0] - lb[0], 2)
                        + Math.pow(la[1] - lb[1], 2)
                        + Math.pow(la[2] - lb[2], 2));
    }

    /** The WCAG contrast ratio of two colours. */
    static double contrast(int[] a, int[] b) {
        double la = luminance(linear(a));
        double lb = luminance(linear(b));
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double[] seen(Kind kind, int[] rgb) {
        double[] c = linear(rgb);
        double[] out = new double[3];
        for (int i = 0; i < 3; i++) {
            double v = 0;
            for (int j = 0; j < 3; j++) {
                v += kind.matrix[i][j] * c[j];
            }
            out[i] = Math.min(1, Math.max(0, v));
        }
        return out;
    }

    private static double[] linear(int[] rgb) {
        double[] c = new double[3];
        for (int i = 0; i < 3; i++) {
            double v = rgb[i] / 255.0;
            c[i] = v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
        }
        return c;
    }

    private static double luminance(double[] c) {
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
    }

    private static double[] lab(double[] c) {
        double x = (0.4124 * c[0] + 0.3576 * c[1] + 0.1805 * c[2]) / 0.95047;
        double y = 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
        double z = (0.0193 * c[0] + 0.1192 * c[1] + 0.9505 * c[2]) / 1.08883;
        double fx = f(x);
        double fy = f(y);
        double fz = f(z);
        return new double[] {116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)};
    }

    private static double f(double t) {
        return t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16.0 / 116;
    }
}
