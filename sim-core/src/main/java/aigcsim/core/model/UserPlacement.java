package aigcsim.core.model;

/**
 * Where users start. {@code Uniform}: anywhere in the scenario area, each associating to its best cell.
 * {@code AroundCells}: user u belongs to cell u mod N and starts uniformly in a disc of {@code radiusM} around it
 * (the users-per-cell layout of multi-cell studies).
 */
public sealed interface UserPlacement {
    record Uniform() implements UserPlacement {
    }

    record AroundCells(double radiusM) implements UserPlacement {
        public AroundCells {
            if (!(radiusM > 0) || !Double.isFinite(radiusM)) {
                throw new IllegalArgumentException("placement around cells needs a radius > 0 m, got " + radiusM);
            }
        }
    }
}
