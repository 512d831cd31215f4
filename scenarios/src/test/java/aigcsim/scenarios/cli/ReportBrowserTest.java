package aigcsim.scenarios.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import aigcsim.reports.Figures;

/**
 * The reports of a run, a comparison, a sweep and a capacity search, opened in a real headless Chromium (Debian's
 * {@code chromium}, which {@code .ci/run} installs; skipped where it is absent): the page loads with no console
 * error, every chart has rendered as a non-empty SVG, and a screenshot is written to
 * {@code scenarios/target/report-screenshots/}.
 */
class ReportBrowserTest {
    @TempDir
    Path dir;

    /** Runs Chromium headless on a file; returns its standard output (with {@code stderr} written to a file). */
    private static String chrome(String chromium, Path page, Path stderr, String... mode) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(chromium, "--headless=new", "--no-sandbox", "--disable-gpu",
                "--enable-logging=stderr", "--v=0", "--window-size=1300,2400", "--virtual-time-budget=10000"));
        cmd.addAll(List.of(mode));
        cmd.add(page.toUri().toString());
        Process p = new ProcessBuilder(cmd).redirectError(stderr.toFile()).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "chromium finished");
        return new String(out, StandardCharsets.UTF_8);
    }

    @Test
    void everyKindOfReportRendersInChromiumWithoutErrors() throws Exception {
        String chromium = Figures.chromium();
        Assumptions.assumeTrue(chromium != null, "Debian's chromium is not installed (.ci/run installs it)");
        Path s = dir.resolve("s.yaml");
        Files.writeString(s, "run: {replications: 3, durationS: 600, warmupS: 60}\nusers: {count: 6}\n"
                + "timeline:\n  - {atS: 0, everyS: 60, event: snapshot}\n  - {atS: 200, event: set-pacr, pacr: 0.5}\n");
        Path c = dir.resolve("c.yaml");
        Files.writeString(c, "run: {durationS: 900, warmupS: 60}\nusers: {perCell: 1}\nedge: {mode: serial}\n"
                + "split: {policy: edge-only}\n");
        Path sw = dir.resolve("sw.yaml");
        Files.writeString(sw, "run: {replications: 2, durationS: 600, warmupS: 60}\nsweep:\n  grid:\n"
                + "    edge.mode: [serial, async]\n    users.count: [4, 8]\n");
        List<String[]> commands = List.of(
                new String[] {"run", s.toString(), "--out", dir.resolve("run").toString()},
                new String[] {"compare", s.toString(), "--vary", "edge.mode=serial,async", "--set",
                    "compute.fidelity=cached", "--set", "run.durationS=240", "--set", "compute.imagesKept=6",
                    "--replications", "1", "--set", "run.warmupS=0", "--out", dir.resolve("compare").toString()},
                new String[] {"sweep", sw.toString(), "--out", dir.resolve("sweep").toString()},
                new String[] {"capacity", c.toString(), "--vary", "users.perCell", "--target", "satisfaction >= 0.8",
                    "--max", "40", "--out", dir.resolve("capacity").toString()});
        Path shots = Path.of("target", "report-screenshots");
        Files.createDirectories(shots);
        for (String[] command : commands) {
            MainTest.Outcome o = MainTest.execute(command);
            assertEquals(0, o.code(), o.err());
            String kind = command[0];
            Path report = dir.resolve(kind).resolve("report.html");
            assertTrue(o.out().contains("report: " + report), o.out());
            Path log = dir.resolve(kind + "-chromium.log");
            String dom = chrome(chromium, report, log, "--dump-dom");
            List<String> console = Files.readAllLines(log).stream().filter(l -> l.contains(":CONSOLE")).toList();
            assertTrue(console.isEmpty(), kind + ": console messages " + console);
            Matcher charts = Pattern.compile("<div class=\"chart\" id=\"(chart\\d+)\"").matcher(dom);
            int n = 0;
            while (charts.find()) {
                n++;
                int from = charts.end();
                int to = dom.indexOf("<figure", from) < 0 ? dom.length() : dom.indexOf("<figure", from);
                String chart = dom.substring(from, to);
                assertTrue(chart.contains("<svg") && Pattern.compile("<path [^>]*d=\"M").matcher(chart).find(),
                        kind + " " + charts.group(1) + " rendered as SVG with drawn paths");
            }
            assertTrue(n >= (kind.equals("capacity") ? 1 : 4), kind + ": charts " + n);
            Matcher images = Pattern.compile("data-images=\"(\\d+)/(\\d+) decoded\"").matcher(dom);
            assertTrue(images.find(), kind + ": the page counted its images after load");
            assertEquals(images.group(2), images.group(1), kind + ": every gallery image decodes");
            if (kind.equals("compare")) {
                assertTrue(Integer.parseInt(images.group(1)) >= 6, "a computed comparison shows its images: "
                        + images.group());
            } else if (kind.equals("run")) {
                assertTrue(dom.contains("No computed images in these results"), "an analytic run says so");
            }
            Path shot = shots.resolve(kind + ".png").toAbsolutePath();
            Files.deleteIfExists(shot);
            chrome(chromium, report, dir.resolve(kind + "-shot.log"), "--screenshot=" + shot);
            assertTrue(Files.size(shot) > 20_000, kind + ": screenshot " + Files.size(shot) + " bytes");
            assertFalse(Files.readString(report).contains("http://cdn"), kind);
        }
    }
}
