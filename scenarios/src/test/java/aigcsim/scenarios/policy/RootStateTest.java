package aigcsim.scenarios.policy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import aigcsim.core.cost.DeviceProfile;
import aigcsim.core.model.LatencyRequirement;
import aigcsim.core.policy.SplitState;

/** ROOT's state vectors, feature by feature, against hand-scaled values. */
class RootStateTest {
    private static final DeviceProfile EDGE = DeviceProfile.bundled("rtx-a6000");
    private static final DeviceProfile DEVICE = DeviceProfile.bundled("gtx-1080ti");

    /** A request at 5 dB, PACR 0.5, 10 MHz expected, requirement [5, 25] s, 4 queued and 2 in an edge batch of 8. */
    private static SplitState state() {
        return new SplitState(EDGE.cyclesPerStep(), DEVICE.cyclesPerStep(), 5.0, 0.5 * EDGE.clockHz(),
                DEVICE.clockHz(), 10e6, new LatencyRequirement(5, 25), 20, 1e5, 3.0, 2.5, 0.5, EDGE, DEVICE, 4, 2,
                new double[21], 0, 7, 0, 12.0, 8);
    }

    @Test
    void thePapersSevenFeatures() {
        float[] x = RootState.PAPER.encode(state());
        // W of the edge is the reference; the device's density equals it (same SD workload); 1.32 GHz / 1.455 GHz
        assertArrayEquals(new float[] {1f, (float) (DEVICE.cyclesPerStep() / EDGE.cyclesPerStep()), 0.5f, 0.5f,
            (float) (1.32e9 / 1.455e9), 0.5f, 15f / 25f}, x, 1e-6f);
        assertEquals(7, RootState.PAPER.size());
        assertEquals(RootState.PAPER.size(), RootState.PAPER.features().size());
    }

    @Test
    void theExtendedStateAddsTheRequirementsWidthAndTheLoad() {
        float[] x = RootState.EXTENDED.encode(state());
        assertEquals(11, x.length);
        assertArrayEquals(RootState.PAPER.encode(state()), java.util.Arrays.copyOf(x, 7), 0f);
        // half-width 10 s / 25 s; 4 queued / 8; 2 in compute / 8; 2.5 s of device backlog / 10 s
        assertArrayEquals(new float[] {0.4f, 0.5f, 0.25f, 0.25f}, java.util.Arrays.copyOfRange(x, 7, 11), 1e-6f);
    }

    @Test
    void namesRoundTripAndAnUnknownNameListsTheKnownOnes() {
        for (RootState s : RootState.values()) {
            assertEquals(s, RootState.of(s.id()));
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RootState.of("full"));
        assertTrue(e.getMessage().contains("paper") && e.getMessage().contains("extended"), e.getMessage());
    }
}
