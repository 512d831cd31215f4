package aigcsim.core.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import aigcsim.core.channel.Fading;
import aigcsim.core.channel.MeanSnr;
import aigcsim.core.compute.ComputeJob;
import aigcsim.core.compute.ComputeResult;
import aigcsim.core.compute.ComputeService;
import aigcsim.core.cost.CostModel;
import aigcsim.core.framework.Framework;
import aigcsim.core.framework.Transmission;
import aigcsim.core.metrics.RequestRecord;
import aigcsim.core.metrics.RunResult;

/** GSC in the simulator: JSCC channel uses on the downlink, the split, and the job it hands to the compute service. */
class GscFrameworkTest {
    private static final double BAND_HZ = Defaults.BANDWIDTH_HZ;

    /** One user on a serial edge: every transmission is alone on the downlink and gets the whole band. */
    private static Scenario.Builder single(Framework f, double snrDb) {
        return Scenario.builder().name("gsc").seed(3).users(1).durationS(1200).framework(f)
                .edgeMode(Scenario.EdgeMode.SERIAL).meanSnr(new MeanSnr.Uniform(snrDb, snrDb));
    }

    private static List<RequestRecord> delivered(Scenario s, List<ComputeJob> jobs) {
        ComputeService capture = new ComputeService() {
            @Override
            public CompletableFuture<ComputeResult> submit(ComputeJob job) {
                jobs.add(job);
                return CompletableFuture.completedFuture(ComputeResult.none("analytic"));
            }

            @Override
            public String fidelity() {
                return "analytic";
            }
        };
        RunResult run = Simulation.runReplication(s, 0, capture, Simulation.Progress.NONE);
        List<RequestRecord> out = run.records().stream().filter(RequestRecord::delivered).toList();
        assertTrue(out.size() >= 5, "enough requests: " + out.size());
        return out;
    }

    @Test
    void gscIsAJsccFrameworkWithTheLastFourStepsOnTheDevice() {
        assertEquals(Framework.GSC, Framework.of("gsc"));
        assertEquals(Transmission.JSCC_LATENT, Framework.GSC.transmission());
        assertEquals(16, Framework.GSC.edgeSteps(3, 20), "T̂ − 4 at the edge, whatever a policy would choose");
        assertEquals(0, Framework.GSC.edgeSteps(0, 3), "never below 0");
        assertTrue(Framework.GSC.edgeExtracts() && Framework.GSC.deviceDecodes());
        assertFalse(Framework.GSC.edgeDecodes() || Framework.GSC.deviceExtracts() || Framework.GSC.usesSplitPolicy());
    }

    @Test
    void gscL1IsItsChannelUsesOverTheBandShareOnASingleFlow() {
        List<ComputeJob> jobs = new ArrayList<>();
        Scenario s = single(Framework.GSC, 5).jsccChannelUses(8192).build();
        double expected = 8192 / 20e6; // 409.6 µs: one complex channel use per Hz per second
        for (RequestRecord r : delivered(s, jobs)) {
            assertEquals(expected, r.l1TransmissionS(), 1e-12, "L1 of " + r);
            assertEquals(BAND_HZ, r.bandwidthShareHz(), 1e-6, "the whole band");
            assertEquals(16, r.edgeSteps());
            double l3 = CostModel.computeS(s.deviceProfile(), 4, false, true, 1.0);
            assertEquals(l3, r.l3DeviceS(), 1e-9, "the device refines with 4 steps and decodes");
        }
        assertEquals(Defaults.JSCC_CHANNEL_USES / BAND_HZ,
                delivered(single(Framework.GSC, 5).build(), new ArrayList<>()).get(0).l1TransmissionS(), 1e-12,
                "the default channel uses");
    }

    @Test
    void gscAirTimeDoesNotChangeWithSnrWhileTheAnalogLatentsDoes() {
        double gscLow = delivered(single(Framework.GSC, -6).build(), new ArrayList<>()).get(0).l1TransmissionS();
        double gscHigh = delivered(single(Framework.GSC, 15).build(), new ArrayList<>()).get(0).l1TransmissionS();
        assertEquals(gscLow, gscHigh, 1e-15, "JSCC degrades in quality, not in time");
        double analogLow = delivered(single(Framework.NON_FINE_TUNING, -6).build(), new ArrayList<>()).get(0)
                .l1TransmissionS();
        double analogHigh = delivered(single(Framework.NON_FINE_TUNING, 15).build(), new ArrayList<>()).get(0)
                .l1TransmissionS();
        assertEquals(Defaults.LATENT_BITS / (BAND_HZ * Math.log1p(Math.pow(10, -0.6)) / Math.log(2)), analogLow,
                1e-9, "eq. 19 at -6 dB");
        assertTrue(analogLow > 5 * analogHigh, "the analog latent's Shannon rate grows with the SNR");
        // and on Rayleigh fading JSCC's air time is still its channel uses over the band
        for (RequestRecord r : delivered(single(Framework.GSC, 0).fading(Fading.rayleigh(1e-4)).build(),
                new ArrayList<>())) {
            assertEquals(Defaults.JSCC_CHANNEL_USES / BAND_HZ, r.l1TransmissionS(), 1e-12);
            assertEquals(0, r.outages(), "no outage: an analog transmission has none");
        }
    }

    @Test
    void theJobCarriesTheFrameworkChannelTypeAndBothSnrs() {
        List<ComputeJob> jobs = new ArrayList<>();
        List<RequestRecord> rs = delivered(single(Framework.GSC, 4).fading(Fading.rayleigh(1e-4)).build(), jobs);
        assertEquals(rs.size(), jobs.size());
        for (ComputeJob j : jobs) {
            assertEquals(Framework.GSC, j.framework());
            assertEquals(Fading.Kind.RAYLEIGH, j.channelType());
            assertEquals(16, j.edgeSteps());
            assertEquals(4.0, j.meanSnrDb(), 1e-12, "the link's mean SNR, without the fading");
        }
        assertTrue(jobs.stream().anyMatch(j -> Math.abs(j.snrDb() - 4.0) > 0.1), "the seen SNR has the fading");
    }
}
