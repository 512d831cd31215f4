package aigcsim.scenarios.cli;

import aigcsim.core.sim.Scenario;

/**
 * The bundled default scenario of the README's main command: one cell (20 MHz, RTX A6000 edge), 12 users with
 * GTX 1080 Ti devices each asking one image per minute (Poisson), SNR uniform in [−6, 15] dB, delay requirements in
 * [5, 25] s, 60 s deadline, SemAIGC with the greedy split, 30 simulated minutes, 3 replications.
 */
public final class DefaultScenario {
    private DefaultScenario() {
    }

    public static Scenario build() {
        return Scenario.builder()
                .name("default")
                .seed(2026)
                .replications(3)
                .users(12)
                .durationS(1800)
                .warmupS(120)
                .build();
    }
}
