package aigcsim.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import aigcsim.core.compute.AnalyticComputeService;
import aigcsim.core.metrics.ResultWriter;
import aigcsim.core.metrics.RunResult;
import aigcsim.core.sim.Scenario;
import aigcsim.core.sim.Simulation;
import aigcsim.core.timeline.TimelineAction;
import aigcsim.core.timeline.TimelineEvent;

/** The report of a run folder: self-contained, the charts it should have, clear errors on bad folders. */
class ReportTest {
    @TempDir
    Path dir;

    /** A run folder as the scenarios module writes it, from a small analytic run with snapshots and an outage. */
    static Path runFolder(Path dir) throws Exception {
        Scenario s = Scenario.builder().name("small").seed(3).users(8).durationS(900).warmupS(60).replications(2)
                .event(new TimelineEvent(0, 60, new TimelineAction.Snapshot()))
                .event(TimelineEvent.at(300, new TimelineAction.EdgeDown(0)))
                .event(TimelineEvent.at(360, new TimelineAction.EdgeUp(0))).build();
        List<RunResult> runs = Simulation.run(s, new AnalyticComputeService(), Simulation.Progress.NONE);
        Files.createDirectories(dir);
        ResultWriter.writeRequestsCsv(dir.resolve("requests.csv"), runs);
        ResultWriter.writeSummaryJson(dir.resolve("summary.json"), s.describe(), "analytic", runs);
        ResultWriter.writeTimelineCsv(dir.resolve("timeline.csv"), runs);
        ResultWriter.writeTimeSeriesCsv(dir.resolve("timeseries.csv"), runs);
        Files.writeString(dir.resolve("scenario.yaml"), "name: small\ncells:\n- xM: 250.0\n  yM: 250.0\n");
        Files.writeString(dir.resolve("run.json"), "{\"scenarioSha256\": \"x\", \"code\": \"abc123\"}\n");
        return dir;
    }

    @Test
    void aRunReportIsOneSelfContainedFileWithItsCharts() throws Exception {
        Path report = Report.write(runFolder(dir.resolve("run")));
        String html = Files.readString(report);
        assertTrue(html.length() < 3_000_000, "size " + html.length());
        assertTrue(html.contains("echarts.init") && html.contains("Apache"), "the chart library is inlined");
        Matcher external = Pattern.compile("(?i)(src|href)\\s*=\\s*[\"']?(https?:|//)|url\\((https?:|//)|"
                + "<link\\b|<script[^>]+src=").matcher(html);
        assertFalse(external.find(), "references nothing outside the file: " + (external.find(0) ? external.group()
                : ""));
        long charts = Pattern.compile("class=chart id=chart").matcher(html).results().count();
        assertEquals(9, charts, "CDF, breakdown, satisfaction, failures, cell map, and the time series of the "
                + "queue, batch occupancy, edge utilization and band use");
        assertTrue(html.contains("edge-down") && html.contains("edge-up"), "the scripted events are marked");
        assertTrue(html.contains("No computed images in these results"), "an empty gallery is said, not shown");
        assertFalse(html.contains("<img class=sample"), "and no image is shown");
        assertTrue(html.contains("code abc123") || html.contains("Code abc123"), "the code version");
        assertTrue(html.contains("every replication judged in steady state") || html.contains("NOT in steady"));
    }

    @Test
    void theCdfIsDownsampledAndMatchesTheQuantilesOfTheRequests() throws Exception {
        RunData run = RunData.read(runFolder(dir.resolve("run")), "r");
        var cdf = Charts.latencyCdf(List.of(run)).get("series").get(0).get("data");
        assertTrue(cdf.size() <= Charts.CDF_POINTS && cdf.size() > 10, "points " + cdf.size());
        double[] lat = run.requests().stream().filter(r -> !r.inWarmup() && r.delivered())
                .mapToDouble(RunData.Row::latencyS).sorted().toArray();
        assertEquals(lat[0], cdf.get(0).get(0).asDouble(), 1e-9, "starts at the fastest delivered request");
        assertEquals(lat[lat.length - 1], cdf.get(cdf.size() - 1).get(0).asDouble(), 1e-9, "ends at the slowest");
        assertEquals(1.0, cdf.get(cdf.size() - 1).get(1).asDouble());
    }

    @Test
    void theCellMapShowsTheUsersWhereTheyAskedAndTheTimeSeriesEverySample() throws Exception {
        RunData run = RunData.read(runFolder(dir.resolve("run")), "r");
        var users = Charts.cellMap(run).get("series").get(0).get("data");
        long kept = run.requests().stream().filter(r -> !r.inWarmup()).count();
        assertEquals(kept, users.size(), "every request after warm-up (below the map's limit)");
        var first = run.requests().stream().filter(r -> !r.inWarmup()).findFirst().orElseThrow();
        assertEquals(first.userXM(), users.get(0).get(0).asDouble(), 1e-4);
        assertTrue(first.userXM() >= 0 && first.userXM() <= 500, "in the 500 m area");
        var queue = Charts.series(run, "q", "requests", s -> s.queued() + s.inEdge()).get("series").get(0);
        assertEquals(900 / 10, queue.get("data").size(), "one point per 10 s sample of replication 0");
        assertEquals(2, queue.get("markLine").get("data").size(), "edge-down and edge-up marked");
    }

    @Test
    void missingOrCorruptResultsAreClearErrors() throws Exception {
        var e = assertThrows(IllegalArgumentException.class, () -> Report.write(dir.resolve("nothing")));
        assertTrue(e.getMessage().contains("no results folder at " + dir.resolve("nothing")), e.getMessage());
        Files.createDirectories(dir.resolve("empty"));
        e = assertThrows(IllegalArgumentException.class, () -> Report.write(dir.resolve("empty")));
        assertTrue(e.getMessage().contains("holds no results of aigcsim"), e.getMessage());
        Path run = runFolder(dir.resolve("run"));
        Files.writeString(run.resolve("summary.json"), "{ not json");
        e = assertThrows(IllegalArgumentException.class, () -> Report.write(run));
        assertTrue(e.getMessage().contains("cannot read results file " + run.resolve("summary.json")), e.getMessage());
        runFolder(run);
        Files.writeString(run.resolve("requests.csv"), "replication,id\n0,1\n");
        e = assertThrows(IllegalArgumentException.class, () -> Report.write(run));
        assertTrue(e.getMessage().contains(run.resolve("requests.csv") + ": its header"), e.getMessage());
        assertFalse(Files.exists(run.resolve(Report.FILE)), "no report of a bad folder");
    }

    @Test
    void aTrainingReportDrawsTheRewardOfEachCycleOfEpisodes() throws Exception {
        Path t = dir.resolve("train");
        Files.createDirectories(t);
        // two conditions taken in turn: cycles are episodes 0-1 and 2-3
        Files.writeString(t.resolve("training.csv"), "episode,condition,seed,decisions,stored,reward,epsilon,loss,"
                + "meanEdgeSteps,non-root\n"
                + "0,a,1,10,9,0.2,0.9,NaN,10.0,0.5\n1,b,2,10,9,0.4,0.8,NaN,12.0,0.5\n"
                + "2,a,3,10,9,0.7,0.7,0.1,8.0,0.6\n3,b,4,10,9,0.9,0.6,0.1,6.0,0.6\n");
        String html = Files.readString(Report.write(t));
        assertTrue(html.contains("Training of ROOT") && html.contains("(Fig. 6)"), "the training section");
        String compact = html.replace(" ", "");
        assertTrue(compact.contains("[[2.0,0.3],[4.0,0.8]]") || compact.contains("[[2,0.3],[4,0.8]]"),
                "ROOT's cycle means 0.3 and 0.8 at episodes 2 and 4");
        assertTrue(compact.contains("[[2.0,0.5],[4.0,0.6]]") || compact.contains("[[2,0.5],[4,0.6]]"),
                "the baseline's cycle means");
        Files.writeString(t.resolve("training.csv"), "episode,reward\n");
        var e = assertThrows(IllegalArgumentException.class, () -> Report.write(t));
        assertTrue(e.getMessage().contains("training.csv"), e.getMessage());
    }

    @Test
    void aZippedSweepPathIsDrawnWithThePathItFollows() throws Exception {
        Path sw = dir.resolve("sweep");
        Files.createDirectories(sw);
        StringBuilder csv = new StringBuilder("point,repeat,folder,pacr,low,high");
        for (String f : List.of("meanLatencyS", "meanSatisfaction", "meanEdgeSteps")) {
            csv.append(',').append(f).append(',').append(f).append("HalfWidth95");
        }
        csv.append('\n');
        int k = 0;
        for (String pacr : List.of("0.5", "1.0")) {
            for (String snr : List.of("-6", "6")) {
                // low and high are zipped: high follows from low
                csv.append(k).append(",0,p").append(k++).append(',').append(pacr).append(',').append(snr).append(',')
                        .append(snr).append(",10,1,0.5,0.1,8,1\n");
            }
        }
        Files.writeString(sw.resolve("sweep.csv"), csv);
        String html = Files.readString(Report.write(sw));
        assertTrue(html.contains("meanEdgeSteps against low"), "charted against the first of the zipped pair");
        assertFalse(html.contains("against high"), "not again against the path zipped with it");
        assertTrue(html.contains("Mean satisfaction over pacr x low"), "the surface over the two axes");
    }
}
