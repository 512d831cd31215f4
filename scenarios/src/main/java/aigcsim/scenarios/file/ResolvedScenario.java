package aigcsim.scenarios.file;

import aigcsim.core.sim.Scenario;

/**
 * A scenario ready to run: the file it came from, the same scenario with every default written in (what a run
 * saves as {@code scenario.yaml}), the simulator's {@link Scenario} and the compute settings.
 */
public record ResolvedScenario(ScenarioLoader.Loaded source, ScenarioFile resolved, Scenario scenario,
        ComputeSettings compute) {
}
