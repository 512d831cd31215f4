package aigcsim.scenarios.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import aigcsim.core.metrics.ConfidenceInterval;
import aigcsim.core.metrics.RunResult;

/** Plain-text tables of run figures for the terminal: mean ± 95 % half-width over replications. */
final class Tables {
    /** The figures a summary row shows, with their column titles and formats: the reports' key figures. */
    static final List<String[]> COLUMNS = aigcsim.reports.Report.FIGURES;

    private Tables() {
    }

    static String fmt(double mean, double halfWidth, String f) {
        if (Double.isNaN(mean)) {
            return "-";
        }
        String m = String.format(Locale.ROOT, f, mean);
        return Double.isNaN(halfWidth) ? m : m + " ± " + String.format(Locale.ROOT, f, halfWidth);
    }

    static String fmt(ConfidenceInterval ci, String f) {
        return ci == null ? "" : fmt(ci.mean(), ci.halfWidth95(), f);
    }

    static void header(PrintStream out, String first) {
        String[] cells = new String[COLUMNS.size() + 1];
        cells[0] = first;
        for (int i = 0; i < COLUMNS.size(); i++) {
            cells[i + 1] = COLUMNS.get(i)[1];
        }
        row(out, cells);
    }

    static void summaryRow(PrintStream out, String first, Map<String, ConfidenceInterval> ci) {
        String[] cells = new String[COLUMNS.size() + 1];
        cells[0] = first;
        for (int i = 0; i < COLUMNS.size(); i++) {
            cells[i + 1] = fmt(ci.get(COLUMNS.get(i)[0]), COLUMNS.get(i)[2]);
        }
        row(out, cells);
    }

    /**
     * The steady-state verdict of a scenario's replications: one line saying each was judged in steady state (with
     * the warm-ups used), or a warning that the means describe a run that was not, with the reasons.
     */
    static void steadyState(PrintStream out, String label, List<RunResult> runs) {
        List<String> reasons = runs.stream().filter(r -> !r.summary().steadyState())
                .map(r -> "replication " + r.replication() + ": " + r.summary().steadyStateReason()).toList();
        String warmups = runs.stream().map(r -> String.format(Locale.ROOT, "%.0f", r.summary().warmupS()))
                .collect(java.util.stream.Collectors.joining(", "));
        if (reasons.isEmpty()) {
            out.println(label + ": every replication judged in steady state (MSER-5 and growth test); warm-up "
                    + warmups + " s");
        } else {
            out.println(label + ": NOT IN STEADY STATE - its means describe a transient, not a steady state:");
            reasons.forEach(r -> out.println("  " + r));
        }
    }

    static void row(PrintStream out, String[] cells) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            s.append(String.format(Locale.ROOT, i == 0 ? "%-22s" : "%17s", cells[i]));
        }
        out.println(s.toString().stripTrailing());
    }
}
