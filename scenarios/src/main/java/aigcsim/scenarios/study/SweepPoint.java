package aigcsim.scenarios.study;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One run of a sweep: the point's index (points numbered from 0 in expansion order, after the constraint), the value
 * of each swept field path in sweep order, the repetition {@code repeat} (0 … repeat − 1; the caller derives the run's
 * seed from it) and a filesystem-safe folder name such as {@code 003-users.perCell=8_edge.mode=async-r1}.
 */
public record SweepPoint(int index, Map<String, Object> values, int repeat, String folder) {
    public SweepPoint {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }
}
