package aigcsim.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import aigcsim.core.cost.DeviceProfile;
import aigcsim.core.random.RandomStreams;

class UserTest {
    private static final DeviceProfile DEVICE = DeviceProfile.bundled("gtx-1080ti");
    private static final LatencyRequirement REQ = new LatencyRequirement(5, 25);
    private static final double W = 1000;
    private static final double H = 500;
    private static final Mobility.RandomWaypoint RWP = new Mobility.RandomWaypoint(1.0, 5.0, 2.0);

    private static User walker(int id, long seed) {
        return new User(id, new Position(100, 200), DEVICE, REQ, RWP, W, H, new RandomStreams(seed));
    }

    @Test
    void accessors() {
        User u = walker(7, 1);
        assertEquals(7, u.id(), "id");
        assertSame(DEVICE, u.device(), "device");
        assertEquals(REQ, u.requirement(), "requirement");
    }

    @Test
    void staticUserStaysPut() {
        Position start = new Position(123.5, 456.25);
        User u = new User(0, start, DEVICE, REQ, new Mobility.Static(), W, H, new RandomStreams(3));
        for (double t : new double[] {0, 0.1, 10, 3600, 1e7}) {
            assertEquals(start, u.positionAt(t), "static user at t=" + t);
        }
    }

    @Test
    void randomWaypointStartsAtStartMovesContinuouslyInsideArea() {
        User u = walker(3, 11);
        assertEquals(new Position(100, 200), u.positionAt(0), "at its start position at t=0");
        double dt = 0.1;
        Position prev = u.positionAt(0);
        double travelled = 0;
        int paused = 0;
        for (int i = 1; i <= 20000; i++) {
            Position p = u.positionAt(i * dt);
            assertTrue(p.xM() >= 0 && p.xM() <= W && p.yM() >= 0 && p.yM() <= H,
                    "inside the 1000 x 500 m area at t=" + i * dt + ": " + p);
            double step = p.distanceTo(prev);
            assertTrue(step <= RWP.maxSpeedMps() * dt + 1e-9,
                    "continuous: moved " + step + " m in 0.1 s at t=" + i * dt + " (max 0.5 m)");
            if (step == 0) {
                paused++;
            }
            travelled += step;
            prev = p;
        }
        // 2000 s at 1..5 m/s with 2 s pauses: well over 1 km
        assertTrue(travelled > 1000, "the user moves: travelled " + travelled + " m in 2000 s");
        assertTrue(travelled <= RWP.maxSpeedMps() * 2000 + 1e-6, "never faster than max speed");
        assertTrue(paused > 0, "pauses at waypoints");
        assertNotEquals(new Position(100, 200), u.positionAt(2000.05), "moved away from the start");
    }

    @Test
    void sameSeedSamePositions() {
        User a = walker(2, 99);
        User b = walker(2, 99);
        User c = walker(2, 100);
        User d = walker(5, 99);
        int differSeed = 0;
        int differUser = 0;
        for (int i = 1; i <= 500; i++) {
            double t = i * 1.7;
            Position pa = a.positionAt(t);
            assertEquals(pa, b.positionAt(t), "same seed and id, t=" + t);
            if (!pa.equals(c.positionAt(t))) {
                differSeed++;
            }
            if (!pa.equals(d.positionAt(t))) {
                differUser++;
            }
        }
        assertTrue(differSeed > 450, "another seed gives another track (" + differSeed + "/500 differ)");
        assertTrue(differUser > 450, "another user id gives another track (" + differUser + "/500 differ)");
    }

    @Test
    void samplingGranularityDoesNotChangeTrack() {
        User coarse = walker(4, 8);
        User fine = walker(4, 8);
        for (int i = 1; i <= 100; i++) {
            double t = i * 10.0;
            for (int j = 1; j <= 100; j++) {
                fine.positionAt(t - 10.0 + j * 0.1);
            }
            Position p = coarse.positionAt(t);
            Position q = fine.positionAt(t);
            assertEquals(p.xM(), q.xM(), 1e-9, "x at t=" + t + " (tol 1e-9 m)");
            assertEquals(p.yM(), q.yM(), 1e-9, "y at t=" + t + " (tol 1e-9 m)");
        }
    }

    @Test
    void invalidRandomWaypoint() {
        assertThrows(IllegalArgumentException.class, () -> new Mobility.RandomWaypoint(0, 1, 0), "min speed 0");
        assertThrows(IllegalArgumentException.class, () -> new Mobility.RandomWaypoint(2, 1, 0), "max < min");
        assertThrows(IllegalArgumentException.class, () -> new Mobility.RandomWaypoint(1, 2, -1), "negative pause");
    }

    @Test
    void positionDistance() {
        assertEquals(5.0, new Position(0, 0).distanceTo(new Position(3, 4)), 1e-12, "3-4-5 (tol 1e-12)");
    }
}
