package aigcsim.scenarios.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The command line: the README's main job on a shortened default scenario, help, exit codes, bad input. */
class MainTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A command's exit code with what it printed on standard output and error. */
    record Outcome(int code, String out, String err) {
    }

    static Outcome execute(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            var cl = Main.commandLine();
            cl.setErr(new java.io.PrintWriter(System.err, true));
            cl.setOut(new java.io.PrintWriter(System.out, true));
            int code = cl.execute(args);
            return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Test
    void theMainJobComparesSerialAndAsyncWithRealComputation(@TempDir Path dir) throws Exception {
        Outcome o = execute("compare", ScenarioOptions.defaultFile().toString(), "--vary", "edge.mode=serial,async",
                "--set", "run.durationS=300", "--replications", "2", "--out", dir.toString());
        assertEquals(0, o.code(), o.err());
        for (String arm : List.of("00-edge.mode=serial", "01-edge.mode=async")) {
            Path folder = dir.resolve(arm);
            List<String> rows = Files.readAllLines(folder.resolve("requests.csv"));
            List<String> head = List.of(rows.get(0).split(","));
            int psnr = head.indexOf("psnrDb");
            int worker = head.indexOf("worker");
            int computed = 0;
            for (String row : rows.subList(1, rows.size())) {
                String[] f = row.split(",");
                if (!f[psnr].isEmpty()) {
                    computed++;
                    double db = Double.parseDouble(f[psnr]);
                    assertTrue(db > 5 && db < 60, "a computed PSNR: " + row);
                    assertTrue(f[worker].matches("\"?n[0-9a-f]{6}/w[0-9]+\"?"), "the worker that computed it: " + row);
                }
            }
            assertTrue(computed > 10, arm + ": computed requests " + computed);
            JsonNode summary = JSON.readTree(folder.resolve("summary.json").toFile());
            assertEquals("cached", summary.get("fidelity").asText());
            assertTrue(Files.readString(folder.resolve("scenario.yaml")).contains("fidelity: cached"));
            JsonNode metrics = JSON.readTree(folder.resolve("pool-metrics.json").toFile());
            assertEquals(0, metrics.get("failed").asInt(), metrics.toString());
            assertTrue(metrics.get("modelVersion").asText().matches("[0-9a-f]{16}"), metrics.toString());
            assertTrue(Files.readString(folder.getParent().resolve("report.html")).contains("model weights "
                    + metrics.get("modelVersion").asText()), "the report names the models");
        }
        JsonNode compare = JSON.readTree(dir.resolve("compare.json").toFile());
        JsonNode latency = compare.get("pairedDifferences").get(0).get("figures").get("meanLatencyS");
        assertTrue(latency.get("mean").asDouble() < 0, "async is faster than serial: " + latency);
        assertTrue(o.out().contains("Paired difference edge.mode=async - edge.mode=serial"), o.out());
    }

    @Test
    void everyCommandHasHelp() {
        for (String c : List.of("run", "compare", "sweep", "expand", "capacity", "validate", "schema", "bench",
                "sweep-bench", "worker", "worker-bench", "models")) {
            Outcome o = execute(c, "--help");
            assertEquals(0, o.code(), c + ": " + o.err());
            assertTrue(o.out().contains("Usage: aigcsim " + c), c + ": " + o.out());
            assertFalse(o.err().contains("WARN"), c + ": " + o.err());
        }
        Outcome top = execute("--help");
        assertEquals(0, top.code());
        assertTrue(top.out().contains("capacity") && !top.err().contains("WARN"), top.err());
    }

    @Test
    void badInputIsExitTwoWithAMessageAndNoStackTrace(@TempDir Path dir) throws Exception {
        Outcome o = execute("run", "--usres", "3");
        assertEquals(2, o.code());
        assertTrue(o.err().contains("Unknown option: '--usres'"), o.err());
        o = execute("simulate");
        assertEquals(2, o.code());
        assertTrue(o.err().contains("simulate"), o.err());
        o = execute("run", ScenarioOptions.defaultFile().toString(), "--set", "compute.workers=0", "--out",
                dir.resolve("w0").toString());
        assertEquals(2, o.code(), "no pool of 0 workers (it used to hang)");
        assertTrue(o.err().contains("compute.workers: must be >= 1, got 0"), o.err());
        o = execute("run", ScenarioOptions.defaultFile().toString(), "--set", "run.durationS=100", "--set",
                "compute.fidelity=analytic", "--out", dir.resolve("d100").toString());
        assertEquals(0, o.code(), "a short run of the default works (its warm-up is auto): " + o.err());
        o = execute("run", ScenarioOptions.defaultFile().toString(), "--set", "run.durationS=100", "--set",
                "run.warmupS=120", "--set", "compute.fidelity=analytic", "--out", dir.resolve("w120").toString());
        assertEquals(2, o.code(), o.err());
        assertTrue(o.err().contains("run.warmupS: must be in [0, durationS = 100) s or auto, got 120"), o.err());
        for (Outcome any : List.of(o)) {
            assertFalse(any.err().contains("\tat "), "no stack trace: " + any.err());
        }
    }

    @Test
    void aFailingRunLeavesTheEarlierResultsAsTheyWere(@TempDir Path dir) throws Exception {
        Path scenario = dir.resolve("s.yaml");
        Files.writeString(scenario, "run: {durationS: 300, warmupS: 30}\nusers: {count: 4}\n");
        Path out = dir.resolve("out");
        assertEquals(0, execute("run", scenario.toString(), "--out", out.toString()).code());
        byte[] before = Files.readAllBytes(out.resolve("requests.csv"));
        // a trace that names a user the scenario does not have fails when the scenario is built
        Outcome o = execute("run", scenario.toString(), "--out", out.toString(), "--set", "users.count=0");
        assertEquals(2, o.code());
        assertTrue(Files.exists(out.resolve("summary.json")));
        assertEquals(new String(before, StandardCharsets.UTF_8),
                Files.readString(out.resolve("requests.csv")), "the earlier results are untouched");
        assertFalse(Files.exists(dir.resolve("out.partial")));
    }

    @Test
    void validateChecksEveryBundledScenarioAndRejectsABadOne(@TempDir Path dir) throws Exception {
        Path root = ScenarioOptions.defaultFile().getParent();
        List<String> files = new java.util.ArrayList<>(List.of(ScenarioOptions.defaultFile().toString()));
        try (var s = Files.list(root.resolve("examples"))) {
            s.filter(f -> f.toString().endsWith(".yaml")).sorted().forEach(f -> files.add(f.toString()));
        }
        Outcome ok = execute(files.toArray(String[]::new).length == 0 ? new String[0]
                : concat("validate", files));
        assertEquals(0, ok.code(), ok.err());
        assertEquals(files.size(), ok.out().lines().filter(l -> l.contains(": ok (")).count(), ok.out());
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "users:\n  count: 3\ncells:\n  - bandwidthHz: -1\n");
        Outcome o = execute("validate", bad.toString());
        assertEquals(2, o.code());
        assertTrue(o.err().contains(bad + ":4:") && o.err().contains("cells[0].bandwidthHz"), o.err());
    }

    private static String[] concat(String first, List<String> rest) {
        String[] all = new String[rest.size() + 1];
        all[0] = first;
        for (int i = 0; i < rest.size(); i++) {
            all[i + 1] = rest.get(i);
        }
        return all;
    }
}
