package aigcsim.core.model;

/**
 * How a user moves. {@code Static}: at its initial position. {@code RandomWaypoint}: picks a uniform destination in
 * the area, walks there at a uniform speed in [minSpeed, maxSpeed], pauses, repeats.
 */
public sealed interface Mobility {
    record Static() implements Mobility {
    }

    record RandomWaypoint(double minSpeedMps, double maxSpeedMps, double pauseS) implements Mobility {
        public RandomWaypoint {
            if (!(minSpeedMps > 0) || !(maxSpeedMps >= minSpeedMps) || !(pauseS >= 0)) {
                throw new IllegalArgumentException("random waypoint needs 0 < minSpeed <= maxSpeed and pause >= 0, "
                        + "got " + minSpeedMps + ", " + maxSpeedMps + ", " + pauseS);
            }
        }
    }
}
