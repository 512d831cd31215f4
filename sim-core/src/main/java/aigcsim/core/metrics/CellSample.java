package aigcsim.core.metrics;

import java.io.Serializable;

/**
 * One cell at one sampling time of a run's time series: requests waiting for the edge, in edge compute (the batch
 * occupancy of an async edge) and on the air, the edge's utilization and the share of the band in use over the
 * sampling interval that ends here, and the PACR and band now.
 */
public record CellSample(double timeS, int cell, int queued, int inEdge, int transmitting, double edgeUtilization,
        double bandUtilization, double pacr, double bandwidthHz) implements Serializable {
}
