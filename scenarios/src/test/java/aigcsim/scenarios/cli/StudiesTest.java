package aigcsim.scenarios.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import aigcsim.scenarios.run.CapacityStudy;
import aigcsim.scenarios.study.CapacitySearch;
import aigcsim.scenarios.study.Target;

/** The studies end to end on small analytic scenarios: compare, sweep, expand, capacity. */
class StudiesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Path scenario(String yaml) throws Exception {
        Path f = dir.resolve("s.yaml");
        Files.writeString(f, yaml);
        return f;
    }

    @Test
    void pairedIntervalsOfACompareAreNarrowerThanUnpairedOnesOnTheSameRuns() throws Exception {
        Path f = scenario("run: {replications: 8, durationS: 900, warmupS: 60}\nusers: {count: 10}\n"
                + "split: {policy: edge-only}\n");
        MainTest.Outcome o = MainTest.execute("compare", f.toString(), "--vary", "edge.mode=serial,async", "--out",
                dir.resolve("cmp").toString());
        assertEquals(0, o.code(), o.err());
        JsonNode figures = JSON.readTree(dir.resolve("cmp").resolve("compare.json").toFile())
                .get("pairedDifferences").get(0).get("figures");
        for (String fig : List.of("meanLatencyS", "meanSatisfaction", "p95LatencyS")) {
            JsonNode d = figures.get(fig);
            assertTrue(d.get("pairedHalfWidth95").asDouble() < d.get("unpairedHalfWidth95").asDouble(),
                    fig + ": " + d);
        }
        // common random numbers: both arms saw the same arrivals
        List<String> serial = Files.readAllLines(dir.resolve("cmp/00-edge.mode=serial/requests.csv"));
        List<String> async = Files.readAllLines(dir.resolve("cmp/01-edge.mode=async/requests.csv"));
        assertEquals(column(serial, "arrivalS"), column(async, "arrivalS"));
        assertEquals(column(serial, "prompt"), column(async, "prompt"));
    }

    private static List<String> column(List<String> csv, String name) {
        int i = List.of(csv.get(0).split(",")).indexOf(name);
        return csv.stream().skip(1).map(r -> r.split(",")[i]).toList();
    }

    @Test
    void aSweepGivesIdenticalResultsWithOneJobAndTwoAndResumes() throws Exception {
        Path f = scenario("run: {replications: 2, durationS: 600, warmupS: 60}\nusers: {count: 6}\n"
                + "sweep:\n  grid:\n    edge.mode: [serial, async]\n    users.count: [4, 8, 12]\n"
                + "  constraint: \"users.count < 12 || edge.mode == 'async'\"\n  repeat: 2\n");
        MainTest.Outcome expand = MainTest.execute("expand", f.toString());
        assertEquals(0, expand.code(), expand.err());
        assertTrue(expand.out().contains("10 runs"), expand.out());
        for (String jobs : List.of("1", "2")) {
            MainTest.Outcome o = MainTest.execute("sweep", f.toString(), "--jobs", jobs, "--out",
                    dir.resolve("j" + jobs).toString());
            assertEquals(0, o.code(), o.err());
        }
        List<Path> points;
        try (Stream<Path> s = Files.list(dir.resolve("j1").resolve("points"))) {
            points = s.sorted().toList();
        }
        assertEquals(10, points.size());
        for (Path p : points) {
            Path other = dir.resolve("j2").resolve("points").resolve(p.getFileName());
            for (String file : List.of("requests.csv", "summary.json", "scenario.yaml")) {
                assertArrayEquals(Files.readAllBytes(p.resolve(file)), Files.readAllBytes(other.resolve(file)),
                        p.getFileName() + "/" + file);
            }
        }
        assertArrayEquals(Files.readAllBytes(dir.resolve("j1/sweep.csv")), Files.readAllBytes(dir.resolve(
                "j2/sweep.csv")));
        assertTrue(Files.readString(points.get(1).resolve("scenario.yaml")).contains("seed: 3"),
                "repeat 1 of a 2-replication point has seed 1 + 1 x 2 (" + points.get(1) + ")");
        MainTest.Outcome again = MainTest.execute("sweep", f.toString(), "--out", dir.resolve("j1").toString());
        assertTrue(again.out().contains("(10 already done)"), again.out());
    }

    @Test
    void aSweepOnTheClusterWritesWhatALocalSweepWritesAndResumes() throws Exception {
        Path f = scenario("run: {replications: 2, durationS: 600, warmupS: 60}\nusers: {count: 6}\n"
                + "sweep:\n  grid:\n    users.count: [4, 8]\n  repeat: 2\n");
        String[] cluster = {"--cluster", "--host", "127.0.0.1", "--port", "15821", "--members", "127.0.0.1:15821"};
        List<String> args = new ArrayList<>(List.of("sweep", f.toString(), "--jobs", "1", "--no-report", "--out",
                dir.resolve("cluster").toString()));
        args.addAll(List.of(cluster));
        MainTest.Outcome o = MainTest.execute(args.toArray(String[]::new));
        assertEquals(0, o.code(), o.err());
        assertTrue(o.err().contains("cluster: 4 run(s) done by {[127.0.0.1]:15821=4}; 0 run again"), o.err());
        MainTest.Outcome local = MainTest.execute("sweep", f.toString(), "--jobs", "1", "--no-report", "--out",
                dir.resolve("local").toString());
        assertEquals(0, local.code(), local.err());
        assertArrayEquals(Files.readAllBytes(dir.resolve("local/sweep.csv")),
                Files.readAllBytes(dir.resolve("cluster/sweep.csv")));
        MainTest.Outcome again = MainTest.execute(args.toArray(String[]::new));
        assertEquals(0, again.code(), again.err());
        assertTrue(again.out().contains("(4 already done)"), again.out());
        assertTrue(again.err().contains("cluster: 0 run(s) done"), again.err());
        args.set(3, "0"); // --jobs 0: this node only hands out runs, and no member takes them
        args.add("--rerun");
        MainTest.Outcome none = MainTest.execute(args.toArray(String[]::new));
        assertEquals(1, none.code(), none.out());
        assertTrue(none.err().contains("no member of the cluster runs simulation jobs"), none.err());
    }

    /** An analytic run's replications and a capacity search's probes on a one-member cluster: the local results. */
    @Test
    void runAndCapacityOnTheClusterWriteWhatTheyWriteLocally() throws Exception {
        Path f = scenario("run: {replications: 3, durationS: 900, warmupS: 60}\nusers: {count: 1}\n"
                + "edge: {mode: serial}\nsplit: {policy: edge-only}\n");
        List<String> cluster = List.of("--cluster", "--host", "127.0.0.1", "--port", "15831", "--members",
                "127.0.0.1:15831", "--jobs", "2");
        List<String> run = List.of("run", f.toString(), "--no-report", "--out");
        List<String> capacity = List.of("capacity", f.toString(), "--vary", "users.count", "--target",
                "satisfaction >= 0.8", "--max", "40", "--no-report", "--out");
        for (List<String> study : List.of(run, capacity)) {
            List<String> onCluster = new ArrayList<>(study);
            onCluster.add(dir.resolve("c-" + study.get(0)).toString());
            onCluster.addAll(cluster);
            MainTest.Outcome c = MainTest.execute(onCluster.toArray(String[]::new));
            assertEquals(0, c.code(), c.err());
            assertTrue(c.err().contains("done by {[127.0.0.1]:15831="), c.err());
            List<String> local = new ArrayList<>(study);
            local.add(dir.resolve("l-" + study.get(0)).toString());
            MainTest.Outcome l = MainTest.execute(local.toArray(String[]::new));
            assertEquals(0, l.code(), l.err());
            Path a = dir.resolve("c-" + study.get(0));
            Path b = dir.resolve("l-" + study.get(0));
            List<Path> files;
            try (Stream<Path> all = Files.walk(b)) {
                files = all.filter(Files::isRegularFile).map(b::relativize).sorted().toList();
            }
            assertTrue(files.size() >= 4, files.toString());
            for (Path x : files) {
                assertArrayEquals(Files.readAllBytes(b.resolve(x)), Files.readAllBytes(a.resolve(x)),
                        study.get(0) + ": " + x);
            }
        }
    }

    @Test
    void aSweepOverAFieldThatDoesNotExistIsRejectedBeforeAnythingRuns() throws Exception {
        Path f = scenario("sweep:\n  grid:\n    users.cuont: [1, 2]\n");
        MainTest.Outcome o = MainTest.execute("sweep", f.toString(), "--out", dir.resolve("bad").toString());
        assertEquals(2, o.code());
        assertTrue(o.err().contains(f + ":1:1: sweep: sweep.grid: unknown field path 'users.cuont' (did you mean "
                + "'users.count'?)"), o.err());
        assertTrue(!Files.exists(dir.resolve("bad")));
    }

    @Test
    void theCapacitySearchFindsWhatABruteForceScanOfEveryValueFinds() throws Exception {
        Path f = scenario("run: {durationS: 900, warmupS: 60}\nusers: {count: 1}\nedge: {mode: serial}\n"
                + "split: {policy: edge-only}\n");
        Target target = Target.parse("satisfaction >= 0.8");
        CapacitySearch.Replications reps = CapacitySearch.Replications.DEFAULT;
        CapacitySearch.Result found = new CapacitySearch(new CapacityStudy(f, List.of(), "users.count", target, null, null),
                1, 40, reps).search(target);
        // the scan decides every value with the same per-probe rule, on a probe of its own
        CapacitySearch scan = new CapacitySearch(new CapacityStudy(f, List.of(), "users.count", target, null, null), 1, 40,
                reps);
        int largest = 0;
        CapacitySearch.Decision firstOther = null;
        for (int x = 1; x <= 40; x++) {
            CapacitySearch.Decision d = scan.probe(x, target).decision();
            if (d != CapacitySearch.Decision.MEETS) {
                firstOther = d;
                break;
            }
            largest = x;
        }
        assertTrue(largest > 1 && largest < 40, "the target bites inside the range: " + largest);
        // the search decides what the scan decides: the answer, or the same undecided value with the same bracket
        if (firstOther == CapacitySearch.Decision.FAILS) {
            assertEquals(CapacitySearch.Status.FOUND, found.status(), found.describe());
            assertEquals(largest, found.answer().intValue(), found.describe());
        } else {
            assertEquals(CapacitySearch.Status.UNDECIDED, found.status(), found.describe());
            assertEquals(largest + 1, found.undecided().intValue(), found.describe());
            assertEquals(largest, found.lastMeets().intValue(), found.describe());
        }
        assertTrue(found.history().size() <= 2 * 6 + 3 + 6, "galloping and bisection over 1..40, and the bracket "
                + "around an undecided value: " + found.history().size());
    }

    @Test
    void theCapacityCommandWritesItsAnswerBracketAndProbes() throws Exception {
        Path f = scenario("run: {durationS: 900, warmupS: 60}\nusers: {perCell: 1}\nedge: {mode: serial}\n"
                + "split: {policy: edge-only}\n");
        MainTest.Outcome o = MainTest.execute("capacity", f.toString(), "--vary", "users.perCell", "--target",
                "satisfaction >= 0.8", "--max", "40", "--out", dir.resolve("cap").toString());
        assertEquals(0, o.code(), o.err());
        JsonNode c = JSON.readTree(dir.resolve("cap").resolve("capacity.json").toFile());
        String status = c.get("status").asText();
        assertTrue(status.equals("FOUND") || status.equals("UNDECIDED"), c.toString());
        int meets = c.get("lastMeets").asInt();
        int above = status.equals("FOUND") ? c.get("answer").asInt() + 1 : c.get("undecided").asInt();
        assertEquals(meets + 1, above, "the bracket is tight: " + c);
        for (JsonNode p : c.get("probes")) {
            assertTrue(Files.isRegularFile(dir.resolve("cap/probes/users.perCell=" + p.get("x").asInt())
                    .resolve("summary.json")));
        }
        assertTrue(o.out().contains("capacity (meanSatisfaction >= 0.8): " + c.get("describe").asText()), o.out());
        MainTest.Outcome bad = MainTest.execute("capacity", f.toString(), "--vary", "edge.mode", "--target",
                "satisfaction >= 0.8");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("needs an integer field"), bad.err());
    }

    @Test
    void replicationsInParallelGiveTheResultsOfOneThread() throws Exception {
        Path f = scenario("run: {replications: 4, durationS: 900, warmupS: auto}\nusers: {count: 8}\n");
        for (String jobs : List.of("1", "3")) {
            MainTest.Outcome o = MainTest.execute("run", f.toString(), "--jobs", jobs, "--no-report", "--out",
                    dir.resolve("j" + jobs).toString());
            assertEquals(0, o.code(), o.err());
        }
        for (String file : List.of("requests.csv", "summary.json", "timeseries.csv")) {
            assertArrayEquals(Files.readAllBytes(dir.resolve("j1").resolve(file)),
                    Files.readAllBytes(dir.resolve("j3").resolve(file)), file);
        }
        assertEquals(2, MainTest.execute("run", f.toString(), "--jobs", "0").code());
    }
}
