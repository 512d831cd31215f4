package aigcsim.scenarios.run;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import aigcsim.core.compute.ComputeJob;
import aigcsim.core.compute.ComputeResult;
import aigcsim.core.compute.ComputeService;
import aigcsim.core.metrics.RunResult;
import aigcsim.core.sim.Scenario;
import aigcsim.core.sim.Simulation;
import aigcsim.scenarios.cli.ProgressBar;
import aigcsim.worker.ClusterMember;

/**
 * Runs replications of a scenario on a compute service, with progress: a bar over the replications, and while a
 * replication waits for its real computations, a bar over those (submitted vs done). Replication r always has seed
 * scenario seed + r, whichever replications are asked for, so any subset is reproducible (common random numbers
 * across arms and probes).
 */
public final class ScenarioRunner {
    private ScenarioRunner() {
    }

    /**
     * Runs replications {@code from} .. {@code from + count − 1} on {@code jobs} threads at once, in the order of
     * their numbers whatever finishes first; the results are those of one thread (each replication has its own
     * seed and DES). Progress goes to {@code out} (null: none).
     */
    public static List<RunResult> run(Scenario scenario, ComputeService compute, int from, int count,
            String label, PrintStream out, int jobs) {
        if (jobs <= 1 || count <= 1) {
            return run(scenario, compute, from, count, label, out);
        }
        ProgressBar bar = out == null ? null : new ProgressBar(label + " replications", count, out);
        ExecutorService threads = Executors.newFixedThreadPool(Math.min(jobs, count));
        try {
            List<Future<RunResult>> futures = new ArrayList<>();
            for (int r = from; r < from + count; r++) {
                int rep = r;
                futures.add(threads.submit(() -> {
                    RunResult result = Simulation.runReplication(scenario, rep, compute, Simulation.Progress.NONE);
                    if (bar != null) {
                        bar.advance();
                    }
                    return result;
                }));
            }
            List<RunResult> runs = new ArrayList<>();
            for (Future<RunResult> f : futures) {
                runs.add(f.get());
            }
            return runs;
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running replications", e);
        } finally {
            threads.shutdownNow();
            if (bar != null) {
                bar.close();
            }
        }
    }

    /** Runs replications {@code from} .. {@code from + count − 1} one after another; progress to {@code out}. */
    public static List<RunResult> run(Scenario scenario, ComputeService compute, int from, int count,
            String label, PrintStream out) {
        Counting counting = new Counting(compute);
        List<RunResult> runs = new ArrayList<>();
        ProgressBar bar = out == null ? null : new ProgressBar(label + " replications", count, out);
        for (int r = from; r < from + count; r++) {
            long before = counting.submitted.get();
            Thread ticker = null;
            ProgressBar[] pending = new ProgressBar[1];
            long[] pendingTotal = new long[1];
            int rep = r;
            Simulation.Progress progress = (rr, f) -> {
                if (f == 1.0 && out != null && !(compute instanceof aigcsim.core.compute.AnalyticComputeService)) {
                    pendingTotal[0] = counting.submitted.get() - before;
                    pending[0] = new ProgressBar(label + " replication " + rep + " computing", pendingTotal[0], out);
                }
            };
            if (out != null && !(compute instanceof aigcsim.core.compute.AnalyticComputeService)) {
                long doneBefore = counting.done.get();
                ticker = new Thread(() -> {
                    try {
                        while (!Thread.currentThread().isInterrupted()) {
                            Thread.sleep(1000);
                            if (pending[0] != null) {
                                pending[0].step(counting.done.get() - doneBefore);
                            }
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }, "aigcsim-progress");
                ticker.setDaemon(true);
                ticker.start();
            }
            try {
                runs.add(Simulation.runReplication(scenario, r, counting, progress));
            } finally {
                if (ticker != null) {
                    ticker.interrupt();
                }
                if (pending[0] != null) {
                    pending[0].step(pendingTotal[0]);
                    pending[0].close();
                }
            }
            if (bar != null) {
                bar.step(r - from + 1);
            }
        }
        if (bar != null) {
            bar.close();
        }
        return runs;
    }

    /**
     * Runs replications {@code from} .. {@code from + count − 1} of {@code scenario} on the cluster's members, one
     * {@link ReplicationJob} each ({@link ClusterJobs}: a replication whose member leaves runs on another), and
     * returns them in the order of their numbers: the results of a local run. Progress to {@code out} (null: none).
     */
    public static List<RunResult> runOnCluster(ClusterMember member, ScenarioRef scenario, int from, int count,
            String label, PrintStream out) {
        List<ReplicationJob> jobs = new ArrayList<>();
        for (int r = from; r < from + count; r++) {
            jobs.add(new ReplicationJob(label + " replication " + r, scenario, r));
        }
        RunResult[] runs = new RunResult[count];
        ProgressBar bar = out == null ? null : new ProgressBar(label + " replications on the cluster", count, out);
        ClusterJobs.Outcome o;
        try {
            o = new ClusterJobs(member.hazelcast()).run(jobs, (job, run) -> {
                runs[job.replication() - from] = run;
                if (bar != null) {
                    bar.advance();
                }
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running replications on the cluster", e);
        } finally {
            if (bar != null) {
                bar.close();
            }
        }
        if (!o.failures().isEmpty()) {
            throw new IllegalStateException(String.join("; ", o.failures()));
        }
        if (out != null) {
            out.println(o.describe("replication(s)"));
        }
        return List.of(runs);
    }

    /** Counts the computations submitted and done, for the progress of the pending ones. */
    private static final class Counting implements ComputeService {
        private final ComputeService inner;
        private final AtomicLong submitted = new AtomicLong();
        private final AtomicLong done = new AtomicLong();

        Counting(ComputeService inner) {
            this.inner = inner;
        }

        @Override
        public CompletableFuture<ComputeResult> submit(ComputeJob job) {
            submitted.incrementAndGet();
            return inner.submit(job).whenComplete((q, e) -> done.incrementAndGet());
        }

        @Override
        public String fidelity() {
            return inner.fidelity();
        }
    }
}
