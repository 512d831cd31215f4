package aigcsim.scenarios.run;

import java.io.Serializable;
import java.util.concurrent.Callable;

/**
 * Work for a cluster member ({@link ClusterJobs}): a label for reports, and a call that Hazelcast carries to the
 * member (so serializable, as is its answer).
 */
public interface ClusterJob<T> extends Callable<T>, Serializable {
    String label();
}
