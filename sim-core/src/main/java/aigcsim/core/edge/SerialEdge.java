package aigcsim.core.edge;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

import aigcsim.core.cost.CostModel;
import aigcsim.core.model.Request;
import aigcsim.core.sim.Clock;

/**
 * Serial edge service (seed 003's GSC): one FIFO per cell; the edge takes one request at a time through its edge
 * compute and its transmission before starting the next — no pipelining, no batching. With Poisson arrivals and
 * exponential compute this is an M/M/1 queue. Down, it loses the request in compute; one already transmitting
 * finishes its transmission, and the next starts after {@link #up()}. A request whose deadline passes
 * ({@link Request#release()}) leaves the FIFO, or stops its compute and frees the edge for the next at once; one
 * abandoned on the downlink frees the edge when its flow ends.
 */
public final class SerialEdge implements EdgeScheduler {
    private final EdgeHost host;
    private final EdgeWork work;
    private final ArrayDeque<Request> fifo = new ArrayDeque<>();
    private boolean busy;
    private boolean down;
    private Request computing;
    private Clock.Scheduled computeEnd;
    private double queuedWorkS;
    private double busyUntilEstimateS;

    SerialEdge(EdgeHost host, EdgeWork work) {
        this.host = host;
        this.work = work;
    }

    @Override
    public void enqueue(Request r) {
        fifo.add(r);
        queuedWorkS += work.aloneS(r, host.pacr());
        r.enter(Request.Stage.QUEUE, () -> {
            if (fifo.remove(r)) {
                queuedWorkS = fifo.isEmpty() ? 0 : queuedWorkS - work.aloneS(r, host.pacr());
            }
        });
        if (!busy) {
            startNext();
        }
    }

    private void startNext() {
        busy = false;
        if (down) {
            return;
        }
        Request r;
        while ((r = fifo.poll()) != null) {
            double pacr = host.pacr();
            queuedWorkS -= work.aloneS(r, pacr);
            if (host.expireIfLate(r)) {
                continue;
            }
            busy = true;
            host.edgeOccupancy(1);
            double now = host.clock().nowS();
            r.edgeStartS = now;
            double d = work.aloneS(r, pacr);
            busyUntilEstimateS = now + d;
            computing = r;
            computeEnd = host.clock().after(d, this::computeDone);
            r.enter(Request.Stage.EDGE, this::stopCompute);
            return;
        }
        queuedWorkS = 0;
    }

    /** The request in compute is abandoned: the computation stops and the edge takes the next request. */
    private void stopCompute() {
        computeEnd.cancel();
        computing = null;
        host.edgeOccupancy(0);
        startNext();
    }

    private void computeDone() {
        Request r = computing;
        computing = null;
        r.edgeEndS = host.clock().nowS();
        host.edgeOccupancy(0);
        host.stepped(1, r.edgeSteps);
        host.transmit(r, this::startNext);
    }

    @Override
    public double[] expectedEdgeS(int totalSteps, double extractionS) {
        double start = backlogS() + extractionS;
        double stepS = CostModel.stepS(work.profile(), 1, host.pacr());
        double[] out = new double[totalSteps + 1];
        for (int a = 0; a <= totalSteps; a++) {
            out[a] = start + a * stepS;
        }
        return out;
    }

    @Override
    public double backlogS() {
        double now = host.clock().nowS();
        return (busy ? Math.max(0, busyUntilEstimateS - now) : 0) + Math.max(0, queuedWorkS);
    }

    @Override
    public int down() {
        down = true;
        if (computing == null) {
            return 0;
        }
        computeEnd.cancel();
        Request r = computing;
        computing = null;
        busy = false;
        host.edgeOccupancy(0);
        host.lost(r);
        return 1;
    }

    @Override
    public void up() {
        down = false;
        if (!busy) {
            startNext();
        }
    }

    @Override
    public List<Request> takeQueued() {
        List<Request> out = new ArrayList<>(fifo);
        fifo.clear();
        queuedWorkS = 0;
        return out;
    }

    @Override
    public int queued() {
        return fifo.size();
    }

    @Override
    public int inCompute() {
        return computing == null ? 0 : 1;
    }
}
