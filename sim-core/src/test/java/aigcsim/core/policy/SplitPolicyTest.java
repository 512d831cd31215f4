package aigcsim.core.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import aigcsim.core.cost.CostModel;
import aigcsim.core.cost.DeviceProfile;
import aigcsim.core.model.LatencyRequirement;

class SplitPolicyTest {
    private static final DeviceProfile EDGE = DeviceProfile.bundled("rtx-a6000");
    private static final DeviceProfile DEVICE = DeviceProfile.bundled("gtx-1080ti");
    private static final double LATENT_BITS = 524288;
    private static final double BANDWIDTH_HZ = 20e6;
    /** 524288 / (20e6 * log2(11)) s. */
    private static final double TX_S = 0.007577660983027639;

    /** An edge running alone (batch 1) behind {@code edgeBacklogS} of work. */
    private static SplitState state(double pacr, int totalSteps, double edgeBacklogS, double deviceBacklogS,
            double latentBits, DeviceProfile edge, DeviceProfile device) {
        return state(pacr, totalSteps, edgeBacklogS, deviceBacklogS, latentBits, edge, device, 1);
    }

    /** The same with the request running in a batch of {@code batch} at the edge. */
    private static SplitState state(double pacr, int totalSteps, double edgeBacklogS, double deviceBacklogS,
            double latentBits, DeviceProfile edge, DeviceProfile device, int batch) {
        double[] edgeFinishS = new double[totalSteps + 1];
        for (int a = 0; a <= totalSteps; a++) {
            edgeFinishS[a] = edgeBacklogS + edge.extractionS() + a * CostModel.stepS(edge, batch, pacr);
        }
        return new SplitState(edge.cyclesPerStep(), device.cyclesPerStep(), 10.0, pacr * edge.clockHz(),
                device.clockHz(), BANDWIDTH_HZ, new LatencyRequirement(5, 25), totalSteps, latentBits,
                edgeBacklogS, deviceBacklogS, pacr, edge, device, 0, batch - 1, edgeFinishS, 0, 0, 0, 0.0, 8);
    }

    private static SplitState state(double pacr) {
        return state(pacr, 20, 0, 0, LATENT_BITS, EDGE, DEVICE);
    }

    @Test
    void parsesNames() {
        assertEquals(new SplitPolicy.Fixed(10), SplitPolicy.of("fixed:10"), "fixed:10");
        assertEquals(new SplitPolicy.Fixed(0), SplitPolicy.of("fixed:0"), "fixed:0");
        assertEquals(new SplitPolicy.Fixed(7), SplitPolicy.of("fixed: 7"), "whitespace after colon");
        assertInstanceOf(SplitPolicy.Greedy.class, SplitPolicy.of("greedy"), "greedy");
        SplitState s = state(1.0);
        assertEquals(10, SplitPolicy.of("fixed:10").edgeSteps(s), "fixed:10 -> a = 10");
        assertEquals(20, SplitPolicy.of("edge-only").edgeSteps(s), "edge-only -> a = T-hat = 20");
        assertEquals(0, SplitPolicy.of("local-only").edgeSteps(s), "local-only -> a = 0");
        assertEquals(13, SplitPolicy.of("edge-only").edgeSteps(state(1.0, 13, 0, 0, LATENT_BITS, EDGE, DEVICE)),
                "edge-only follows T-hat = 13");
    }

    @Test
    void namesRoundTrip() {
        for (String n : new String[] {"fixed:10", "edge-only", "local-only", "greedy", "fixed:3"}) {
            assertEquals(n, SplitPolicy.of(n).name(), "name() of " + n);
        }
        assertEquals("local-only", SplitPolicy.of("fixed:0").name(), "fixed:0 is local-only");
    }

    @Test
    void unknownNameListsAllowed() {
        for (String bad : new String[] {"cloud-only", "", "Greedy", "fixed10"}) {
            var e = assertThrows(IllegalArgumentException.class, () -> SplitPolicy.of(bad), "'" + bad + "'");
            for (String allowed : SplitPolicy.NAMES) {
                assertTrue(e.getMessage().contains(allowed),
                        "message for '" + bad + "' lists " + allowed + ": " + e.getMessage());
            }
        }
    }

    @Test
    void badFixedThrows() {
        for (String bad : new String[] {"fixed:-1", "fixed:x", "fixed:", "fixed:2.5"}) {
            var e = assertThrows(IllegalArgumentException.class, () -> SplitPolicy.of(bad), "'" + bad + "'");
            assertTrue(e.getMessage().contains(bad), "message names '" + bad + "': " + e.getMessage());
        }
    }

    @Test
    void fixedClippedToTotalSteps() {
        assertEquals(20, SplitPolicy.of("fixed:30").edgeSteps(state(1.0)), "a = 30 > T-hat = 20 is clipped");
        assertEquals(20, SplitPolicy.of("fixed:20").edgeSteps(state(1.0)), "a = T-hat");
    }

    @Test
    void expectedLatencyHandComputed() {
        SplitState s = state(1.0);
        // the GTX decodes the A6000's 1.2 s of work at its 0.368/0.2 step ratio: 1.2 * 1.84 = 2.208 s
        // edge: 0.75 + 20*0.2, tx, device: decode 2.208
        assertEquals(4.75 + TX_S + 2.208, SplitPolicy.expectedLatencyS(s, 20), 1e-9, "a = 20 (tol 1e-9)");
        // edge: extraction 0.75, tx, device: 20*0.368 + 2.208
        assertEquals(0.75 + TX_S + 7.36 + 2.208, SplitPolicy.expectedLatencyS(s, 0), 1e-9, "a = 0 (tol 1e-9)");
        // a = 10: 0.75 + 2.0 + tx + 3.68 + 2.208
        assertEquals(8.638 + TX_S, SplitPolicy.expectedLatencyS(s, 10), 1e-9, "a = 10 (tol 1e-9)");
        // backlogs add; PACR 0.5 doubles edge steps: 1 + 0.75 + 8 + tx + 2 + 2.208
        SplitState b = state(0.5, 20, 1.0, 2.0, LATENT_BITS, EDGE, DEVICE);
        assertEquals(13.958 + TX_S, SplitPolicy.expectedLatencyS(b, 20), 1e-9, "backlogs and PACR 0.5 (tol 1e-9)");
    }

    @Test
    void greedyPicksEdgeWhenEdgeFaster() {
        SplitState s = state(1.0);
        assertEquals(20, SplitPolicy.of("greedy").edgeSteps(s), "greedy a = T-hat at PACR 1");
    }

    @Test
    void greedyPicksDeviceWhenEdgeSlowed() {
        SplitState s = state(0.3);
        assertEquals(0, SplitPolicy.of("greedy").edgeSteps(s), "edge step 0.2 / 0.3 = 0.667 s > the device's 0.368 s: "
                + "greedy a = 0 at PACR 0.3");
    }

    @Test
    void greedyLeavesTheEdgeWhenTheBatchItWouldJoinIsSlowerThanTheDevice() {
        // alone, an A6000 step (0.2 s) beats the GTX's 0.368 s; in a batch of 8 an iteration takes
        // 0.2 * 3.8146 = 0.763 s: each edge step now costs more than a device step, so every step goes to the device
        assertEquals(20, new SplitPolicy.Greedy().edgeSteps(state(1.0, 20, 0, 0, LATENT_BITS, EDGE, DEVICE, 1)));
        assertEquals(0, new SplitPolicy.Greedy().edgeSteps(state(1.0, 20, 0, 0, LATENT_BITS, EDGE, DEVICE, 8)));
        // in a batch of 2 (0.2 * 1.2135 = 0.243 s per step) the edge is still the faster one
        assertEquals(20, new SplitPolicy.Greedy().edgeSteps(state(1.0, 20, 0, 0, LATENT_BITS, EDGE, DEVICE, 2)));
    }

    @Test
    void greedyTieGoesToLargerA() {
        // equal per-step times, no constants, nothing to send: every a has latency exactly 5 s
        DeviceProfile flat = DeviceProfile.measured("flat", null, 1e9, 1, 0.0, 0.25, 0.0, 0.0, null);
        SplitState s = state(1.0, 20, 0, 0, 0.0, flat, flat);
        for (int a = 0; a <= 20; a++) {
            assertEquals(5.0, SplitPolicy.expectedLatencyS(s, a), 0.0, "flat latency at a = " + a);
        }
        assertEquals(20, new SplitPolicy.Greedy().edgeSteps(s), "ties go to the larger a");
    }

    @Test
    void qualityGreedyTradesLatencyForARecognizableImage() {
        // on a harsh channel the bundled table gives SemAIGC's receiver a semantic accuracy of 0.45 at a = 20 and
        // 0.90 at a = 15; a = 15 costs 5 more device steps (5 * 0.368 - 5 * 0.2 = 0.84 s), well inside [5, 25] s
        SplitState s = new SplitState(EDGE.cyclesPerStep(), DEVICE.cyclesPerStep(), -6.0, EDGE.clockHz(),
                DEVICE.clockHz(), BANDWIDTH_HZ, new LatencyRequirement(5, 25), 20, LATENT_BITS, 0, 0, 1.0, EDGE,
                DEVICE, 0, 0, state(1.0).edgeFinishS(), 0, 0, 0, 0.0, 8);
        assertEquals(20, SplitPolicy.of("greedy").edgeSteps(s), "the fastest split");
        assertEquals(15, SplitPolicy.of("quality-greedy").edgeSteps(s), "the split whose image is recognized");
        // with a requirement the extra device steps would miss entirely, recognizability cannot pay for them
        SplitState tight = new SplitState(EDGE.cyclesPerStep(), DEVICE.cyclesPerStep(), -6.0, EDGE.clockHz(),
                DEVICE.clockHz(), BANDWIDTH_HZ, new LatencyRequirement(6.9, 7.0), 20, LATENT_BITS, 0, 0, 1.0, EDGE,
                DEVICE, 0, 0, state(1.0).edgeFinishS(), 0, 0, 0, 0.0, 8);
        assertEquals(20, SplitPolicy.of("quality-greedy").edgeSteps(tight), "a = 20 ends at 6.97 s, a = 15 after 7 s");
        assertEquals("quality-greedy", SplitPolicy.of("quality-greedy").name());
    }

    @Test
    void qualityGreedyWeighsTheExpectedRegenerations() {
        // with 3 regenerations allowed, a = 20's image (recognized with p = 0.45 at -6 dB) takes
        // 1 + 0.55 + 0.55^2 + 0.55^3 = 2.02 attempts of ~6.97 s, about 14 s, and is recognized in the end with
        // probability 1 - 0.55^4 = 0.91; a = 15 (p = 0.90) takes 1.11 attempts of ~7.8 s: it stays the better split,
        // and both choices agree with the one-attempt value
        SplitState s = new SplitState(EDGE.cyclesPerStep(), DEVICE.cyclesPerStep(), -6.0, EDGE.clockHz(),
                DEVICE.clockHz(), BANDWIDTH_HZ, new LatencyRequirement(5, 25), 20, LATENT_BITS, 0, 0, 1.0, EDGE,
                DEVICE, 0, 0, state(1.0).edgeFinishS(), 3, 0, 0, 0.0, 8);
        assertEquals(15, SplitPolicy.of("quality-greedy").edgeSteps(s));
        // with p = 0.5 at every split the expected attempts are the same everywhere, 1.875: the faster split wins
        // when its expected total latency (1.875 x 6.97 = 13.1 s) beats a = 15's (1.875 x 7.8 = 14.6 s)
        aigcsim.core.quality.QualityTable coin = coinTable();
        assertEquals(20, new SplitPolicy.QualityGreedy(coin).edgeSteps(s));
    }

    /** A table in which every split's image is recognized with probability 0.5. */
    private static aigcsim.core.quality.QualityTable coinTable() {
        try {
            StringBuilder t = new StringBuilder(aigcsim.core.quality.QualityTable.HEADER).append('\n');
            for (int a : new int[] {0, 20}) {
                for (double snr : new double[] {-6, 15}) {
                    t.append("semaigc,analog,awgn,").append(snr).append(',').append(a).append(",20,20,0.5,0.5,0\n");
                }
            }
            java.nio.file.Path f = java.nio.file.Files.createTempFile("coin", ".csv");
            f.toFile().deleteOnExit();
            java.nio.file.Files.writeString(f, t);
            return aigcsim.core.quality.QualityTable.load(f);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
