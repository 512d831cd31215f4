package aigcsim.core.arrival;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * Replays a trace: CSV lines {@code timeS,user,prompt} (header optional, prompt optional: empty draws from the
 * catalogue). Users are the scenario's user indices.
 */
public final class TraceArrivals implements ArrivalProcess {
    private final String source;
    private final Map<Integer, List<Arrival>> byUser;

    public TraceArrivals(String source, Map<Integer, List<Arrival>> byUser) {
        this.source = source;
        this.byUser = byUser;
    }

    public static TraceArrivals load(Path file) {
        Map<Integer, List<Arrival>> byUser = new TreeMap<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank() || line.startsWith("#") || n == 1 && line.startsWith("time")) {
                    continue;
                }
                String[] f = line.split(",", 3);
                try {
                    double t = Double.parseDouble(f[0].trim());
                    int user = Integer.parseInt(f[1].trim());
                    if (!(t >= 0) || user < 0) {
                        throw new NumberFormatException();
                    }
                    String prompt = f.length > 2 && !f[2].isBlank() ? f[2].trim() : null;
                    byUser.computeIfAbsent(user, u -> new ArrayList<>()).add(new Arrival(t, prompt));
                } catch (RuntimeException e) {
                    throw new IllegalArgumentException("trace " + file + " line " + n
                            + ": expected 'timeS,user,prompt' with timeS >= 0 and user >= 0, got '" + line + "'");
                }
            }
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("trace file not found: " + file);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read trace " + file + ": " + e.getMessage());
        }
        byUser.values().forEach(l -> l.sort((a, b) -> Double.compare(a.timeS(), b.timeS())));
        return new TraceArrivals(file.toString(), byUser);
    }

    /** The highest user index the trace names, or -1 when empty. */
    public int maxUser() {
        return byUser.isEmpty() ? -1 : Collections.max(byUser.keySet());
    }

    @Override
    public Iterator<Arrival> forUser(int userId, UniformRandomProvider rng) {
        return byUser.getOrDefault(userId, List.of()).iterator();
    }

    @Override
    public String describe() {
        return "trace(" + source + ")";
    }
}
