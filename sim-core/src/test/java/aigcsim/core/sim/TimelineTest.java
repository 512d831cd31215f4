package aigcsim.core.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import aigcsim.core.compute.AnalyticComputeService;
import aigcsim.core.cost.DeviceProfile;
import aigcsim.core.framework.Framework;
import aigcsim.core.metrics.RequestRecord;
import aigcsim.core.metrics.ResultWriter;
import aigcsim.core.metrics.RunResult;
import aigcsim.core.metrics.TimelineRecord;
import aigcsim.core.model.PacrSchedule;
import aigcsim.core.model.Position;
import aigcsim.core.model.UserPlacement;
import aigcsim.core.timeline.TimelineAction;
import aigcsim.core.timeline.TimelineAction.EdgeDown;
import aigcsim.core.timeline.TimelineAction.EdgeUp;
import aigcsim.core.timeline.TimelineAction.ScaleArrivals;
import aigcsim.core.timeline.TimelineAction.SetBandwidth;
import aigcsim.core.timeline.TimelineAction.SetEdgeMode;
import aigcsim.core.timeline.TimelineAction.SetPacr;
import aigcsim.core.timeline.TimelineAction.SetSplitPolicy;
import aigcsim.core.timeline.TimelineAction.Snapshot;
import aigcsim.core.timeline.TimelineAction.UsersJoin;
import aigcsim.core.timeline.TimelineAction.UsersLeave;
import aigcsim.core.timeline.TimelineEvent;

/** Scripted changes during a run, each against the same scenario without them (common random numbers). */
class TimelineTest {
    private static final AnalyticComputeService ANALYTIC = new AnalyticComputeService();
    private static final double T = 300;
    private static final int ALL = TimelineAction.ALL;

    private static Scenario.Builder small() {
        return Scenario.builder().name("timeline").seed(5).users(12).durationS(900);
    }

    private static RunResult once(Scenario s) {
        return Simulation.runReplication(s, 0, ANALYTIC, Simulation.Progress.NONE);
    }

    private static TimelineEvent at(double atS, TimelineAction a) {
        return TimelineEvent.at(atS, a);
    }

    /** When the request ended, or later: failures without a delivery count as ending at their deadline. */
    private static double endedByS(RequestRecord r) {
        return r.arrivalS() + (r.delivered() ? r.latencyS() : Defaults.DEADLINE_S);
    }

    private static List<List<Object>> arrivals(RunResult run, Predicate<RequestRecord> which) {
        return run.records().stream().filter(which)
                .map(r -> List.<Object>of(r.id(), r.user(), r.arrivalS(), r.prompt(), r.seed())).toList();
    }

    private static double mean(RunResult run, Predicate<RequestRecord> which,
            java.util.function.ToDoubleFunction<RequestRecord> f) {
        return run.records().stream().filter(which).mapToDouble(f).average().orElseThrow();
    }

    private static void assertEndedBeforeUnchanged(RunResult base, RunResult changed, double t) {
        List<RequestRecord> before = base.records().stream().filter(r -> endedByS(r) < t).toList();
        assertTrue(before.size() > 20, "enough requests ended before " + t + " s: " + before.size());
        for (RequestRecord r : before) {
            assertEquals(r, changed.records().get((int) r.id()), "request " + r.id() + " ended before the change");
        }
    }

    private static List<TimelineRecord> events(RunResult run, String name) {
        return run.timeline().stream().filter(t -> t.event().equals(name)).toList();
    }

    @Test
    void aPacrDropSlowsLaterRequestsAndLeavesEarlierOnesAlone() {
        Scenario.Builder b = small().splitPolicy("edge-only").edgeMode(Scenario.EdgeMode.SERIAL);
        RunResult base = once(b.build());
        RunResult drop = once(b.event(at(T, new SetPacr(ALL, 0.25))).build());
        assertEndedBeforeUnchanged(base, drop, T);
        Predicate<RequestRecord> after = r -> r.arrivalS() > T && r.delivered();
        assertEquals(0.75 + 20 * 0.8, mean(drop, after, RequestRecord::l2EdgeS), 1e-9, "eq. 20 at PACR 0.25, serial");
        assertTrue(mean(drop, after, RequestRecord::latencyS) > mean(base, after, RequestRecord::latencyS) + 10);
        TimelineRecord t = events(drop, "set-pacr").get(0);
        assertEquals(T, t.timeS());
        assertEquals(Map.of("cell", "all", "pacr", 0.25), t.details());
    }

    @Test
    void aBandwidthDropRaisesTransmissionTimeAfterIt() {
        Scenario.Builder b = small();
        RunResult base = once(b.build());
        RunResult drop = once(b.event(at(T, new SetBandwidth(0, 1e6))).build());
        assertEndedBeforeUnchanged(base, drop, T);
        Predicate<RequestRecord> after = r -> r.arrivalS() > T && r.delivered();
        double l1Base = mean(base, after, RequestRecord::l1TransmissionS);
        double l1Drop = mean(drop, after, RequestRecord::l1TransmissionS);
        assertTrue(l1Drop > 5 * l1Base, "L1 " + l1Drop + " s at 1 MHz vs " + l1Base + " s at 20 MHz");
    }

    @Test
    void aFlashCrowdQuadruplesArrivalsAfterItAndKeepsThoseBefore() {
        int users = 40;
        Scenario.Builder b = small().users(users).framework(Framework.LOCAL_AIGC);
        RunResult base = once(b.build());
        RunResult crowd = once(b.event(at(T, new ScaleArrivals(0, users - 1, 4))).build());
        assertEquals(arrivals(base, r -> r.arrivalS() < T), arrivals(crowd, r -> r.arrivalS() < T));
        // after T the users' Poisson(1/60 s) clocks run 4x: the count is Poisson with mean 40/60 * 4 * 600 = 1600,
        // sd 40; 4 sd = 160 (and the seed is fixed, so this is not flaky)
        long n = crowd.records().stream().filter(r -> r.arrivalS() >= T).count();
        assertEquals(1600, n, 160);
        long nBase = base.records().stream().filter(r -> r.arrivalS() >= T).count();
        assertEquals(4.0, n / (double) nBase, 0.9, "about 4x the run without the event (" + nBase + ")");
        assertEquals(users, events(crowd, "scale-arrivals").get(0).details().get("users"));
    }

    @Test
    void factorZeroPausesTheArrivalClockAndFactorOneResumesIt() {
        Scenario.Builder b = small().framework(Framework.LOCAL_AIGC);
        RunResult base = once(b.build());
        RunResult paused = once(b.event(at(T, new ScaleArrivals(0, 11, 0)))
                .event(at(2 * T, new ScaleArrivals(0, 11, 1))).build());
        assertTrue(paused.records().stream().noneMatch(r -> r.arrivalS() > T && r.arrivalS() < 2 * T));
        // operational time stood still from T to 2T: the arrivals after 2T are those of (T, 2T] one T later
        List<RequestRecord> shifted = base.records().stream().filter(r -> r.arrivalS() > T && r.arrivalS() <= 2 * T)
                .toList();
        List<RequestRecord> resumed = paused.records().stream().filter(r -> r.arrivalS() > 2 * T).toList();
        assertFalse(shifted.isEmpty());
        assertEquals(shifted.size(), resumed.size());
        for (int i = 0; i < shifted.size(); i++) {
            assertEquals(shifted.get(i).user(), resumed.get(i).user());
            assertEquals(shifted.get(i).arrivalS() + T, resumed.get(i).arrivalS(), 1e-9);
            assertEquals(shifted.get(i).prompt(), resumed.get(i).prompt());
        }
    }

    @Test
    void joinedUsersAskOnlyAfterJoining() {
        Scenario.Builder b = small().users(6);
        RunResult base = once(b.build());
        RunResult joined = once(b.event(at(T, new UsersJoin(4))).build());
        List<RequestRecord> newcomers = joined.records().stream().filter(r -> r.user() >= 6).toList();
        assertTrue(newcomers.size() > 10, "4 users at 1/min for 600 s: " + newcomers.size());
        assertTrue(newcomers.stream().allMatch(r -> r.arrivalS() >= T));
        assertEquals(List.of(6, 7, 8, 9), newcomers.stream().map(RequestRecord::user).distinct().sorted().toList());
        assertEquals(arrivals(base, r -> r.arrivalS() < T), arrivals(joined, r -> r.arrivalS() < T));
        assertEquals(base.records().stream().filter(r -> r.user() < 6).map(RequestRecord::arrivalS).toList(),
                joined.records().stream().filter(r -> r.user() < 6).map(RequestRecord::arrivalS).toList(),
                "the others ask as before");
        assertEquals(List.of(6, 7, 8, 9), events(joined, "users-join").get(0).details().get("joined"));
    }

    @Test
    void leftUsersStopAskingMostRecentlyJoinedFirst() {
        RunResult run = once(small().users(10).event(at(100, new UsersJoin(2)))
                .event(at(T, new UsersLeave(3))).build());
        assertEquals(List.of(11, 10, 9), events(run, "users-leave").get(0).details().get("left"));
        Map<Integer, List<RequestRecord>> byUser = run.records().stream()
                .collect(Collectors.groupingBy(RequestRecord::user));
        for (int u : List.of(9, 10, 11)) {
            assertTrue(byUser.get(u).stream().allMatch(r -> r.arrivalS() < T), "user " + u + " left at T");
            assertFalse(byUser.get(u).isEmpty());
        }
        for (int u = 0; u < 9; u++) {
            assertTrue(byUser.get(u).stream().anyMatch(r -> r.arrivalS() > T), "user " + u + " still asks");
        }
        assertTrue(run.records().stream().allMatch(r -> !r.failed() || r.failure().equals("DEADLINE")),
                "the left users' requests are served to the end");
    }

    @Test
    void anEdgeDownFailsItsComputeKeepsItsQueueAndServesItAfterUp() {
        for (Scenario.EdgeMode mode : Scenario.EdgeMode.values()) {
            double up = T + 60;
            RunResult run = once(small().users(20).splitPolicy("edge-only").edgeMode(mode)
                    .event(at(T, new Snapshot())).event(at(T, new EdgeDown(0)))
                    .event(new TimelineEvent(T + 1, 1, new Snapshot())).event(at(up, new EdgeUp(0))).build());
            TimelineRecord before = events(run, "snapshot").get(0);
            TimelineRecord down = events(run, "edge-down").get(0);
            int failed = (int) down.details().get("failed");
            assertTrue(failed >= 1, mode + ": the edge was computing at T");
            assertEquals(before.details().get("inEdge"), failed, mode + ": every request in edge compute failed");
            assertEquals(before.details().get("queued"), down.details().get("queued"), mode + ": the queue stays");
            List<RequestRecord> lost = run.records().stream().filter(r -> r.failure().equals("EDGE_DOWN")).toList();
            assertEquals(failed, lost.size());
            assertEquals(failed, run.summary().failedEdgeDown());
            assertTrue(lost.stream().allMatch(r -> r.arrivalS() <= T && !r.delivered()));
            // edge compute takes >= 4.75 s: snapshots every second would see any that ran while down
            List<TimelineRecord> whileDown = events(run, "snapshot").stream()
                    .filter(t -> t.timeS() > T && t.timeS() < up).toList();
            assertEquals(59, whileDown.size());
            assertTrue(whileDown.stream().allMatch(t -> (int) t.details().get("inEdge") == 0), mode + ": idle");
            int queuedAtUp = (int) events(run, "edge-up").get(0).details().get("queued");
            assertTrue(queuedAtUp > 0, mode + ": requests queued while down");
            List<RequestRecord> arrivedWhileDown = run.records().stream()
                    .filter(r -> r.arrivalS() > T && r.arrivalS() < up).toList();
            assertTrue(arrivedWhileDown.stream().anyMatch(RequestRecord::delivered));
            assertTrue(arrivedWhileDown.stream().filter(RequestRecord::delivered)
                    .allMatch(r -> r.arrivalS() + r.queueWaitS() >= up), mode + ": served after up");
        }
    }

    @Test
    void switchingEdgeModeMidRunLosesAndRepeatsNoRequest() {
        Scenario.Builder b = small().users(30).splitPolicy("edge-only").edgeMode(Scenario.EdgeMode.SERIAL);
        RunResult base = once(b.build());
        RunResult switched = once(b.event(at(T, new SetEdgeMode(Scenario.EdgeMode.ASYNC)))
                .event(at(2 * T, new SetEdgeMode(Scenario.EdgeMode.SERIAL))).build());
        assertEquals(arrivals(base, r -> true), arrivals(switched, r -> true), "every arrival ended once");
        List<RequestRecord> rs = switched.records().list();
        for (int i = 0; i < rs.size(); i++) {
            assertEquals(i, rs.get(i).id());
            assertTrue(rs.get(i).failure().equals("NONE") || rs.get(i).failure().equals("DEADLINE"));
        }
        TimelineRecord toAsync = events(switched, "set-edge-mode").get(0);
        assertEquals(1, toAsync.details().get("inEdge"), "the serial edge was computing one request");
        assertTrue((int) toAsync.details().get("moved") > 5, "the overloaded serial queue moved: " + toAsync);
        long servedBase = base.records().stream().filter(r -> !r.failed()).count();
        long servedSwitched = rs.stream().filter(r -> !r.failed()).count();
        assertTrue(servedSwitched > servedBase, "async batching for a third of the run serves more");
    }

    @Test
    void aSplitPolicyChangeAppliesToRequestsArrivingAfterIt() {
        Scenario.Builder b = small();
        RunResult base = once(b.build());
        RunResult changed = once(b.event(at(T, new SetSplitPolicy("fixed:5"))).build());
        List<Integer> stepsBefore = base.records().stream().filter(r -> r.arrivalS() < T)
                .map(RequestRecord::edgeSteps).toList();
        assertTrue(stepsBefore.stream().anyMatch(a -> a != 5), "greedy does not pick a = 5 throughout");
        assertEquals(stepsBefore, changed.records().stream().filter(r -> r.arrivalS() < T)
                .map(RequestRecord::edgeSteps).toList());
        assertTrue(changed.records().stream().filter(r -> r.arrivalS() >= T).allMatch(r -> r.edgeSteps() == 5));
    }

    @Test
    void snapshotsEverySixtySecondsGiveOneRowPerCellAndTime(@TempDir Path dir) throws Exception {
        DeviceProfile edge = DeviceProfile.bundled("rtx-a6000");
        RunResult run = once(small().durationS(600).area(1000, 500)
                .cell(new Scenario.CellSpec(new Position(250, 250), 20e6, edge, PacrSchedule.FULL))
                .cell(new Scenario.CellSpec(new Position(750, 250), 20e6, edge, PacrSchedule.FULL))
                .event(new TimelineEvent(60, 60, new Snapshot())).build());
        List<TimelineRecord> rows = events(run, "snapshot");
        assertEquals(10 * 2, rows.size(), "60, 120, ..., 600 s for each of 2 cells");
        assertEquals(rows, run.timeline());
        for (int k = 0; k < 10; k++) {
            assertEquals(60.0 * (k + 1), rows.get(2 * k).timeS());
            assertEquals(List.of("cell", "queued", "inEdge", "transmitting", "activeUsers"),
                    List.copyOf(rows.get(2 * k).details().keySet()));
            assertEquals(12, (int) rows.get(2 * k).details().get("activeUsers")
                    + (int) rows.get(2 * k + 1).details().get("activeUsers"), "every user is near one cell");
        }
        Path csv = dir.resolve("timeline.csv");
        ResultWriter.writeTimelineCsv(csv, List.of(run));
        List<String> lines = Files.readAllLines(csv);
        assertEquals(1 + 20, lines.size());
        assertEquals("replication,timeS,event,details", lines.get(0));
        assertTrue(lines.get(1).matches("0,60\\.0,snapshot,\"cell=0;queued=\\d+;inEdge=\\d+;transmitting=\\d+;"
                + "activeUsers=\\d+\""), lines.get(1));
    }

    @Test
    void aroundCellsKeepsEachUserNearItsCell() {
        DeviceProfile edge = DeviceProfile.bundled("rtx-a6000");
        RunResult run = once(small().area(2000, 500).placement(new UserPlacement.AroundCells(100))
                .cell(new Scenario.CellSpec(new Position(250, 250), 20e6, edge, PacrSchedule.FULL))
                .cell(new Scenario.CellSpec(new Position(1750, 250), 20e6, edge, PacrSchedule.FULL)).build());
        assertFalse(run.records().isEmpty());
        assertTrue(run.records().stream().allMatch(r -> r.cell() == r.user() % 2),
                "a user within 100 m of its cell associates with it, 1500 m from the other");
    }

    @Test
    void aTimelineRunIsDeterministic() {
        Scenario s = small().users(20).splitPolicy("edge-only")
                .event(at(100, new UsersJoin(3))).event(new TimelineEvent(120, 90, new ScaleArrivals(0, 5, 2)))
                .event(at(200, new SetEdgeMode(Scenario.EdgeMode.SERIAL))).event(at(250, new EdgeDown(ALL)))
                .event(at(280, new EdgeUp(ALL))).event(at(400, new SetBandwidth(ALL, 5e6)))
                .event(at(500, new UsersLeave(4))).event(new TimelineEvent(0, 100, new Snapshot())).build();
        RunResult a = once(s);
        RunResult b = once(s);
        assertEquals(a.records().list(), b.records().list());
        assertEquals(a.timeline(), b.timeline());
        assertEquals(List.of("snapshot", "users-join", "scale-arrivals", "set-edge-mode", "edge-down", "edge-up",
                "set-bandwidth", "users-leave"), a.timeline().stream().map(TimelineRecord::event).distinct().toList());
    }
}
