package aigcsim.core.sim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import aigcsim.core.metrics.TimelineRecord;
import aigcsim.core.quality.KnowledgeTable;
import aigcsim.core.timeline.TimelineAction;
import aigcsim.core.timeline.TimelineEvent;

/**
 * A run's timeline: schedules each scripted event as a DES event at its time (and every period after it, while
 * within the arrival window), applies its action to the model and records it. Events pending keep the run going.
 */
final class Timeline {
    private final AigcModel model;
    private final List<TimelineRecord> records = new ArrayList<>();
    private int pending;

    Timeline(AigcModel model) {
        this.model = model;
    }

    /** Schedules the scenario's events, in timeline order (which orders events at the same time). */
    void schedule() {
        for (TimelineEvent e : model.scenario().timeline()) {
            schedule(e, 0);
        }
    }

    private void schedule(TimelineEvent e, long repetition) {
        double atS = e.atS() + repetition * e.everyS();
        pending++;
        model.clock().after(atS - model.clock().nowS(), () -> {
            pending--;
            apply(e.action());
            if (e.everyS() > 0 && e.atS() + (repetition + 1) * e.everyS() <= model.scenario().durationS()) {
                schedule(e, repetition + 1);
            }
        });
    }

    /** Events scheduled and not yet applied. */
    int pending() {
        return pending;
    }

    List<TimelineRecord> records() {
        return records;
    }

    private void apply(TimelineAction a) {
        Map<String, Object> d = new LinkedHashMap<>();
        if (a instanceof TimelineAction.SetPacr x) {
            d.put("cell", cellName(x.cell()));
            d.put("pacr", x.pacr());
            cells(x.cell()).forEach(c -> c.setPacr(x.pacr()));
        } else if (a instanceof TimelineAction.SetBandwidth x) {
            d.put("cell", cellName(x.cell()));
            d.put("bandwidthHz", x.bandwidthHz());
            cells(x.cell()).forEach(c -> c.downlink.setBandwidthHz(x.bandwidthHz()));
            d.put("transmitting", cells(x.cell()).stream().mapToInt(c -> c.downlink.activeFlows()).sum());
        } else if (a instanceof TimelineAction.ScaleArrivals x) {
            d.put("fromUser", x.fromUser());
            d.put("toUser", x.toUser());
            d.put("factor", x.factor());
            d.put("users", model.scaleArrivals(x.fromUser(), x.toUser(), x.factor()));
        } else if (a instanceof TimelineAction.UsersJoin x) {
            d.put("joined", model.join(x.count()));
        } else if (a instanceof TimelineAction.UsersLeave x) {
            d.put("left", model.leave(x.count()));
        } else if (a instanceof TimelineAction.EdgeDown x) {
            d.put("cell", cellName(x.cell()));
            d.put("failed", cells(x.cell()).stream().mapToInt(CellNode::edgeDown).sum());
            d.put("queued", cells(x.cell()).stream().mapToInt(CellNode::queued).sum());
        } else if (a instanceof TimelineAction.EdgeUp x) {
            d.put("cell", cellName(x.cell()));
            d.put("queued", cells(x.cell()).stream().mapToInt(CellNode::queued).sum());
            cells(x.cell()).forEach(CellNode::edgeUp);
        } else if (a instanceof TimelineAction.KnowledgeUpdate x) {
            long bytes = KnowledgeTable.bundled().bytes(x.knowledge());
            double transferS = bytes * 8.0 / model.scenario().knowledge().backhaulBps();
            d.put("cell", cellName(x.cell()));
            d.put("knowledge", x.knowledge());
            d.put("bytes", bytes);
            d.put("transferS", transferS);
            List<Double> arrivals = new ArrayList<>();
            for (CellNode c : cells(x.cell())) {
                double at = c.sendKnowledge(transferS);
                arrivals.add(at);
                model.clock().after(at - model.clock().nowS(), () -> {
                    c.holdKnowledge(x.knowledge());
                    Map<String, Object> arrived = new LinkedHashMap<>();
                    arrived.put("cell", c.id);
                    arrived.put("knowledge", x.knowledge());
                    records.add(new TimelineRecord(model.clock().nowS(), "knowledge-arrived", arrived));
                });
            }
            d.put("arrivesAtS", arrivals.size() == 1 ? arrivals.get(0) : arrivals);
        } else if (a instanceof TimelineAction.SetSplitPolicy x) {
            d.put("policy", x.policy());
            model.splitPolicy(x.policy());
        } else if (a instanceof TimelineAction.SetEdgeMode x) {
            d.put("mode", x.mode().name().toLowerCase(Locale.ROOT));
            d.put("inEdge", model.cells().stream().mapToInt(CellNode::inEdge).sum());
            d.put("moved", model.cells().stream().mapToInt(c -> c.switchEdge(x.mode())).sum());
        } else if (a instanceof TimelineAction.Snapshot) {
            snapshot();
            return;
        } else {
            throw new IllegalStateException("no handling of timeline action " + a);
        }
        records.add(new TimelineRecord(model.clock().nowS(), a.eventName(), d));
    }

    /** The cell, or every cell for {@link TimelineAction#ALL}. */
    private List<CellNode> cells(int cell) {
        return cell == TimelineAction.ALL ? model.cells() : List.of(model.cells().get(cell));
    }

    private static Object cellName(int cell) {
        return cell == TimelineAction.ALL ? "all" : cell;
    }

    private void snapshot() {
        int[] users = model.activeUsersPerCell();
        for (CellNode c : model.cells()) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("cell", c.id);
            d.put("queued", c.queued());
            d.put("inEdge", c.inEdge());
            d.put("transmitting", c.downlink.activeFlows());
            d.put("activeUsers", users[c.id]);
            records.add(new TimelineRecord(model.clock().nowS(), "snapshot", d));
        }
    }
}
