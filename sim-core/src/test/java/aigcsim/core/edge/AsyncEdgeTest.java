package aigcsim.core.edge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import aigcsim.core.bandwidth.ManualClock;
import aigcsim.core.cost.DeviceProfile;
import aigcsim.core.framework.Framework;
import aigcsim.core.model.LatencyRequirement;
import aigcsim.core.model.Mobility;
import aigcsim.core.model.Position;
import aigcsim.core.model.Request;
import aigcsim.core.model.User;
import aigcsim.core.random.RandomStreams;
import aigcsim.core.sim.Clock;
import aigcsim.core.sim.Scenario.AsyncOrder;

/**
 * The async edge on its own, with hand-made arrivals: one denoising step takes 1 s alone at PACR 1 (batch curve
 * linear, no extraction or decode), so step boundaries fall on whole seconds while one request computes.
 */
class AsyncEdgeTest {
    private static final DeviceProfile EDGE = DeviceProfile.measured("test-edge", "test: 1 s per step", 1e9, 1, 0.0, 1.0,
            0.0, 0.0, null);
    private static final DeviceProfile DEVICE = DeviceProfile.measured("test-device", "test", 1e9, 1, 0.0, 1.0, 0.0, 0.0,
            null);

    /** Records when each request left the edge (its transmission starts; the downlink is not modelled here). */
    private static final class Host implements EdgeHost {
        final ManualClock clock = new ManualClock();
        final List<Request> done = new ArrayList<>();
        double pacr = 1.0;

        @Override
        public Clock clock() {
            return clock;
        }

        @Override
        public double pacr() {
            return pacr;
        }

        @Override
        public boolean expireIfLate(Request r) {
            return false;
        }

        @Override
        public void lost(Request r) {
            throw new AssertionError("the edge does not go down here");
        }

        @Override
        public void transmit(Request r, Runnable afterTransmission) {
            done.add(r);
            afterTransmission.run();
        }

        @Override
        public void edgeOccupancy(int requests) {
        }
    }

    private final Host host = new Host();
    private final List<User> users = new ArrayList<>();
    private long nextId;

    private AsyncEdge edge(int maxBatch, AsyncOrder order) {
        return new AsyncEdge(host, new EdgeWork(EDGE, Framework.NON_FINE_TUNING), maxBatch, order, 0);
    }

    private User user(int id, double lowS, double highS) {
        while (users.size() <= id) {
            users.add(null);
        }
        User u = new User(id, new Position(0, 0), DEVICE, new LatencyRequirement(lowS, highS), new Mobility.Static(),
                1, 1, new RandomStreams(1));
        users.set(id, u);
        return u;
    }

    /** A request of {@code steps} edge steps arriving at {@code atS}, enqueued then. */
    private Request arrive(AsyncEdge edge, User u, double atS, int steps) {
        Request r = new Request(nextId++, u, 0, new Position(0, 0), "p", 0, atS, 60, 10, 1.0, steps);
        host.clock.at(atS, () -> edge.enqueue(r));
        return r;
    }

    private List<Long> servedOrder() {
        return host.done.stream().map(r -> r.id).toList();
    }

    @Test
    void roundRobinAlternatesAcrossUsersAndIsFifoWithinAUser() {
        AsyncEdge edge = edge(1, AsyncOrder.ROUND_ROBIN);
        User a = user(0, 5, 25);
        User b = user(1, 5, 25);
        User c = user(2, 5, 25);
        arrive(edge, a, 0, 2);      // 0: served at once
        arrive(edge, a, 0.1, 2);    // 1
        arrive(edge, a, 0.2, 2);    // 2
        arrive(edge, b, 0.3, 2);    // 3
        arrive(edge, b, 0.4, 2);    // 4
        arrive(edge, c, 0.5, 2);    // 5
        host.clock.runAll();
        // after request 0 the rotation is a, b, c, a, b, a (a re-queued behind b and c once it had more)
        assertEquals(List.of(0L, 1L, 3L, 5L, 2L, 4L), servedOrder());
        for (int i = 0; i < host.done.size(); i++) {
            assertEquals(2.0 * (i + 1), host.done.get(i).edgeEndS, 1e-12, "one after another, 2 steps each");
        }
    }

    @Test
    void earliestDeadlineFirstUsesEachRequestsOwnRequirement() {
        AsyncEdge edge = edge(1, AsyncOrder.EARLIEST_DEADLINE_FIRST);
        User busy = user(0, 5, 25);
        User patient = user(1, 5, 50);
        User hurried = user(2, 1, 10);
        arrive(edge, busy, 0, 4);         // 0: computes [0, 4]
        arrive(edge, patient, 1, 1);      // 1: due at 1 + 50 = 51
        arrive(edge, hurried, 2, 1);      // 2: due at 2 + 10 = 12, arrived later
        host.clock.runAll();
        assertEquals(List.of(0L, 2L, 1L), servedOrder(), "by arrival + L̂, not arrival + the common 60 s");
        assertEquals(5.0, host.done.get(1).edgeEndS, 1e-12);
    }

    @Test
    void earliestDeadlineFirstKeepsEachUsersRequestsInOrder() {
        AsyncEdge edge = edge(1, AsyncOrder.EARLIEST_DEADLINE_FIRST);
        User a = user(0, 5, 25);
        User b = user(1, 1, 10);
        arrive(edge, a, 0, 3);    // 0
        arrive(edge, b, 0.5, 1);  // 1: due 10.5
        arrive(edge, b, 0.6, 1);  // 2: due 10.6, behind 1
        arrive(edge, a, 0.7, 1);  // 3: due 25.7
        host.clock.runAll();
        assertEquals(List.of(0L, 1L, 2L, 3L), servedOrder());
    }

    @Test
    void admissionHappensOnlyAtStepBoundaries() {
        AsyncEdge edge = edge(4, AsyncOrder.ROUND_ROBIN);
        Request first = arrive(edge, user(0, 5, 25), 0, 5);
        Request late = arrive(edge, user(1, 5, 25), 2.5, 2);
        host.clock.runAll();
        assertEquals(0.0, first.edgeStartS);
        assertEquals(3.0, late.edgeStartS, 1e-12, "arrived within the step [2, 3]: joins the batch at 3");
        // from 3 on the batch of two steps in 2 s (linear batch curve): [3, 5], [5, 7]
        assertEquals(7.0, late.edgeEndS, 1e-12);
    }

    @Test
    void aRequestAbandonedMidBatchFreesItsSlotAtTheNextStepBoundary() {
        for (boolean abandon : List.of(false, true)) {
            host.done.clear();
            host.clock.runAll();
            AsyncEdge edge = edge(1, AsyncOrder.ROUND_ROBIN);
            Request doomed = arrive(edge, user(0, 5, 25), 0, 20);
            Request next = arrive(edge, user(1, 5, 25), 0.5, 2);
            if (abandon) {
                host.clock.at(9.5, doomed::release); // its deadline passes within the step [9, 10]
            }
            host.clock.runAll();
            if (abandon) {
                assertEquals(List.of(next), host.done, "the abandoned request never leaves the edge");
                assertEquals(10.0, next.edgeStartS, 1e-12, "admitted at the step boundary after the abandonment");
                assertEquals(12.0, next.edgeEndS, 1e-12);
                assertEquals(0, edge.inCompute());
            } else {
                assertEquals(20.0, next.edgeStartS, 1e-12, "without abandonment it waits for all 20 steps");
            }
        }
    }

    @Test
    void anAbandonedQueuedRequestLeavesItsUsersQueueAndTheRotation() {
        AsyncEdge edge = edge(1, AsyncOrder.ROUND_ROBIN);
        User a = user(0, 5, 25);
        User b = user(1, 5, 25);
        arrive(edge, a, 0, 2);                  // 0
        Request gone = arrive(edge, b, 0.1, 2); // 1: abandoned while queued
        arrive(edge, a, 0.2, 2);                // 2
        host.clock.at(1, gone::release);
        host.clock.runAll();
        assertEquals(List.of(0L, 2L), servedOrder());
        assertEquals(2.0, host.done.get(1).edgeStartS, 1e-12, "next in line at the boundary");
        assertEquals(0, edge.queued());
        assertEquals(0.0, edge.backlogS(), 1e-12, "its steps left the backlog");
    }

    @Test
    void aPacrChangeInTheMiddleOfABatchChangesTheRemainingSteps() {
        AsyncEdge edge = edge(4, AsyncOrder.ROUND_ROBIN);
        Request r = arrive(edge, user(0, 5, 25), 0, 4);
        host.clock.at(1.5, () -> host.pacr = 0.5);
        host.clock.runAll();
        // steps [0, 1], [1, 2] at PACR 1 (the second was under way at 1.5), then [2, 4], [4, 6] at half the clock
        assertEquals(6.0, r.edgeEndS, 1e-12);
        assertTrue(r.edgeEndS > 4.0);
    }
}
