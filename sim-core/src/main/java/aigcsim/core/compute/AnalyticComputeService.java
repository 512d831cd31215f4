package aigcsim.core.compute;

import java.util.concurrent.CompletableFuture;

import aigcsim.core.framework.Transmission;
import aigcsim.core.quality.KnowledgeTable;
import aigcsim.core.quality.QualityTable;

/**
 * Computes nothing: fidelity {@code analytic}. Latencies come from the cost model as always; each request's quality
 * is the expectation the quality table gives for its framework, channel, split and the SNR its transmission saw
 * (worker {@value #WORKER}, no compute time), so analytic sweeps still compare quality. A JSCC latent sent by a
 * codec holding a knowledge package ({@link ComputeJob#knowledge}) has the quality the knowledge table gives that
 * package at the link's mean SNR (worker {@value #KNOWLEDGE_WORKER}&lt;package&gt;).
 */
public final class AnalyticComputeService implements ComputeService {
    public static final String FIDELITY = "analytic";
    /** What the records name as the source of an analytic request's quality. */
    public static final String WORKER = "quality-table";
    /** The source of the quality of a request sent by a codec holding a knowledge package, before its name. */
    public static final String KNOWLEDGE_WORKER = "knowledge-table:";

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
        boolean aligned = job.knowledge() != null && job.framework().transmission() == Transmission.JSCC_LATENT;
        // the knowledge table's figures already average over the fading of their channel: read at the mean SNR
        QualityTable.Expected e = aligned ? KnowledgeTable.bundled().expected(job.knowledge(), job.meanSnrDb())
                : table.expected(job);
        String worker = aligned ? KNOWLEDGE_WORKER + job.knowledge() : Double.isNaN(e.semanticAccuracy()) ? ""
                : WORKER;
        return CompletableFuture.completedFuture(new ComputeResult(FIDELITY, e.psnrDb(), e.ssim(),
                e.semanticAccuracy(), false, worker, Double.NaN, null));
    }

    @Override
    public String fidelity() {
        return FIDELITY;
    }
}
