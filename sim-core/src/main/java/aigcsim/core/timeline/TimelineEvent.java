package aigcsim.core.timeline;

/**
 * A scripted change: {@code action} at simulated time {@code atS}, and again every {@code everyS} seconds while
 * within the arrival window ({@code everyS} = 0: once). Applied as a DES event, so a run stays deterministic.
 */
public record TimelineEvent(double atS, double everyS, TimelineAction action) {
    public TimelineEvent {
        if (!(atS >= 0) || !Double.isFinite(atS)) {
            throw new IllegalArgumentException("timeline event time must be >= 0 s, got " + atS);
        }
        if (!(everyS >= 0) || !Double.isFinite(everyS)) {
            throw new IllegalArgumentException("timeline period must be >= 0 s (0: once), got " + everyS);
        }
        if (action == null) {
            throw new IllegalArgumentException("timeline event at " + atS + " s has no action");
        }
    }

    public static TimelineEvent at(double atS, TimelineAction action) {
        return new TimelineEvent(atS, 0, action);
    }
}
