package aigcsim.core.bandwidth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import aigcsim.core.channel.ChannelModel;
import aigcsim.core.channel.Fading;
import aigcsim.core.channel.McsTable;
import aigcsim.core.channel.MeanSnr;
import aigcsim.core.channel.ShannonRate;
import aigcsim.core.random.RandomStreams;

/** The shared downlink against processor-sharing theory and eq. 19. */
class DownlinkTest {
    private static final double B = 20e6;
    private static final double BITS = 524_288;

    private final ManualClock clock = new ManualClock();
    private final ChannelModel awgn = new ChannelModel(new MeanSnr.Uniform(-6, 15), Fading.NONE, new RandomStreams(1));
    private final List<Double> finished = new ArrayList<>();
    private final List<Integer> finishOrder = new ArrayList<>();

    private Downlink downlink(String scheduler, ChannelModel channel) {
        return new Downlink(clock, B, BandwidthScheduler.of(scheduler), channel, 4, used -> { });
    }

    private void start(Downlink d, int user, double bits, double snrDb) {
        d.start(user, bits, snrDb, ShannonRate::spectralEfficiency, f -> {
            finished.add(clock.nowS());
            finishOrder.add(f.userId());
        }, f -> { throw new AssertionError("analog flow cannot be in outage"); });
    }

    @Test
    void oneFlowTakesBitsOverShannonRate() {
        Downlink d = downlink("equal-share", awgn);
        start(d, 0, BITS, 10);
        clock.runAll();
        double expected = BITS / (B * Math.log(11) / Math.log(2));
        assertEquals(1, finished.size());
        assertEquals(expected, finished.get(0), expected * 1e-9, "O / (B log2(1+SNR)) at 10 dB");
    }

    @Test
    void aBandChangeReallocatesTheFlowInProgressAtOnce() {
        Downlink d = downlink("equal-share", awgn);
        start(d, 0, BITS, 10);
        double alone = BITS / ShannonRate.bitsPerSecond(B, 10);
        clock.after(alone / 2, () -> d.setBandwidthHz(B / 2));
        clock.runAll();
        assertEquals(B / 2, d.bandwidthHz());
        assertEquals(alone / 2 + alone, finished.get(0), alone * 1e-9, "the second half of the bits at half the band");
    }

    @Test
    void nEqualFlowsStartedTogetherFinishAtNTimes() {
        Downlink d = downlink("equal-share", awgn);
        int n = 7;
        for (int u = 0; u < n; u++) {
            start(d, u, BITS, 3);
        }
        clock.runAll();
        double single = BITS / ShannonRate.bitsPerSecond(B, 3);
        assertEquals(n, finished.size());
        for (double t : finished) {
            assertEquals(n * single, t, n * single * 1e-9, "each of N equal flows ends at N·O/v");
        }
    }

    @Test
    void processorSharingReallocatesWhenAFlowEnds() {
        // flow A of O bits and flow B of 3·O bits at the same SNR: A ends at 2·T (half band),
        // then B has 2·O left at the full band: ends at 2·T + 2·T = 4·T.
        Downlink d = downlink("equal-share", awgn);
        start(d, 0, BITS, 6);
        start(d, 1, 3 * BITS, 6);
        clock.runAll();
        double t = BITS / ShannonRate.bitsPerSecond(B, 6);
        assertEquals(2 * t, finished.get(0), t * 1e-9);
        assertEquals(4 * t, finished.get(1), t * 1e-9);
    }

    @Test
    void maxRateServesTheBestChannelFirst() {
        Downlink d = downlink("max-rate", awgn);
        start(d, 0, BITS, 0);
        start(d, 1, BITS, 12);
        clock.runAll();
        double tBest = BITS / ShannonRate.bitsPerSecond(B, 12);
        double tWorst = BITS / ShannonRate.bitsPerSecond(B, 0);
        assertEquals(List.of(1, 0), finishOrder);
        assertEquals(tBest, finished.get(0), tBest * 1e-9);
        assertEquals(tBest + tWorst, finished.get(1), tWorst * 1e-9);
    }

    @Test
    void proportionalFairEqualsEqualShareWithoutFading() {
        Downlink d = downlink("proportional-fair", awgn);
        start(d, 0, BITS, 0);
        start(d, 1, BITS, 12);
        clock.runAll();
        // equal halves: the 12 dB flow ends at 2·O/v12, then the 0 dB flow has the full band
        double v0 = ShannonRate.bitsPerSecond(B, 0);
        double v12 = ShannonRate.bitsPerSecond(B, 12);
        double t1 = 2 * BITS / v12;
        double t0 = t1 + (BITS - t1 * v0 / 2) / v0;
        assertEquals(t1, finished.get(0), t1 * 1e-9);
        assertEquals(t0, finished.get(1), t0 * 1e-9);
    }

    @Test
    void roundRobinAlternatesQuantaAndConservesWork() {
        Downlink d = new Downlink(clock, B, new RoundRobinScheduler(1e-3), awgn, 4, used -> { });
        start(d, 0, BITS, 3);
        start(d, 1, BITS, 3);
        clock.runAll();
        double t = BITS / ShannonRate.bitsPerSecond(B, 3);
        // work-conserving: the last flow ends exactly at 2·T; the first no earlier than 2·T minus one quantum
        assertEquals(2 * t, finished.get(1), 1e-9);
        assertTrue(finished.get(0) >= 2 * t - 1e-3 - 1e-9 && finished.get(0) <= 2 * t,
                "first flow ends within one quantum of the second: " + finished);
    }

    @Test
    void digitalFlowBelowLowestMcsOnStaticChannelIsAnOutage() {
        Downlink d = downlink("equal-share", awgn);
        List<String> outcome = new ArrayList<>();
        McsTable mcs = McsTable.nr();
        d.start(0, BITS, -5, mcs::spectralEfficiency, f -> outcome.add("delivered"),
                f -> outcome.add("outage@" + clock.nowS()));
        d.start(1, BITS, 4, mcs::spectralEfficiency, f -> outcome.add("delivered@" + clock.nowS()),
                f -> outcome.add("outage"));
        clock.runAll();
        // the 4 dB flow uses 16QAM r=0.33 (1.32 bit/symbol) and gets the whole band once the other is dropped
        assertEquals(List.of("outage@0.0", "delivered@" + clock.nowS()), outcome);
        assertEquals(BITS / (B * 4 * 0.33), clock.nowS(), 1e-9);
    }

    @Test
    void rayleighFadingChangesRatesOnlyAtCoherenceBoundaries() {
        ChannelModel rayleigh = new ChannelModel(new MeanSnr.Uniform(-6, 15), Fading.rayleigh(0.005),
                new RandomStreams(3));
        Downlink d = downlink("equal-share", rayleigh);
        start(d, 0, 40 * BITS, 10);
        clock.runAll();
        // delivered bits = Σ over blocks of B·log2(1 + SNR·g_k)·Δt: recompute from the same keyed gains
        double t = 0;
        double left = 40 * BITS;
        while (true) {
            double snr = 10 + rayleigh.gainsDb(0, t)[0];
            double rate = ShannonRate.bitsPerSecond(B, snr);
            double blockEnd = rayleigh.nextFadingChangeS(t);
            if (left <= rate * (blockEnd - t)) {
                t += left / rate;
                break;
            }
            left -= rate * (blockEnd - t);
            t = blockEnd;
        }
        assertEquals(t, finished.get(0), 1e-9);
        assertTrue(clock.executed < 200, "events only at block boundaries and the end, got " + clock.executed);
    }

    @Test
    void anOfdmFlowOverManyBlocksRunsAtTheErgodicCapacity() {
        // E[log2(1 + 10·X)], X ~ Exp(1): every sub-carrier is Rayleigh on its own, whatever the delay spread
        double capacity = aigcsim.core.channel.RayleighCapacity.moments(10)[0];
        ChannelModel ofdm = new ChannelModel(new MeanSnr.Uniform(-6, 15),
                Fading.ofdm(0.001, new aigcsim.core.channel.Ofdm(64, 30e3, 300e-9)), new RandomStreams(9));
        Downlink d = downlink("equal-share", ofdm);
        double bits = 2.0 * B * capacity; // about two seconds: 2000 coherence blocks
        start(d, 0, bits, 10);
        clock.runAll();
        // the band's capacity varies from block to block (variance < 0.5): over 2000 blocks the mean is within 0.5 %
        assertEquals(2.0, finished.get(0), 0.02 * 2.0, "bits / (B · ergodic capacity)");
    }

    @Test
    void aCancelledFlowLeavesAtOnceAndTheOthersShareTheBand() {
        // two equal flows share the band: each at v/2. Cancelling one at t = T/2 (a quarter of the bits sent each)
        // gives the other the full band at once: its remaining 3/4 take 3T/4, so it ends at 5T/4 (2T without).
        Downlink d = downlink("equal-share", awgn);
        Flow[] gone = new Flow[1];
        gone[0] = d.start(0, BITS, 6, ShannonRate::spectralEfficiency,
                f -> { throw new AssertionError("a cancelled flow is not delivered"); },
                f -> { throw new AssertionError("nor lost"); });
        start(d, 1, BITS, 6);
        double t = BITS / ShannonRate.bitsPerSecond(B, 6);
        clock.after(t / 2, () -> {
            d.cancel(gone[0]);
            assertEquals(1, d.activeFlows());
        });
        clock.runAll();
        assertEquals(List.of(1), finishOrder);
        assertEquals(1.25 * t, finished.get(0), t * 1e-9, "the rest at the full band from the cancellation on");
        assertEquals(0.75 * BITS, gone[0].remainingBits(), BITS * 1e-9, "it had sent a quarter when cancelled");
        d.cancel(gone[0]); // no effect once gone
        assertEquals(0, d.activeFlows());
    }
}
