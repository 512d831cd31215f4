package aigcsim.core.metrics;

import java.util.List;


/** One replication's output: its seed, every request's record, and the summary. */
public record RunResult(int replication, long seed, List<RequestRecord> records, RunSummary summary) {
}
