package aigcsim.core.metrics;

import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One applied timeline event: its simulated time, its name ({@code TimelineAction.eventName()}, or
 * {@code snapshot} for one cell's row of a snapshot, {@code knowledge-arrived} when a knowledge update reached a
 * cell) and what it changed or saw, in a fixed key order.
 */
public record TimelineRecord(double timeS, String event, Map<String, Object> details) implements Serializable {
    public TimelineRecord {
        details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }
}
