package aigcsim.scenarios.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import aigcsim.core.metrics.ResultWriter;
import aigcsim.core.metrics.RunResult;
import aigcsim.core.sim.Scenario;
import aigcsim.scenarios.file.ResolvedScenario;
import aigcsim.scenarios.run.Compute;
import aigcsim.scenarios.run.ResultsFolder;
import aigcsim.scenarios.run.ScenarioRef;
import aigcsim.scenarios.run.ScenarioRunner;
import aigcsim.worker.ClusterMember;
import aigcsim.worker.ClusterOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code aigcsim run [FILE]}: runs one scenario's replications and writes its results folder. With {@code --cluster},
 * an analytic scenario's replications run on the cluster's members (this node takes {@code --jobs} of them at once);
 * a scenario that computes runs here, its model computation served by the cluster's worker nodes.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run a scenario file's replications; write scenario.yaml, requests.csv, summary.json, "
                + "timeline.csv (and pool-metrics.json) to the results folder and print a summary.")
final class RunCommand implements Callable<Integer> {
    @Mixin
    ScenarioOptions scenario;

    @Mixin
    ClusterMixin cluster;

    @Option(names = "--jobs", paramLabel = "N", description = "Replications at once (default 1; results do not "
            + "depend on it); with --cluster and fidelity analytic, the replications this node runs itself, the "
            + "members running the others.")
    int jobs = 1;

    @Override
    public Integer call() {
        if (jobs < 1) {
            throw new IllegalArgumentException("--jobs must be >= 1, got " + jobs);
        }
        ResolvedScenario r = scenario.resolve();
        Path out = scenario.out(r.scenario().name(), "");
        Scenario s = r.scenario();
        System.out.printf(Locale.ROOT, "%s: %d users, %d cell(s), %s, %s edge, split %s, %s, %.0f s x %d "
                + "replication(s), fidelity %s%n", s.name(), s.users(), s.cells().size(), s.framework().id(),
                s.edgeMode().name().toLowerCase(Locale.ROOT), s.splitPolicy(), s.bandwidthScheduler(), s.durationS(),
                s.replications(), r.compute().fidelity());
        List<RunResult> runs;
        String poolMetrics;
        ClusterOptions options = cluster.options();
        if (options != null && r.compute().analytic()) {
            // nothing to compute: the cluster's members run the replications, this node --jobs of them
            try (ClusterMember member = ClusterMember.join(options.withSimulationSlots(jobs))) {
                System.out.println("replications on the cluster's members (analytic: no model computation)");
                runs = ScenarioRunner.runOnCluster(member, ScenarioRef.of(scenario.file(), scenario.settings()), 0,
                        s.replications(), s.name(), System.err);
            }
            poolMetrics = null;
            ResultsFolder.write(out, r, runs, r.compute().fidelity(), null);
        } else {
            try (Compute compute = Compute.open(r.compute(), options)) {
                System.out.println(compute.describe());
                runs = ScenarioRunner.run(s, compute.service(), 0, s.replications(), s.name(), System.err, jobs);
                compute.close();
                poolMetrics = compute.pool() == null ? null : compute.pool().metricsJson();
                ResultsFolder.write(out, r, runs, compute.service().fidelity(), poolMetrics);
            }
        }
        System.out.println();
        System.out.println("Summary (mean ± 95 % CI half-width over replications; latency of delivered requests; "
                + "quality of computed requests; fidelity " + r.compute().fidelity() + ")");
        Tables.header(System.out, "scenario");
        Tables.summaryRow(System.out, s.name(), ResultWriter.confidenceIntervals(
                runs.stream().map(RunResult::summary).toList()));
        Tables.steadyState(System.out, s.name(), runs);
        if (poolMetrics != null) {
            System.out.println("worker pool: " + poolMetrics);
        }
        System.out.println("results: " + out);
        scenario.report(out);
        return Main.OK;
    }
}
