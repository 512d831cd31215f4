package aigcsim.scenarios.file;

/** Where a value of a scenario came from: a file with its line and column (1-based), or another origin. */
public record Location(String source, int line, int column) {
    /** A value that came from outside a file (a command-line option, a sweep point). */
    public static Location of(String origin) {
        return new Location(origin, 0, 0);
    }

    @Override
    public String toString() {
        return line > 0 ? source + ":" + line + ":" + column : source;
    }
}
