package aigcsim.core.quality;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads the CSV tables the models measure for the simulator (the quality and the knowledge table): blank lines and
 * {@code #} comments skipped, then the expected header, then one row a line; every bad row is named by its line.
 */
final class TableFile {
    private TableFile() {
    }

    /**
     * Hands each row's fields to {@code row} (which throws on a bad one); {@code what} and {@code source} name the
     * table in errors. Fails on a wrong header, on bad rows (all of them listed) and on a table without rows.
     */
    static void read(BufferedReader r, String what, String source, String header, Consumer<String[]> row)
            throws IOException {
        String line;
        int n = 0;
        int rows = 0;
        boolean headed = false;
        List<String> errors = new ArrayList<>();
        while ((line = r.readLine()) != null) {
            n++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (!headed) {
                if (!line.equals(header)) {
                    throw new IllegalArgumentException(what + " " + source + " line " + n + ": expected the header "
                            + header);
                }
                headed = true;
                continue;
            }
            try {
                row.accept(line.split(","));
                rows++;
            } catch (RuntimeException e) {
                errors.add("line " + n + " (" + e.getMessage() + ")");
            }
        }
        if (!errors.isEmpty() || rows == 0) {
            throw new IllegalArgumentException(what + " " + source + ": " + (errors.isEmpty() ? "no rows"
                    : "bad lines " + errors));
        }
    }

    /** The bundled resource {@code path}, read by {@code parse}. */
    static <T> T bundled(String what, String path, Parser<T> parse) {
        try (InputStream in = TableFile.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("the bundled " + what + " " + path + " is missing");
            }
            return parse.parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)),
                    "bundled " + path);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + path, e);
        }
    }

    /** Parses a table from a reader; {@code source} names it in errors. */
    @FunctionalInterface
    interface Parser<T> {
        T parse(BufferedReader r, String source) throws IOException;
    }
}
