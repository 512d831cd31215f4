package aigcsim.core.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import aigcsim.core.arrival.PoissonArrivals;
import aigcsim.core.compute.AnalyticComputeService;
import aigcsim.core.cost.DeviceProfile;
import aigcsim.core.framework.Framework;
import aigcsim.core.metrics.RequestRecord;
import aigcsim.core.metrics.RunResult;
import aigcsim.core.model.PacrSchedule;
import aigcsim.core.model.Position;

/**
 * Serial mode with Poisson arrivals and exponential edge compute is an M/M/1 queue: the mean time in system
 * (queue wait + edge compute + a zero-size transmission) must be 1/(μ − λ). μ = 1/s.
 *
 * <p>Replications: the asymptotic variance of the mean sojourn of n customers of an M/M/1 at ρ = 0.8 is about
 * 1976/(μ² n) (Daley 1968), so 1 200 000 customers give a standard error of 0.8 % of W = 5 s: the 3 % tolerance is
 * 3.7 standard errors. At ρ = 0.5 (about 29/(μ² n)), 400 000 customers give 0.43 %, 7 standard errors.
 *
 * <p>Every replication must be judged in steady state (MSER-5 and the growth test of {@code SteadyState}), with the
 * fixed warm-up and, at ρ = 0.5, with the warm-up MSER-5 chooses, which must keep the same tolerance.
 */
class MM1ValidationTest {
    @ParameterizedTest(name = "rho = {0}")
    @CsvSource({"0.5, 400000, false", "0.8, 1200000, false", "0.5, 400000, true"})
    void serialCellIsMM1(double rho, int customers, boolean warmupAuto) {
        double mu = 1.0;
        double lambda = rho * mu;
        int replications = 8;
        double perReplicationS = customers / lambda / replications;
        DeviceProfile server = DeviceProfile.measured("mm1-server", "test: one step of 1/mu s", 1e9, 1, 0.0, 1 / mu,
                0.0, 0.0, null);
        DeviceProfile device = DeviceProfile.measured("mm1-device", "test: no device work", 1e9, 1, 0.0, 1.0, 0.0, 0.0,
                null);
        Scenario s = Scenario.builder().name("mm1-" + rho).seed(42).replications(replications)
                .durationS(perReplicationS).warmupS(200 / (mu - lambda)).warmupAuto(warmupAuto)
                .cell(new Scenario.CellSpec(new Position(0, 0), 1e6, server, PacrSchedule.FULL))
                .users(1).area(1, 1).deviceProfile(device).deadlineS(1e12)
                .arrivals(new PoissonArrivals(lambda)).framework(Framework.NON_FINE_TUNING).totalSteps(1)
                .latentBits(0).edgeMode(Scenario.EdgeMode.SERIAL)
                .computeVariation(Scenario.ComputeVariation.EXPONENTIAL).build();
        List<RunResult> runs = Simulation.run(s, new AnalyticComputeService(), Simulation.Progress.NONE);
        double sum = 0;
        long n = 0;
        for (RunResult run : runs) {
            assertTrue(run.summary().steadyState(), "replication " + run.replication() + ": "
                    + run.summary().steadyStateReason());
            for (RequestRecord r : run.records()) {
                if (!r.inWarmup()) {
                    sum += r.queueWaitS() + r.l2EdgeS() + r.l1TransmissionS();
                    n++;
                }
            }
        }
        double w = 1 / (mu - lambda);
        double measured = sum / n;
        System.out.printf(java.util.Locale.ROOT, "M/M/1 rho=%.1f%s: mean time in system %.4f s over %d customers, "
                + "theory 1/(mu-lambda) = %.4f s, error %+.2f %%; warm-ups %s s%n", rho, warmupAuto ? " (MSER-5)" : "",
                measured, n, w, 100 * (measured / w - 1),
                runs.stream().map(r -> String.format(java.util.Locale.ROOT, "%.0f", r.summary().warmupS())).toList());
        assertEquals(w, measured, 0.03 * w, "mean time in system over " + n + " customers at rho=" + rho);
    }
}
