package aigcsim.models.cli;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Stroke;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import javax.imageio.ImageIO;

/**
 * A PNG line chart of the evaluations (Java2D, no browser): series of points joined by lines, each point with an
 * optional ± error bar, axes with round ticks, a legend. Axis ranges cover every point and error bar.
 */
final class LineChart {
    private static final Color[] PALETTE = {new Color(0x5470c6), new Color(0xee6666), new Color(0x3ba272),
        new Color(0xfac858), new Color(0x73c0de), new Color(0x9a60b4), new Color(0xfc8452), new Color(0x333333)};
    private static final int WIDTH = 760;
    private static final int HEIGHT = 500;
    private static final int LEFT = 70;
    private static final int RIGHT = 230;
    private static final int TOP = 40;
    private static final int BOTTOM = 55;

    /**
     * One line: points (x, y), with error bars y ± err where err is not null, dashed or solid, in the palette's
     * colour number {@code colour}.
     */
    record Series(String name, double[] x, double[] y, double[] err, boolean dashed, int colour) {
    }

    private LineChart() {
    }

    static void write(Path file, String title, String xLabel, String yLabel, List<Series> series)
            throws IOException {
        double[] xr = range(series, true);
        double[] yr = range(series, false);
        BufferedImage img = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        FontMetrics fm = g.getFontMetrics();
        int plotW = WIDTH - LEFT - RIGHT;
        int plotH = HEIGHT - TOP - BOTTOM;
        g.setColor(Color.BLACK);
        g.drawString(title, LEFT, TOP - 15);
        g.drawString(xLabel, LEFT + (plotW - fm.stringWidth(xLabel)) / 2, HEIGHT - 12);
        Graphics2D rotated = (Graphics2D) g.create();
        rotated.rotate(-Math.PI / 2);
        rotated.drawString(yLabel, -(TOP + (plotH + fm.stringWidth(yLabel)) / 2), 18);
        rotated.dispose();
        for (double t : ticks(xr)) {
            int px = LEFT + (int) Math.round((t - xr[0]) / (xr[1] - xr[0]) * plotW);
            g.setColor(new Color(0xe0e0e0));
            g.drawLine(px, TOP, px, TOP + plotH);
            g.setColor(Color.BLACK);
            String s = label(t);
            g.drawString(s, px - fm.stringWidth(s) / 2, TOP + plotH + 16);
        }
        for (double t : ticks(yr)) {
            int py = TOP + plotH - (int) Math.round((t - yr[0]) / (yr[1] - yr[0]) * plotH);
            g.setColor(new Color(0xe0e0e0));
            g.drawLine(LEFT, py, LEFT + plotW, py);
            g.setColor(Color.BLACK);
            String s = label(t);
            g.drawString(s, LEFT - 6 - fm.stringWidth(s), py + 4);
        }
        g.drawRect(LEFT, TOP, plotW, plotH);
        Stroke solid = new BasicStroke(1.8f);
        Stroke dashed = new BasicStroke(1.8f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {6, 4}, 0);
        for (int k = 0; k < series.size(); k++) {
            Series s = series.get(k);
            g.setColor(PALETTE[s.colour() % PALETTE.length]);
            int prevX = 0;
            int prevY = 0;
            for (int i = 0; i < s.x().length; i++) {
                if (!Double.isFinite(s.y()[i])) {
                    prevX = -1;
                    continue;
                }
                int px = LEFT + (int) Math.round((s.x()[i] - xr[0]) / (xr[1] - xr[0]) * plotW);
                int py = TOP + plotH - (int) Math.round((s.y()[i] - yr[0]) / (yr[1] - yr[0]) * plotH);
                g.setStroke(s.dashed() ? dashed : solid);
                if (i > 0 && prevX >= 0) {
                    g.drawLine(prevX, prevY, px, py);
                }
                g.setStroke(solid);
                g.fillOval(px - 3, py - 3, 7, 7);
                if (s.err() != null && s.err()[i] > 0) {
                    int lo = TOP + plotH - (int) Math.round((s.y()[i] - s.err()[i] - yr[0]) / (yr[1] - yr[0]) * plotH);
                    int hi = TOP + plotH - (int) Math.round((s.y()[i] + s.err()[i] - yr[0]) / (yr[1] - yr[0]) * plotH);
                    int dx = s.dashed() ? 3 : -3; // two series on one x stay apart
                    g.drawLine(px + dx, lo, px + dx, hi);
                    g.drawLine(px + dx - 3, lo, px + dx + 3, lo);
                    g.drawLine(px + dx - 3, hi, px + dx + 3, hi);
                }
                prevX = px;
                prevY = py;
            }
            int ly = TOP + 10 + 18 * k;
            g.setStroke(s.dashed() ? dashed : solid);
            g.drawLine(WIDTH - RIGHT + 15, ly, WIDTH - RIGHT + 45, ly);
            g.setColor(Color.BLACK);
            g.drawString(s.name(), WIDTH - RIGHT + 52, ly + 4);
        }
        g.dispose();
        ImageIO.write(img, "png", file.toFile());
    }

    /** {min, max} over every finite point (and its error bar), widened when flat. */
    private static double[] range(List<Series> series, boolean x) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            for (int i = 0; i < s.x().length; i++) {
                if (!Double.isFinite(s.y()[i])) {
                    continue;
                }
                double e = !x && s.err() != null ? s.err()[i] : 0;
                double v = x ? s.x()[i] : s.y()[i];
                lo = Math.min(lo, v - e);
                hi = Math.max(hi, v + e);
            }
        }
        if (!Double.isFinite(lo)) {
            return new double[] {0, 1};
        }
        if (hi - lo < 1e-9) {
            return new double[] {lo - 1, hi + 1};
        }
        double pad = x ? 0 : 0.05 * (hi - lo);
        return new double[] {lo - pad, hi + pad};
    }

    /** Ticks at 1, 2 or 5 times a power of ten, about six over the range. */
    private static double[] ticks(double[] r) {
        double raw = (r[1] - r[0]) / 6;
        double p = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = raw / p < 1.5 ? p : raw / p < 3.5 ? 2 * p : raw / p < 7.5 ? 5 * p : 10 * p;
        double first = Math.ceil(r[0] / step - 1e-9) * step;
        int n = (int) Math.floor((r[1] - first) / step + 1e-9) + 1;
        double[] t = new double[Math.max(n, 0)];
        for (int i = 0; i < t.length; i++) {
            t[i] = first + i * step;
        }
        return t;
    }

    private static String label(double v) {
        String s = String.format(Locale.ROOT, "%.3f", v).replaceAll("0+$", "").replaceAll("\\.$", "");
        return s.equals("-0") ? "0" : s;
    }
}
