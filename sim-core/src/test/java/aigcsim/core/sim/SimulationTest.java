package aigcsim.core.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import aigcsim.core.compute.AnalyticComputeService;
import aigcsim.core.cost.DeviceProfile;
import aigcsim.core.framework.Framework;
import aigcsim.core.metrics.RequestRecord;
import aigcsim.core.metrics.ResultWriter;
import aigcsim.core.metrics.RunResult;
import aigcsim.core.model.PacrSchedule;
import aigcsim.core.model.Position;
import aigcsim.core.channel.Fading;
import aigcsim.core.channel.MeanSnr;

/** Whole runs: determinism, deadlines, serial vs async, frameworks, bad input. */
class SimulationTest {
    private static final AnalyticComputeService ANALYTIC = new AnalyticComputeService();

    private static Scenario.Builder small() {
        return Scenario.builder().name("small").seed(5).users(12).durationS(900).warmupS(60);
    }

    private static RunResult once(Scenario s) {
        return Simulation.runReplication(s, 0, ANALYTIC, Simulation.Progress.NONE);
    }

    @Test
    void sameScenarioAndSeedGiveByteIdenticalFiles(@TempDir Path dir) throws Exception {
        Scenario s = small().replications(2).fading(Fading.rayleigh(0.01))
                .bandwidthScheduler("proportional-fair").build();
        for (String run : List.of("a", "b")) {
            List<RunResult> runs = Simulation.run(s, ANALYTIC, Simulation.Progress.NONE);
            Files.createDirectories(dir.resolve(run));
            ResultWriter.writeRequestsCsv(dir.resolve(run).resolve("requests.csv"), runs);
            ResultWriter.writeSummaryJson(dir.resolve(run).resolve("summary.json"), s.describe(), "analytic", runs);
        }
        for (String f : List.of("requests.csv", "summary.json")) {
            byte[] a = Files.readAllBytes(dir.resolve("a").resolve(f));
            assertTrue(a.length > 1000, f + " has content");
            assertArrayEquals(a, Files.readAllBytes(dir.resolve("b").resolve(f)), f + " identical");
        }
    }

    @Test
    void asyncCompletesMoreThanSerialOnASaturatedCellWithTheSameArrivals() {
        // 30 users at 1/min: 0.5 req/s against a serial edge of 4.75 s per request (rho ≈ 2.4)
        Scenario.Builder b = small().users(30).splitPolicy("edge-only");
        RunResult serial = once(b.edgeMode(Scenario.EdgeMode.SERIAL).build());
        RunResult async = once(b.edgeMode(Scenario.EdgeMode.ASYNC).build());
        assertEquals(serial.records().size(), async.records().size(), "same arrivals");
        for (int i = 0; i < serial.records().size(); i++) {
            assertEquals(serial.records().get(i).arrivalS(), async.records().get(i).arrivalS());
            assertEquals(serial.records().get(i).prompt(), async.records().get(i).prompt());
        }
        long servedSerial = serial.records().stream().filter(r -> !r.failed()).count();
        long servedAsync = async.records().stream().filter(r -> !r.failed()).count();
        assertTrue(servedAsync > 1.5 * servedSerial, "async " + servedAsync + " vs serial " + servedSerial);
    }

    @Test
    void deadlineMissesAreRecordedAsFailedNotDropped() {
        RunResult run = once(small().users(30).edgeMode(Scenario.EdgeMode.SERIAL).splitPolicy("edge-only").build());
        List<RequestRecord> rs = run.records().list();
        for (int i = 0; i < rs.size(); i++) {
            assertEquals(i, rs.get(i).id(), "every request has a record");
        }
        List<RequestRecord> late = rs.stream().filter(r -> "DEADLINE".equals(r.failure())).toList();
        assertFalse(late.isEmpty(), "an overloaded serial cell misses deadlines");
        for (RequestRecord r : late) {
            assertTrue(r.failed());
            assertEquals(0.0, r.satisfaction());
            // abandoned at the deadline wherever it was: never delivered late
            assertEquals(60, r.timeInSystemS(), 1e-9, "ends at its deadline: " + r);
            assertFalse(r.delivered(), "no late delivery: " + r);
            assertTrue(List.of("QUEUE", "EDGE", "TRANSMISSION", "DEVICE").contains(r.failedAt()), r.toString());
        }
        // FIFO: each request ahead leaves by its own, earlier, deadline, so a request reaches the edge in time, and
        // most are then cut off in edge compute
        assertTrue(late.stream().filter(r -> r.failedAt().equals("EDGE")).count() > late.size() / 2,
                "most are cut off in edge compute");
        assertTrue(rs.stream().filter(r -> !r.failed()).allMatch(r -> r.failedAt().isEmpty()));
        assertEquals(late.size(), run.summary().failedDeadline() + rs.stream()
                .filter(r -> r.inWarmup() && "DEADLINE".equals(r.failure())).count());
    }

    @Test
    void latencyIsTheSumOfItsParts() {
        RunResult run = once(small().build());
        for (RequestRecord r : run.records()) {
            if (r.delivered()) {
                assertEquals(r.latencyS(), r.queueWaitS() + r.l2EdgeS() + r.l1TransmissionS() + r.l3DeviceS(), 1e-9,
                        "L = wait + L2 + L1 + L3 for " + r);
            }
        }
    }

    @Test
    void frameworksPlaceTheWorkWhereTheSeedsSay() {
        RunResult local = once(small().framework(Framework.LOCAL_AIGC).build());
        RequestRecord l = local.records().get(0);
        assertEquals(0.0, l.l1TransmissionS());
        assertEquals(0.0, l.l2EdgeS());
        // on the GTX 1080 Ti the A6000's extraction and decode scale like its step, by 0.368/0.2 = 1.84
        assertEquals(1.38 + 20 * 0.368 + 2.208, l.l3DeviceS(), 1e-9, "extraction + T̂ device steps + decode");

        RunResult nft = once(small().users(1).framework(Framework.NON_FINE_TUNING).build());
        RequestRecord n = nft.records().get(0);
        assertEquals(20, n.edgeSteps());
        assertEquals(0.75 + 20 * 0.2, n.l2EdgeS(), 1e-9, "edge: extraction + 20 steps");
        assertEquals(2.208, n.l3DeviceS(), 1e-9, "device only decodes: 1.2 s * 1.84 on the GTX 1080 Ti");

        RunResult nonRoot = once(small().users(1).framework(Framework.NON_ROOT_SEM_AIGC).build());
        assertEquals(10, nonRoot.records().get(0).edgeSteps());
    }

    @Test
    void edgeAigcFailsWithOutageBelowTheLowestMcsOnAwgn() {
        Scenario s = small().framework(Framework.EDGE_AIGC).meanSnr(new MeanSnr.Uniform(-6, -4)).build();
        RunResult run = once(s);
        assertTrue(run.records().stream().allMatch(r -> "OUTAGE".equals(r.failure())),
                "below -2.5 dB every digital image is lost");
    }

    @Test
    void lowerPacrSlowsTheEdge() {
        Scenario.Builder b = small().users(1).splitPolicy("edge-only");
        double full = once(b.build()).records().get(0).l2EdgeS();
        DeviceProfile edge = DeviceProfile.bundled("rtx-a6000");
        double half = once(b.cell(new Scenario.CellSpec(new Position(250, 250), 20e6, edge,
                PacrSchedule.constant(0.5))).build()).records().get(0).l2EdgeS();
        assertEquals(0.75 + 20 * 0.2, full, 1e-9);
        assertEquals(0.75 + 20 * 0.4, half, 1e-9, "eq. 20 with ν·PACR, l unscaled");
    }

    @Test
    void aFailingComputeServiceLosesNoRecord() {
        java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
        aigcsim.core.compute.ComputeService flaky = new aigcsim.core.compute.ComputeService() {
            @Override
            public java.util.concurrent.CompletableFuture<aigcsim.core.compute.ComputeResult> submit(
                    aigcsim.core.compute.ComputeJob job) {
                return calls.incrementAndGet() % 2 == 0
                        ? java.util.concurrent.CompletableFuture.failedFuture(new IllegalStateException("worker died"))
                        : java.util.concurrent.CompletableFuture.completedFuture(
                                new aigcsim.core.compute.ComputeResult("full", 30.0, 0.9, 1.0, false, "w1", 5.0, null));
            }

            @Override
            public String fidelity() {
                return "full";
            }
        };
        RunResult run = Simulation.runReplication(small().build(), 0, flaky, Simulation.Progress.NONE);
        assertEquals(calls.get(), run.records().stream().filter(RequestRecord::delivered).count(),
                "one job per delivered request");
        assertTrue(run.records().stream().anyMatch(r -> r.quality().fidelity().equals("full failed: worker died")));
        assertTrue(run.records().stream().anyMatch(r -> r.quality().psnrDb() == 30.0));
        assertEquals(30.0, run.summary().meanPsnrDb(), 1e-12, "mean over measured requests only");
    }

    @Test
    void badInputNamesTheField() {
        var e = assertThrows(IllegalArgumentException.class, () -> small().cell(new Scenario.CellSpec(
                new Position(0, 0), -5, DeviceProfile.bundled("rtx-a6000"), PacrSchedule.FULL)).build());
        assertTrue(e.getMessage().contains("cells[0].bandwidthHz"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> small().splitPolicy("clever").build());
        assertTrue(e.getMessage().contains("splitPolicy") && e.getMessage().contains("greedy"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> small().bandwidthScheduler("fifo").build());
        assertTrue(e.getMessage().contains("bandwidthScheduler") && e.getMessage().contains("max-rate"),
                e.getMessage());
    }
}
