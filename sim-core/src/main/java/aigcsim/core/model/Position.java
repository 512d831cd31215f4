package aigcsim.core.model;

/** A point in the simulated plane, in metres. */
public record Position(double xM, double yM) {
    public double distanceTo(Position other) {
        return Math.hypot(xM - other.xM, yM - other.yM);
    }
}
