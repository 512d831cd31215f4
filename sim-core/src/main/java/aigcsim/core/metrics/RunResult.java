package aigcsim.core.metrics;

import java.io.Serializable;
import java.util.List;

/**
 * One replication's output: its seed, every request's record (in order of id; see {@link Records}), the summary, the
 * applied timeline events, the cells' time series sampled every {@code Scenario.sampleIntervalS}, and the denoising
 * steps the edges ran at each batch size (index b: request-steps in batches of b, over the whole run and every cell).
 */
public record RunResult(int replication, long seed, Records records, RunSummary summary,
        List<TimelineRecord> timeline, List<CellSample> timeSeries, long[] edgeStepsAtBatch) implements Serializable {
}
