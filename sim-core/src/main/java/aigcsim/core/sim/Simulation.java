package aigcsim.core.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.DoubleStream;

import javax.naming.NamingException;

import ch.qos.logback.classic.Level;
import aigcsim.core.compute.ComputeService;
import aigcsim.core.metrics.Records;
import aigcsim.core.metrics.RequestRecord;
import aigcsim.core.metrics.RunResult;
import aigcsim.core.metrics.RunSummary;
import aigcsim.core.metrics.SteadyState;
import org.djutils.event.LocalEventProducer;
import org.djutils.event.reference.ReferenceType;

import nl.tudelft.simulation.dsol.experiment.Replication;
import nl.tudelft.simulation.dsol.experiment.SingleReplication;
import nl.tudelft.simulation.dsol.simulators.DevsSimulator;
import nl.tudelft.simulation.dsol.simulators.ErrorStrategy;
import nl.tudelft.simulation.dsol.simulators.RunState;
import nl.tudelft.simulation.naming.context.util.ContextUtil;
import nl.tudelft.simulation.naming.context.event.InitialEventContext;

/**
 * Runs scenarios on DSOL: one {@code DevsSimulator} per replication, replication r seeded with scenario seed + r,
 * the error strategy set to end the run on an exception (DSOL's default pauses, which hangs a batch run), and the
 * run ended when arrivals are over and every request has ended. After the run, each request's time in the system (in
 * order of arrival) is judged by {@link SteadyState}: with {@code warmupAuto} the whole series, and the warm-up is
 * the arrival time of the first request MSER-5 keeps (0 when the run is not judged steady: its figures then cover
 * the whole run, labelled not steady); otherwise the series after the scenario's {@code warmupS}. The summary and
 * the utilizations are taken from that warm-up on.
 *
 * <p>Records leave the model as requests end, in order of id, into {@link Records} (spilled to disk past a limit);
 * the run keeps of each request only its time in the system (8 bytes, for the steady-state judgement). The summary
 * is taken as the requests end when the warm-up is fixed, else in one pass over the records once it is known.
 */
public final class Simulation {
    /** Safety horizon past the arrival window, in deadlines: a run still busy then is reported as not drained. */
    private static final double DRAIN_HORIZON_DEADLINES = 100;

    /** Numbers DSOL replication contexts, which live in one JVM-wide naming tree. */
    private static final AtomicLong RUNS = new AtomicLong();
    /**
     * Guards DSOL's JVM-wide state — the naming tree replications bind in, and djutils' category logger that a new
     * simulator registers with — which are plain maps: replications run in parallel (sweeps with --jobs) create,
     * initialize and release their simulators one at a time; the runs themselves go on in parallel.
     */
    private static final Object DSOL_GLOBALS = new Object();

    private Simulation() {
    }

    /** Progress of a long run. */
    public interface Progress {
        /** {@code fraction} of replication {@code replication}'s arrival window has been simulated. */
        void at(int replication, double fraction);

        Progress NONE = (r, f) -> { };
    }

    /** Runs every replication of the scenario. */
    public static List<RunResult> run(Scenario scenario, ComputeService compute, Progress progress) {
        List<RunResult> runs = new ArrayList<>();
        for (int r = 0; r < scenario.replications(); r++) {
            runs.add(runReplication(scenario, r, compute, progress));
        }
        return runs;
    }

    /** Runs replication {@code r} (seed = scenario seed + r). */
    public static RunResult runReplication(Scenario scenario, int r, ComputeService compute, Progress progress) {
        long seed = scenario.seed() + r;
        double end = scenario.durationS() + DRAIN_HORIZON_DEADLINES * scenario.deadlineS();
        String contextId = "aigcsim-run-" + RUNS.incrementAndGet();
        DevsSimulator<Double> simulator;
        AigcModel model;
        CountDownLatch ended = new CountDownLatch(1);
        Records.Builder records = new Records.Builder();
        DoubleStream.Builder series = DoubleStream.builder();
        // with a fixed warm-up the summary is taken as the requests end; with one chosen after the run, from the
        // records
        RunSummary.Accumulator summed = scenario.warmupAuto() ? null : new RunSummary.Accumulator();
        synchronized (DSOL_GLOBALS) {
            simulator = new DevsSimulator<>(scenario.name() + "#" + r);
            simulator.setEventList(new ActionList());
            simulator.setErrorStrategy(ErrorStrategy.WARN_AND_END, Level.OFF);
            model = new AigcModel(simulator, scenario, seed, compute, f -> progress.at(r, f), record -> {
                // the images of a sample of requests are kept for the gallery: the first ones of replication 0
                RequestRecord kept = r == 0 && record.id() < scenario.imagesKept() ? record : record.withoutImages();
                records.add(kept);
                if (summed != null) {
                    summed.accept(kept);
                }
                if (scenario.warmupAuto() || !kept.inWarmup()) {
                    series.add(kept.timeInSystemS());
                }
            });
            SingleReplication<Double> replication = new SingleReplication<>(contextId, 0.0, scenario.warmupS(), end);
            try {
                simulator.initialize(model, replication);
            } catch (RuntimeException e) {
                releaseContext(contextId);
                throw failure(scenario, r, simulator, e);
            }
            // counted down after the statistics have taken their END_REPLICATION_EVENT (listeners run in order)
            simulator.addListener(event -> ended.countDown(), Replication.END_REPLICATION_EVENT,
                    LocalEventProducer.LAST_POSITION, ReferenceType.STRONG);
        }
        try {
            simulator.start();
            awaitEnd(simulator, model, ended);
        } catch (RuntimeException e) {
            throw failure(scenario, r, simulator, e);
        } finally {
            synchronized (DSOL_GLOBALS) {
                releaseContext(contextId);
            }
        }
        if (model.clock().failure() != null) {
            throw failure(scenario, r, simulator, model.clock().failure());
        }
        if (!model.drained()) {
            throw new SimulationException("scenario '" + scenario.name() + "' replication " + r
                    + ": requests still in the system at the safety horizon t=" + end + " s", null);
        }
        model.recordRest();
        Records all = records.build();
        SteadyState steady = SteadyState.of(series.build().toArray());
        double warmup = !scenario.warmupAuto() ? scenario.warmupS()
                : !steady.steady() || steady.truncation() == 0 ? 0 : all.get(steady.truncation()).arrivalS();
        Records kept = scenario.warmupAuto() ? all.map(x -> x.withWarmup(warmup)) : all;
        double simEnd = simulator.getSimulatorTime();
        double edgeUtil = model.cells().stream().mapToDouble(c -> c.edgeUtilization(warmup, simEnd)).average()
                .orElse(0);
        double bandUtil = model.cells().stream().mapToDouble(c -> c.bandwidthUtilization(warmup, simEnd))
                .average().orElse(0);
        RunSummary summary = summed != null ? summed.summary(warmup, scenario.durationS() - warmup, steady, edgeUtil,
                bandUtil, model.clock().events(), simEnd) : RunSummary.of(kept, warmup, scenario.durationS() - warmup,
                steady, edgeUtil, bandUtil, model.clock().events(), simEnd);
        return new RunResult(r, seed, kept, summary,
                List.copyOf(model.timelineRecords()), List.copyOf(model.samples()), model.edgeStepsAtBatch());
    }

    /** DSOL binds each replication's statistics in a JVM-wide naming context; unbind them once the run is over. */
    private static void releaseContext(String contextId) {
        try {
            ContextUtil.destroySubContext(InitialEventContext.instantiate("root"), contextId);
        } catch (NamingException e) {
            throw new IllegalStateException("cannot release DSOL context " + contextId, e);
        }
    }

    private static void awaitEnd(DevsSimulator<Double> simulator, AigcModel model, CountDownLatch ended) {
        try {
            while (!ended.await(1, TimeUnit.MILLISECONDS)) {
                if (model.clock().failure() != null && simulator.getRunState() != RunState.STARTED
                        && simulator.getRunState() != RunState.STARTING) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SimulationException("interrupted while waiting for the simulation", e);
        }
    }

    private static SimulationException failure(Scenario s, int r, DevsSimulator<Double> sim, Throwable e) {
        return new SimulationException("scenario '" + s.name() + "' replication " + r + " failed at simulated t="
                + sim.getSimulatorTime() + " s: " + e.getMessage(), e);
    }
}
