package aigcsim.core.compute;

import java.util.concurrent.CompletableFuture;

import aigcsim.core.quality.QualityTable;

/**
 * Computes nothing: fidelity {@code analytic}. Latencies come from the cost model as always; each request's quality
 * is the expectation the quality table gives for its framework, channel, split and the SNR its transmission saw
 * (worker {@value #WORKER}, no compute time), so analytic sweeps still compare quality.
 */
public final class AnalyticComputeService implements ComputeService {
    public static final String FIDELITY = "analytic";
    /** What the records name as the source of an analytic request's quality. */
    public static final String WORKER = "quality-table";

    private final QualityTable table;

    /** Expected quality from the bundled quality table. */
    public AnalyticComputeService() {
        this(QualityTable.bundled());
    }

    public AnalyticComputeService(QualityTable table) {
        this.table = table;
    }

    @Override
    public CompletableFuture<ComputeResult> submit(ComputeJob job) {
        QualityTable.Expected e = table.expected(job);
        return CompletableFuture.completedFuture(new ComputeResult(FIDELITY, e.psnrDb(), e.ssim(),
                e.semanticAccuracy(), false, Double.isNaN(e.semanticAccuracy()) ? "" : WORKER, Double.NaN, null));
    }

    @Override
    public String fidelity() {
        return FIDELITY;
    }
}
