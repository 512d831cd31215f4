package aigcsim.core.metrics;

import java.io.Serializable;
import java.util.List;

/**
 * One replication's output: its seed, every request's record (in order of id; see {@link Records}), the summary, the
 * applied timeline events, and the cells' time series sampled every {@code Scenario.sampleIntervalS}.
 */
public record RunResult(int replication, long seed, Records records, RunSummary summary,
        List<TimelineRecord> timeline, List<CellSample> timeSeries) implements Serializable {
}
