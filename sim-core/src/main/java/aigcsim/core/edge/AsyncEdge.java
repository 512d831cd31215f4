package aigcsim.core.edge;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

import aigcsim.core.cost.CostModel;
import aigcsim.core.model.Request;
import aigcsim.core.sim.Clock;
import aigcsim.core.sim.Scenario.AsyncOrder;

/**
 * Asynchronous edge service (seed 003's MU-GSC): one queue per user (a user's requests start in order, FIFO); the
 * edge serves across users' head requests, round robin or earliest deadline first, and runs up to {@code maxBatch}
 * requests at once with continuous batching at denoising-step boundaries: requests are admitted only when an
 * iteration begins. Each iteration runs the newcomers' semantic extraction, one batched denoising step of size b
 * taking t(b) from the profile's batch curve (eq. 20 at the PACR when the iteration begins, so a PACR change applies
 * from the next step), and the decodes of finishing Edge-AIGC requests. A finished request's transmission overlaps
 * the next iterations. Down, the iteration in progress is cut off and its batch lost.
 *
 * <p>Earliest deadline first orders the heads by each request's own requirement, {@link Request#requirementDueS()}
 * (arrival + the user's L̂ of eq. 24), ties by request id; the common deadline would make it first come, first
 * served.
 *
 * <p>A request whose deadline passes leaves at once ({@link Request#release()}): from its user's queue (the
 * rotation or the heads move on), or from the batch — the iteration in progress still takes the time it was
 * scheduled for, and its slot is free for admission when the next iteration begins.
 */
public final class AsyncEdge implements EdgeScheduler {
    private final EdgeHost host;
    private final EdgeWork work;
    private final int maxBatch;
    private final AsyncOrder order;
    private final Map<Integer, ArrayDeque<Request>> userQueues = new LinkedHashMap<>();
    private final ArrayDeque<Integer> roundRobin = new ArrayDeque<>();
    private final PriorityQueue<Request> edfHeads = new PriorityQueue<>(
            Comparator.comparingDouble(Request::requirementDueS).thenComparingLong(r -> r.id));
    private final List<Running> batch = new ArrayList<>();
    private boolean iterating;
    private final double batchWaitS;
    /** The batch wait of an idle edge under way, or null. */
    private Clock.Scheduled waiting;
    private boolean down;
    private Clock.Scheduled iteration;
    private int queuedSteps;
    /** Requests in the user queues (kept with queuedSteps: asked at every arrival). */
    private int queuedCount;

    private static final class Running {
        final Request request;
        int stepsLeft;
        boolean extracted;

        Running(Request request) {
            this.request = request;
            this.stepsLeft = request.edgeSteps;
        }
    }

    /** {@code batchWaitS}: an idle edge waits this long after a request arrives before its first iteration. */
    AsyncEdge(EdgeHost host, EdgeWork work, int maxBatch, AsyncOrder order, double batchWaitS) {
        this.host = host;
        this.work = work;
        this.maxBatch = maxBatch;
        this.order = order;
        this.batchWaitS = batchWaitS;
    }

    @Override
    public void enqueue(Request r) {
        ArrayDeque<Request> q = userQueues.computeIfAbsent(r.user.id(), u -> new ArrayDeque<>());
        q.add(r);
        queuedSteps += r.edgeSteps;
        queuedCount++;
        r.enter(Request.Stage.QUEUE, () -> leaveQueue(r));
        if (q.size() == 1) {
            if (order == AsyncOrder.ROUND_ROBIN) {
                roundRobin.add(r.user.id());
            } else {
                edfHeads.add(r);
            }
        }
        if (!iterating && !down && waiting == null) {
            if (batchWaitS > 0) { // an idle edge waits for others to join the first batch, as a worker pool does
                waiting = host.clock().after(batchWaitS, () -> {
                    waiting = null;
                    if (!iterating && !down) {
                        iterate();
                    }
                });
            } else {
                iterate();
            }
        }
    }

    /** Removes a queued request, keeping the round robin and the heads consistent. */
    private void leaveQueue(Request r) {
        int user = r.user.id();
        ArrayDeque<Request> q = userQueues.get(user);
        boolean head = q.peek() == r;
        if (!q.remove(r)) {
            return;
        }
        queuedSteps -= r.edgeSteps;
        queuedCount--;
        if (order == AsyncOrder.ROUND_ROBIN) {
            if (q.isEmpty()) {
                roundRobin.remove(user);
            }
        } else if (head) {
            edfHeads.remove(r);
            if (!q.isEmpty()) {
                edfHeads.add(q.peek());
            }
        }
    }

    /** The next head-of-line request across users, or null. */
    private Request pick() {
        Request r;
        if (order == AsyncOrder.ROUND_ROBIN) {
            Integer user = roundRobin.poll();
            if (user == null) {
                return null;
            }
            ArrayDeque<Request> q = userQueues.get(user);
            r = q.poll();
            if (!q.isEmpty()) {
                roundRobin.add(user);
            }
        } else {
            r = edfHeads.poll();
            if (r == null) {
                return null;
            }
            ArrayDeque<Request> q = userQueues.get(r.user.id());
            q.poll();
            if (!q.isEmpty()) {
                edfHeads.add(q.peek());
            }
        }
        queuedSteps -= r.edgeSteps;
        queuedCount--;
        return r;
    }

    /** Admits requests up to maxBatch and runs one iteration. */
    private void iterate() {
        double now = host.clock().nowS();
        double extractionS = 0;
        while (batch.size() < maxBatch) {
            Request r = pick();
            if (r == null) {
                break;
            }
            if (host.expireIfLate(r)) {
                continue;
            }
            r.edgeStartS = now;
            Running run = new Running(r);
            batch.add(run);
            r.enter(Request.Stage.EDGE, () -> batch.remove(run));
        }
        if (batch.isEmpty()) {
            iterating = false;
            host.edgeOccupancy(0);
            return;
        }
        iterating = true;
        host.edgeOccupancy(batch.size());
        int stepping = 0;
        double factorSum = 0;
        double decodeS = 0;
        for (Running run : batch) {
            if (!run.extracted) {
                extractionS += work.extractionS(run.request);
                run.extracted = true;
            }
            if (run.stepsLeft > 0) {
                stepping++;
                factorSum += run.request.computeFactor;
                run.stepsLeft--;
            }
            if (run.stepsLeft == 0) {
                decodeS += work.decodeS(run.request);
            }
        }
        double stepS = stepping == 0 ? 0
                : CostModel.stepS(work.profile(), stepping, host.pacr()) * factorSum / stepping;
        if (stepping > 0) {
            host.stepped(stepping, 1);
        }
        iteration = host.clock().after(extractionS + stepS + decodeS, this::finishIteration);
    }

    private void finishIteration() {
        double now = host.clock().nowS();
        for (int i = 0; i < batch.size(); i++) {
            Running run = batch.get(i);
            if (run.stepsLeft == 0) {
                batch.remove(i--);
                run.request.edgeEndS = now;
                host.transmit(run.request, () -> { });
            }
        }
        iterate();
    }

    @Override
    public double[] expectedEdgeS(int totalSteps, double extractionS) {
        int ahead = batch.size() + queued();
        int concurrent = Math.min(maxBatch, ahead + 1);
        double iterationS = CostModel.stepS(work.profile(), concurrent, host.pacr());
        // requests that must leave the batch before this one gets a slot; slots free at maxBatch per mean remaining
        // steps of the requests ahead (a fluid estimate)
        int over = Math.max(0, ahead + 1 - maxBatch);
        int inBatch = 0;
        for (Running run : batch) {
            inBatch += run.stepsLeft;
        }
        double meanStepsAhead = ahead == 0 ? 0 : (queuedSteps + inBatch) / (double) ahead;
        double start = over * meanStepsAhead * iterationS / maxBatch + extractionS;
        double[] out = new double[totalSteps + 1];
        for (int a = 0; a <= totalSteps; a++) {
            out[a] = start + a * iterationS;
        }
        return out;
    }

    @Override
    public double backlogS() {
        int inBatch = 0;
        for (Running run : batch) {
            inBatch += run.stepsLeft;
        }
        int concurrent = Math.min(maxBatch, batch.size() + 1);
        double perStepPerRequest = CostModel.stepS(work.profile(), concurrent, host.pacr()) / concurrent;
        return (queuedSteps + inBatch) * perStepPerRequest;
    }

    @Override
    public int down() {
        down = true;
        if (!iterating) {
            return 0;
        }
        iteration.cancel();
        iterating = false;
        List<Request> lost = batch.stream().map(run -> run.request).toList();
        batch.clear();
        host.edgeOccupancy(0);
        lost.forEach(host::lost);
        return lost.size();
    }

    @Override
    public void up() {
        down = false;
        if (!iterating) {
            iterate();
        }
    }

    @Override
    public List<Request> takeQueued() {
        List<Request> out = new ArrayList<>();
        userQueues.values().forEach(out::addAll);
        out.sort(Comparator.comparingLong(r -> r.id));
        userQueues.clear();
        roundRobin.clear();
        edfHeads.clear();
        queuedSteps = 0;
        queuedCount = 0;
        return out;
    }

    @Override
    public int queued() {
        return queuedCount;
    }

    @Override
    public int inCompute() {
        return batch.size();
    }
}
