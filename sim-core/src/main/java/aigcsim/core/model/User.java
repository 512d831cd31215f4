package aigcsim.core.model;

import aigcsim.core.cost.DeviceProfile;
import aigcsim.core.random.RandomStreams;

/**
 * A wireless user: its device compute profile, its delay requirement [Ľ, L̂] and where it is. Random-waypoint
 * legs are keyed draws per user, so its track is the same whenever the model asks.
 */
public final class User {
    private final int id;
    private final DeviceProfile device;
    private final LatencyRequirement requirement;
    private final Mobility mobility;
    private final double areaWidthM;
    private final double areaHeightM;
    private final RandomStreams streams;

    private Position legFrom;
    private Position legTo;
    private double legStartS;
    private double legArriveS;
    private double legEndS;
    private long legIndex;

    public User(int id, Position start, DeviceProfile device, LatencyRequirement requirement, Mobility mobility,
            double areaWidthM, double areaHeightM, RandomStreams streams) {
        this.id = id;
        this.device = device;
        this.requirement = requirement;
        this.mobility = mobility;
        this.areaWidthM = areaWidthM;
        this.areaHeightM = areaHeightM;
        this.streams = streams;
        this.legFrom = start;
        this.legTo = start;
        this.legStartS = 0;
        this.legArriveS = 0;
        this.legEndS = mobility instanceof Mobility.Static ? Double.POSITIVE_INFINITY : 0;
    }

    public int id() {
        return id;
    }

    public DeviceProfile device() {
        return device;
    }

    public LatencyRequirement requirement() {
        return requirement;
    }

    /** The position at {@code timeS}; times must not go backwards by more than the current leg. */
    public Position positionAt(double timeS) {
        while (timeS >= legEndS) {
            nextLeg();
        }
        if (timeS >= legArriveS || legArriveS == legStartS) {
            return legTo;
        }
        double f = (timeS - legStartS) / (legArriveS - legStartS);
        return new Position(legFrom.xM() + f * (legTo.xM() - legFrom.xM()),
                legFrom.yM() + f * (legTo.yM() - legFrom.yM()));
    }

    private void nextLeg() {
        Mobility.RandomWaypoint rw = (Mobility.RandomWaypoint) mobility;
        String stream = RandomStreams.USERS + "/waypoint";
        legFrom = legTo;
        legTo = new Position(streams.uniform(stream, id, 3 * legIndex) * areaWidthM,
                streams.uniform(stream, id, 3 * legIndex + 1) * areaHeightM);
        double speed = rw.minSpeedMps() + (rw.maxSpeedMps() - rw.minSpeedMps())
                * streams.uniform(stream, id, 3 * legIndex + 2);
        legIndex++;
        legStartS = legEndS;
        legArriveS = legStartS + legFrom.distanceTo(legTo) / speed;
        legEndS = legArriveS + rw.pauseS();
    }
}
