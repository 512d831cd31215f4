package aigcsim.scenarios.cli;

import java.util.concurrent.Callable;

import aigcsim.worker.PoolConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code aigcsim worker-bench}: one workload through the serial and the async pool, with an ablation. */
@Command(name = "worker-bench", mixinStandardHelpOptions = true,
        description = "One multi-user workload through the serial and the async worker pool, with an ablation.")
final class WorkerBenchCommand implements Callable<Integer> {
    @Option(names = "--requests", description = "Requests (default ${DEFAULT-VALUE}).")
    int requests = 240;

    @Option(names = "--users", description = "Users (default ${DEFAULT-VALUE}).")
    int users = 12;

    @Option(names = "--prompts", description = "Distinct (prompt, seed) pairs (default ${DEFAULT-VALUE}).")
    int prompts = 30;

    @Option(names = "--workers", description = "Async pool workers (default: one per core, ${DEFAULT-VALUE}).")
    int workers = PoolConfig.CORES;

    @Option(names = "--max-batch", description = "Batch limit (default ${DEFAULT-VALUE}).")
    int maxBatch = 16;

    @Override
    public Integer call() {
        WorkerBench.run(requests, users, prompts, workers, maxBatch);
        return Main.OK;
    }
}
