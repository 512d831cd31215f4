package aigcsim.core.arrival;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArrivalProcessTest {
    @TempDir
    Path dir;

    private static UniformRandomProvider rng(long seed) {
        return RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
    }

    /** Inter-arrival gaps of the first n arrivals; also checks times increase from > 0. */
    private static double[] gaps(Iterator<Arrival> it, int n) {
        double[] g = new double[n];
        double prev = 0;
        for (int i = 0; i < n; i++) {
            assertTrue(it.hasNext(), "generator is unbounded");
            Arrival a = it.next();
            assertTrue(a.timeS() > prev, "times increase (first after 0), arrival " + i);
            assertNull(a.prompt(), "generated arrivals draw prompts from the catalogue");
            g[i] = a.timeS() - prev;
            prev = a.timeS();
        }
        return g;
    }

    private static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }

    private static double scv(double[] x) {
        double m = mean(x);
        double s = 0;
        for (double v : x) {
            s += (v - m) * (v - m);
        }
        return s / (x.length - 1) / (m * m);
    }

    @Test
    void poissonMeanInterArrival() {
        PoissonArrivals p = new PoissonArrivals(2.0);
        double[] g = gaps(p.forUser(0, rng(12345)), 50000);
        assertEquals(0.5, mean(g), 0.5 * 0.02, "mean gap 1/rate = 0.5 s (tol 2 %)");
        assertEquals(1.0, scv(g), 0.05, "exponential gaps have SCV 1 (tol 0.05)");
    }

    @Test
    void poissonSameSeedSameArrivals() {
        PoissonArrivals p = new PoissonArrivals(0.7);
        Iterator<Arrival> a = p.forUser(0, rng(9));
        Iterator<Arrival> b = p.forUser(0, rng(9));
        for (int i = 0; i < 100; i++) {
            assertEquals(a.next().timeS(), b.next().timeS(), 0.0, "same seed, arrival " + i);
        }
    }

    @Test
    void invalidRatesThrow() {
        assertThrows(IllegalArgumentException.class, () -> new PoissonArrivals(0), "rate 0");
        assertThrows(IllegalArgumentException.class, () -> new PoissonArrivals(-1), "rate -1");
        assertThrows(IllegalArgumentException.class, () -> new PoissonArrivals(Double.NaN), "rate NaN");
        assertThrows(IllegalArgumentException.class, () -> new PoissonArrivals(Double.POSITIVE_INFINITY),
                "rate inf");
        assertThrows(IllegalArgumentException.class, () -> new OnOffArrivals(0, 0, 1, 1), "on rate 0");
        assertThrows(IllegalArgumentException.class, () -> new OnOffArrivals(1, -1, 1, 1), "off rate < 0");
        assertThrows(IllegalArgumentException.class, () -> new OnOffArrivals(1, 0, 0, 1), "mean on 0");
        assertThrows(IllegalArgumentException.class, () -> new OnOffArrivals(1, 0, 1, 0), "mean off 0");
    }

    @Test
    void onOffMeanRateFormula() {
        // (10*1 + 0*4) / 5
        assertEquals(2.0, new OnOffArrivals(10, 0, 1, 4).meanRatePerS(), 1e-12, "pure on/off (tol 1e-12)");
        // (3*2 + 1*6) / 8
        assertEquals(1.5, new OnOffArrivals(3, 1, 2, 6).meanRatePerS(), 1e-12, "MMPP (tol 1e-12)");
    }

    @Test
    void onOffLongRunRateAndBurstiness() {
        OnOffArrivals p = new OnOffArrivals(10, 0, 0.5, 2);
        assertEquals(2.0, p.meanRatePerS(), 1e-12, "(10*0.5)/2.5 = 2 /s (tol 1e-12)");
        int n = 300000;
        double[] g = gaps(p.forUser(3, rng(777)), n);
        double rate = 1 / mean(g);
        assertEquals(p.meanRatePerS(), rate, 0.03 * p.meanRatePerS(), "long-run rate = meanRatePerS (tol 3 %)");
        double c2 = scv(g);
        assertTrue(c2 > 1.5, "on/off gaps are bursty: SCV " + c2 + " must exceed 1 (Poisson) clearly (> 1.5)");
    }

    @Test
    void onOffWithEqualRatesIsPoisson() {
        OnOffArrivals p = new OnOffArrivals(4, 4, 1, 1);
        double[] g = gaps(p.forUser(0, rng(31)), 50000);
        assertEquals(0.25, mean(g), 0.25 * 0.02, "mean gap 1/4 s (tol 2 %)");
        assertEquals(1.0, scv(g), 0.05, "SCV 1 when both states have the same rate (tol 0.05)");
    }

    @Test
    void traceLoadsSortedPerUser() throws IOException {
        Path f = dir.resolve("trace.csv");
        Files.writeString(f, String.join("\n",
                "timeS,user,prompt",
                "2.5,1,a photo of a dress",
                "0.5,1,a photo of a coat",
                "# a comment",
                "",
                "3.0,0,a photo, with a comma",
                "1.0,0,",
                "0.25, 4 , a photo of a bag "));
        TraceArrivals t = TraceArrivals.load(f);
        assertEquals(4, t.maxUser(), "highest user index");
        assertTrue(t.describe().contains(f.toString()), "describe names the file");

        List<Arrival> u1 = drain(t.forUser(1, rng(0)));
        assertEquals(List.of(new Arrival(0.5, "a photo of a coat"), new Arrival(2.5, "a photo of a dress")), u1,
                "user 1 sorted by time with prompts");
        List<Arrival> u0 = drain(t.forUser(0, rng(0)));
        assertEquals(List.of(new Arrival(1.0, null), new Arrival(3.0, "a photo, with a comma")), u0,
                "user 0: empty prompt -> null, commas kept in the prompt");
        assertEquals(List.of(new Arrival(0.25, "a photo of a bag")), drain(t.forUser(4, rng(0))),
                "fields are trimmed");
        assertFalse(t.forUser(2, rng(0)).hasNext(), "a user absent from the trace has no arrivals");
    }

    @Test
    void traceWithoutHeaderAndEmpty() throws IOException {
        Path f = dir.resolve("noheader.csv");
        Files.writeString(f, "1.5,0,x\n");
        assertEquals(List.of(new Arrival(1.5, "x")), drain(TraceArrivals.load(f).forUser(0, rng(0))),
                "header is optional");
        Path e = dir.resolve("empty.csv");
        Files.writeString(e, "timeS,user,prompt\n");
        assertEquals(-1, TraceArrivals.load(e).maxUser(), "empty trace has maxUser -1");
    }

    @Test
    void malformedTraceLineNamesFileAndLine() throws IOException {
        Path f = dir.resolve("bad.csv");
        Files.writeString(f, "timeS,user,prompt\n0.5,0,ok\nsoon,1,bad\n");
        var e = assertThrows(IllegalArgumentException.class, () -> TraceArrivals.load(f));
        assertTrue(e.getMessage().contains(f.toString()), "message names the file: " + e.getMessage());
        assertTrue(e.getMessage().contains("line 3"), "message names line 3: " + e.getMessage());

        Path g = dir.resolve("neg.csv");
        Files.writeString(g, "1.0,0,a\n2.0,-1,b\n");
        var e2 = assertThrows(IllegalArgumentException.class, () -> TraceArrivals.load(g));
        assertTrue(e2.getMessage().contains("line 2"), "negative user rejected at line 2: " + e2.getMessage());

        Path h = dir.resolve("short.csv");
        Files.writeString(h, "timeS,user,prompt\n1.0\n");
        var e3 = assertThrows(IllegalArgumentException.class, () -> TraceArrivals.load(h));
        assertTrue(e3.getMessage().contains("line 2"), "missing user column at line 2: " + e3.getMessage());
    }

    @Test
    void missingTraceNamesPath() {
        Path f = dir.resolve("none.csv");
        var e = assertThrows(IllegalArgumentException.class, () -> TraceArrivals.load(f));
        assertTrue(e.getMessage().contains(f.toString()), "message names the path: " + e.getMessage());
    }

    private static List<Arrival> drain(Iterator<Arrival> it) {
        List<Arrival> l = new ArrayList<>();
        it.forEachRemaining(l::add);
        return l;
    }
}
