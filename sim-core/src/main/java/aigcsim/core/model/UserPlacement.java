package aigcsim.core.model;

import java.util.List;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * Where users start. {@code Uniform}: anywhere in the scenario area, each associating to its best cell.
 * {@code AroundCells}: user u belongs to cell u mod N and starts uniformly in a disc of {@code radiusM} around it
 * (the users-per-cell layout of multi-cell studies). Either way a request associates at its arrival with the
 * nearest (or best-SNR) cell.
 */
public sealed interface UserPlacement {
    /** The start of user {@code user}, drawn from {@code rng}, given the cells' positions and the area. */
    Position start(int user, List<Position> cells, double areaWidthM, double areaHeightM, UniformRandomProvider rng);

    record Uniform() implements UserPlacement {
        @Override
        public Position start(int user, List<Position> cells, double areaWidthM, double areaHeightM,
                UniformRandomProvider rng) {
            return new Position(rng.nextDouble() * areaWidthM, rng.nextDouble() * areaHeightM);
        }
    }

    record AroundCells(double radiusM) implements UserPlacement {
        public AroundCells {
            if (!(radiusM > 0) || !Double.isFinite(radiusM)) {
                throw new IllegalArgumentException("placement around cells needs a radius > 0 m, got " + radiusM);
            }
        }

        /** Uniform in the disc's area: r = R·√U, angle 2πU'. */
        @Override
        public Position start(int user, List<Position> cells, double areaWidthM, double areaHeightM,
                UniformRandomProvider rng) {
            Position cell = cells.get(user % cells.size());
            double r = radiusM * Math.sqrt(rng.nextDouble());
            double angle = 2 * Math.PI * rng.nextDouble();
            return new Position(cell.xM() + r * Math.cos(angle), cell.yM() + r * Math.sin(angle));
        }
    }
}
