package aigcsim.scenarios.cli;

import java.io.PrintStream;
import java.util.function.LongSupplier;

/**
 * Progress of long work counted in steps (replications, sweep points, capacity probes, pending computations), as
 * {@code label [=========>          ] 12/30 40% elapsed 1m02s ETA 1m33s}, the time left estimated from the rate so
 * far. On a terminal it redraws one line in place (at most every 100 ms, and at the end); otherwise it prints a line
 * each time another tenth of the work is done and at the end, so logs stay short. Safe to advance from several
 * threads.
 */
public final class ProgressBar implements AutoCloseable {
    private static final int WIDTH = 20;
    private static final long REDRAW_NS = 100_000_000L;

    private final String label;
    private final long total;
    private final PrintStream out;
    private final boolean terminal;
    private final LongSupplier nanoTime;
    private final long startNs;
    private long done;
    private long lastDrawNs;
    private long lastPrintedTenth;
    private long lastPrintedDone = -1;
    private int lastLength;
    private boolean closed;
    private String status = "";

    /** A bar of {@code total} steps on {@code out}, redrawn in place when the JVM has a console. */
    public ProgressBar(String label, long total, PrintStream out) {
        this(label, total, out, System.console() != null, System::nanoTime);
    }

    /** A bar with the line mode and the clock ({@code nanoTime}, as {@link System#nanoTime()}) given. */
    public ProgressBar(String label, long total, PrintStream out, boolean terminal, LongSupplier nanoTime) {
        if (total < 0) {
            throw new IllegalArgumentException("a progress bar needs a total >= 0, got " + total);
        }
        this.label = label;
        this.total = total;
        this.out = out;
        this.terminal = terminal;
        this.nanoTime = nanoTime;
        this.startNs = nanoTime.getAsLong();
        if (terminal) {
            draw(startNs);
        }
    }

    /** One more step done. */
    public synchronized void advance() {
        step(done + 1);
    }

    /** {@code done} steps done so far, 0 … total. */
    public synchronized void step(long done) {
        if (done < 0 || done > total) {
            throw new IllegalArgumentException(label + ": " + done + " steps done is outside 0 … " + total);
        }
        this.done = done;
        long now = nanoTime.getAsLong();
        if (terminal) {
            if (done == total || now - lastDrawNs >= REDRAW_NS) {
                draw(now);
            }
        } else {
            long tenth = total == 0 ? 10 : done * 10 / total;
            if (tenth > lastPrintedTenth || done == total) {
                print(now);
            }
        }
    }

    /** {@code done} steps done so far, with a status shown after the bar (e.g. a training run's reward and loss). */
    public synchronized void step(long done, String status) {
        this.status = status.isEmpty() ? "" : " " + status;
        step(done);
    }

    /** Shows the final state and ends the line; later calls do nothing. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        long now = nanoTime.getAsLong();
        if (terminal) {
            draw(now);
            out.println();
        } else if (lastPrintedDone != done) {
            print(now);
        }
        out.flush();
    }

    /** The line for {@code done} of {@code total} steps after {@code elapsedNs}. */
    static String line(String label, long done, long total, long elapsedNs) {
        int filled = (int) (total == 0 ? WIDTH : done * WIDTH / total);
        String bar = "=".repeat(filled) + (filled < WIDTH ? ">" + " ".repeat(WIDTH - filled - 1) : "");
        long percent = total == 0 ? 100 : done * 100 / total;
        String eta = done == total ? "0s" : done == 0 ? "--" : duration((long) ((double) elapsedNs * (total - done) / done));
        return label + " [" + bar + "] " + done + "/" + total + " " + percent + "% elapsed " + duration(elapsedNs)
                + " ETA " + eta;
    }

    /** {@code 42s}, {@code 1m02s} or {@code 2h05m09s}. */
    static String duration(long ns) {
        long s = Math.round(ns / 1e9);
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return String.format("%dm%02ds", s / 60, s % 60);
        }
        return String.format("%dh%02dm%02ds", s / 3600, s % 3600 / 60, s % 60);
    }

    private void draw(long now) {
        String text = line(label, done, total, now - startNs) + status;
        out.print("\r" + text + " ".repeat(Math.max(0, lastLength - text.length())));
        out.flush();
        lastLength = text.length();
        lastDrawNs = now;
    }

    private void print(long now) {
        out.println(line(label, done, total, now - startNs) + status);
        lastPrintedTenth = total == 0 ? 10 : done * 10 / total;
        lastPrintedDone = done;
    }
}
