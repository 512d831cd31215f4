package aigcsim.core.metrics;

import java.util.List;

/** One replication's output: its seed, every request's record, the summary, and the applied timeline events. */
public record RunResult(int replication, long seed, List<RequestRecord> records, RunSummary summary,
        List<TimelineRecord> timeline) {
}
