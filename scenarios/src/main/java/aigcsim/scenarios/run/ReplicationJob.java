package aigcsim.scenarios.run;

import aigcsim.core.metrics.RunResult;
import aigcsim.core.sim.Simulation;
import aigcsim.scenarios.file.ResolvedScenario;

/**
 * One replication of a scenario as a job for a cluster member: the member resolves the scenario, runs replication
 * {@code replication} (seed = scenario seed + replication, as everywhere) on its own compute service, and returns
 * the run.
 */
public record ReplicationJob(String label, ScenarioRef scenario, int replication) implements ClusterJob<RunResult> {
    private static final long serialVersionUID = 1L;

    @Override
    public RunResult call() {
        ResolvedScenario r = scenario.resolve();
        try (Compute compute = Compute.open(r.compute(), null)) {
            return Simulation.runReplication(r.scenario(), replication, compute.service(), Simulation.Progress.NONE);
        }
    }
}
