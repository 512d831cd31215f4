package aigcsim.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/** Where users start. */
class UserPlacementTest {
    private static final List<Position> CELLS = List.of(new Position(100, 100), new Position(900, 400),
            new Position(500, 800));

    @Test
    void aroundCellsPutsUserUWithinTheRadiusOfCellUModN() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(7L);
        UserPlacement p = new UserPlacement.AroundCells(50);
        int n = 30_000;
        int inner = 0;
        for (int u = 0; u < n; u++) {
            double d = p.start(u, CELLS, 1000, 1000, rng).distanceTo(CELLS.get(u % 3));
            assertTrue(d <= 50, "user " + u + " at " + d + " m from its cell");
            inner += d <= 25 ? 1 : 0;
        }
        // uniform in area: P(r <= R/2) = 1/4; binomial sd sqrt(n/4 * 3/4) = 75, tolerance 4 sd
        assertEquals(n / 4.0, inner, 300, "uniform in the disc's area, not in its radius");
    }

    @Test
    void uniformDrawsXThenYOverTheArea() {
        UniformRandomProvider a = RandomSource.XO_RO_SHI_RO_128_PP.create(3L);
        UniformRandomProvider b = RandomSource.XO_RO_SHI_RO_128_PP.create(3L);
        Position p = new UserPlacement.Uniform().start(4, CELLS, 1000, 500, a);
        assertEquals(new Position(b.nextDouble() * 1000, b.nextDouble() * 500), p);
    }
}
