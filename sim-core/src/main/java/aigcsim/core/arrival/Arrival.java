package aigcsim.core.arrival;

/** One request arrival of a user: its time and, for replayed traces, its prompt (null: draw from the catalogue). */
public record Arrival(double timeS, String prompt) {
}
