package aigcsim.core.timeline;

import java.util.Locale;

import aigcsim.core.sim.Scenario.EdgeMode;

/**
 * A change a scenario scripts at a simulated time ({@link TimelineEvent}). Cells and users are the scenario's
 * indices; {@link #ALL} (−1) names every cell.
 */
public sealed interface TimelineAction {
    /** Stands for every cell. */
    int ALL = -1;

    /** The action's name in results: its type in kebab case ({@code SetPacr}: {@code set-pacr}). */
    default String eventName() {
        return getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    /** The cell's edge server has {@code pacr} of its computing resources from now on (seed 001, Fig. 8). */
    record SetPacr(int cell, double pacr) implements TimelineAction {
    }

    /** The cell's downlink band is {@code bandwidthHz} from now on; flows in progress are re-shared at once. */
    record SetBandwidth(int cell, double bandwidthHz) implements TimelineAction {
    }

    /**
     * Users {@code fromUser}..{@code toUser} (inclusive) ask {@code factor} times as often as the scenario's arrival
     * process says, from now on (a flash crowd, factor &gt; 1; a lull, factor &lt; 1; 0 stops them). The factor
     * replaces an earlier one; it speeds up the users' arrival clock, so the arrivals before the change are the same
     * as without it. A replayed trace is time-changed the same way: its times are the users' operational time.
     * Users that have not joined (or have left) by then are not affected.
     */
    record ScaleArrivals(int fromUser, int toUser, double factor) implements TimelineAction {
    }

    /** {@code count} new users join, placed and profiled as the scenario's users, with the next free indices. */
    record UsersJoin(int count) implements TimelineAction {
    }

    /**
     * The {@code count} most recently joined active users leave: they ask nothing more; their requests already
     * asked are served to the end.
     */
    record UsersLeave(int count) implements TimelineAction {
    }

    /**
     * The cell's edge server goes down: the requests in its edge compute fail (failure {@code EDGE_DOWN}), its queue
     * is kept and waits (deadlines still run: a request found expired when the edge next looks fails then), new
     * arrivals queue, transmissions already on the air continue. An edge never brought back up leaves its queue
     * unserved, and the run then ends with requests still in the system: script an {@link EdgeUp}.
     */
    record EdgeDown(int cell) implements TimelineAction {
    }

    /** The cell's edge server is back and serves its queue. */
    record EdgeUp(int cell) implements TimelineAction {
    }

    /** Requests arriving from now on are split by this policy (a name of {@code SplitPolicy.of}). */
    record SetSplitPolicy(String policy) implements TimelineAction {
    }

    /**
     * Every cell's edge serves in this mode from now on: requests still queued move to the new scheduler in arrival
     * order; the new one starts once the requests in the old one's edge compute have finished.
     */
    record SetEdgeMode(EdgeMode mode) implements TimelineAction {
    }

    /**
     * The cloud sends the knowledge-alignment package {@code knowledge} (a package of the knowledge table, e.g.
     * {@code cala}) to the cell's edge over the scenario's backhaul: it arrives size·8 / rate later, after any
     * package still on its way to the cell, and from then on the cell's JSCC codec holds that knowledge (the
     * requests it transmits from then have the package's quality).
     */
    record KnowledgeUpdate(int cell, String knowledge) implements TimelineAction {
    }

    /** Records each cell's queue, edge compute and transmissions in progress, and the active users. */
    record Snapshot() implements TimelineAction {
    }
}
