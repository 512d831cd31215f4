package aigcsim.scenarios.file;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A scenario that cannot run, with every problem found: where (file, line and column), which field (its path, e.g.
 * {@code cells[1].bandwidthHz}), what was wrong and what is allowed.
 */
public final class ScenarioException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** One problem of a scenario. */
    public record Problem(Location where, String path, String message) {
        @Override
        public String toString() {
            return (where == null ? "" : where + ": ") + (path == null || path.isEmpty() ? "" : path + ": ")
                    + message;
        }
    }

    private final transient List<Problem> problems;

    public ScenarioException(List<Problem> problems) {
        super(problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public static ScenarioException of(Location where, String path, String message) {
        return new ScenarioException(List.of(new Problem(where, path, message)));
    }

    public List<Problem> problems() {
        return problems;
    }
}
