package aigcsim.core.edge;

import java.util.ArrayDeque;

import aigcsim.core.model.Request;

/**
 * Serial edge service (seed 003's GSC): one FIFO per cell; the edge takes one request at a time through its edge
 * compute and its transmission before starting the next — no pipelining, no batching. With Poisson arrivals and
 * exponential compute this is an M/M/1 queue.
 */
public final class SerialEdge implements EdgeScheduler {
    private final EdgeHost host;
    private final EdgeWork work;
    private final ArrayDeque<Request> fifo = new ArrayDeque<>();
    private boolean busy;
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
        if (!busy) {
            startNext();
        }
    }

    private void startNext() {
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
            Request started = r;
            host.clock().after(d, () -> {
                started.edgeEndS = host.clock().nowS();
                host.edgeOccupancy(0);
                host.transmit(started, () -> {
                    busy = false;
                    startNext();
                });
            });
            return;
        }
        busy = false;
        queuedWorkS = 0;
    }

    @Override
    public double backlogS() {
        double now = host.clock().nowS();
        return (busy ? Math.max(0, busyUntilEstimateS - now) : 0) + Math.max(0, queuedWorkS);
    }
}
