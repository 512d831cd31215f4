package aigcsim.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import aigcsim.models.channel.TensorChannel;
import aigcsim.models.data.FashionMnist;
import aigcsim.models.pipeline.TextToImage;
import aigcsim.models.training.ModelSizes;
import org.junit.jupiter.api.Test;

/** Two nodes on loopback: a simulator's pool with one worker, and a worker node with one. */
class ClusterTest {
    private static final ModelSource TINY = ModelSource.untrained(ModelSizes.TINY, 5);

    @Test
    void bothNodesServeAndStoppingOneMidRunLosesNoRequestAndLeavesNoLeaseToExpire() throws Exception {
        PoolConfig config = PoolConfig.async(1).withWorkers(1, 1).withBatching(2, 0).withCache(0);
        ClusterOptions a = new ClusterOptions("127.0.0.1", 15701, List.of("127.0.0.1:15701", "127.0.0.1:15702"));
        ClusterOptions b = new ClusterOptions("127.0.0.1", 15702, List.of("127.0.0.1:15701", "127.0.0.1:15702"));
        try (WorkerPool pool = WorkerPool.startClustered(config, TINY, a)) {
            WorkerNode node = WorkerNode.start(b, config, TINY);
            List<CompletableFuture<WorkerPool.Served>> fs = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                fs.add(pool.serve(new WorkKey(TINY.version(), FashionMnist.PROMPTS.get(i % 10), i, i % 21, 20, true,
                        TextToImage.Transmission.ANALOG, TensorChannel.Kind.AWGN, 0)));
            }
            Set<String> servedBy = new HashSet<>();
            int done = 0;
            for (CompletableFuture<WorkerPool.Served> f : fs) { // wait until a third is served, then stop the node
                servedBy.add(f.join().outcome().worker());
                if (++done == 20) {
                    break;
                }
            }
            node.close();
            for (CompletableFuture<WorkerPool.Served> f : fs) {
                Outcome o = f.join().outcome();
                assertFalse(o.failed());
                servedBy.add(o.worker());
            }
            assertTrue(servedBy.stream().anyMatch(w -> w.startsWith(node.name() + "/")), "the node served: "
                    + servedBy);
            assertTrue(servedBy.stream().anyMatch(w -> !w.startsWith(node.name() + "/")), "the pool's own worker "
                    + "served: " + servedBy);
            assertEquals(60, pool.metrics().completed());
            assertEquals(0, pool.metrics().failed());
            // the stopping node handed back what it held (its pulls, reports and releases answered before it left):
            // nothing waited for a lease to expire
            assertEquals(0, pool.metrics().retried(), pool.metricsJson());
        }
    }
}
