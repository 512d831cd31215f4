package aigcsim.scenarios.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import aigcsim.core.model.UserPlacement;
import aigcsim.core.sim.Scenario;

/** Resolving scenario files: defaults, extends, settings, layouts, and the round trip of a resolved file. */
class ScenarioResolverTest {
    @TempDir
    Path dir;

    private Path write(String name, String yaml) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, yaml);
        return f;
    }

    private static ResolvedScenario resolve(Path f, String... settings) {
        return ScenarioResolver.resolve(ScenarioLoader.load(f, Stream.of(settings)
                .map(s -> ScenarioLoader.Setting.parse(s, "test")).toList()));
    }

    @Test
    void anEmptyFileIsTheJavaBuildersDefaultScenario() throws Exception {
        Scenario fromFile = resolve(write("empty.yaml", "")).scenario();
        Scenario fromJava = Scenario.builder().name("empty").build();
        assertEquals(fromJava.describe(), fromFile.describe());
    }

    static Stream<Path> bundled() throws IOException {
        Path root = Path.of(System.getProperty("aigcsim.root", "..")).resolve("scenarios");
        try (Stream<Path> examples = Files.list(root.resolve("examples"));
                Stream<Path> twins = Files.list(root.resolve("twin"))) {
            Stream<Path> files = Stream.concat(examples, twins);
            return Stream.concat(Stream.of(root.resolve("default.yaml"), root.resolve("policies/root-train.yaml")),
                    files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList().stream());
        }
    }

    @ParameterizedTest
    @MethodSource("bundled")
    void aResolvedFileRoundTrips(Path example) throws Exception {
        ResolvedScenario first = ScenarioResolver.resolve(ScenarioLoader.load(example));
        Path written = write("resolved.yaml", ScenarioYaml.write(first.resolved()));
        ResolvedScenario again = ScenarioResolver.resolve(ScenarioLoader.load(written));
        assertEquals(first.resolved(), again.resolved());
        assertEquals(first.scenario().describe(), again.scenario().describe());
        assertEquals(first.compute(), again.compute());
    }

    @Test
    void aGscFileValidatesAndResolvesToTheJsccFrameworkOnItsChannel() throws Exception {
        Path f = write("gsc.yaml", "framework: gsc\nchannel:\n  fading: {kind: rayleigh}\n"
                + "payload: {jsccChannelUses: 4096}\n");
        Scenario s = resolve(f).scenario();
        assertEquals(aigcsim.core.framework.Framework.GSC, s.framework());
        assertEquals(aigcsim.core.framework.Transmission.JSCC_LATENT, s.framework().transmission());
        assertEquals(aigcsim.core.channel.Fading.Kind.RAYLEIGH, s.fading().kind());
        assertEquals(4096, s.jsccChannelUses(), 0);
        assertEquals(aigcsim.core.sim.Defaults.JSCC_CHANNEL_USES,
                resolve(write("gsc-default.yaml", "framework: gsc\n")).scenario().jsccChannelUses(), 0);
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> resolve(write("bad.yaml", "framework: gsc\npayload: {jsccChannelUses: -1}\n")));
        assertTrue(e.getMessage().contains("payload.jsccChannelUses"), e.getMessage());
    }

    @Test
    void anOfdmChannelResolvesWithTheNominalBandAndItsFieldsBelongToIt() throws Exception {
        Scenario s = resolve(write("ofdm.yaml", "channel:\n  fading: {kind: ofdm, delaySpreadS: 300e-9}\n"))
                .scenario();
        assertEquals(aigcsim.core.channel.Fading.ofdm(aigcsim.core.sim.Defaults.RAYLEIGH_COHERENCE_S,
                new aigcsim.core.channel.Ofdm(64, 30e3, 300e-9)), s.fading());
        ScenarioException e = assertThrows(ScenarioException.class, () -> resolve(write("bad-ofdm.yaml",
                "channel:\n  fading: {kind: rayleigh, subcarriers: 64}\n")));
        assertTrue(e.getMessage().contains("channel.fading.subcarriers") && e.getMessage().contains("does not apply"),
                e.getMessage());
        e = assertThrows(ScenarioException.class, () -> resolve(write("big-ofdm.yaml",
                "channel:\n  fading: {kind: ofdm, subcarriers: 4096}\n")));
        assertTrue(e.getMessage().contains("channel.fading.subcarriers"), e.getMessage());
    }

    @Test
    void extendsOverridesFieldByFieldAndReplacesLists() throws Exception {
        write("base.yaml", "name: base\nusers:\n  count: 5\n  deadlineS: 30\nedge: {mode: serial}\n"
                + "cells:\n  - {xM: 0, yM: 0}\n  - {xM: 500, yM: 0}\narrivals: {kind: poisson, ratePerS: 0.1}\n");
        Path child = write("child.yaml", "extends: base.yaml\nname: child\nusers:\n  count: 8\n"
                + "cells:\n  - {xM: 100, yM: 100}\narrivals: {ratePerS: null}\n");
        Scenario s = resolve(child).scenario();
        assertEquals("child", s.name());
        assertEquals(8, s.users());
        assertEquals(30, s.deadlineS());
        assertEquals(Scenario.EdgeMode.SERIAL, s.edgeMode());
        assertEquals(1, s.cells().size());
        assertEquals(100, s.cells().get(0).position().xM());
        assertEquals("poisson(rate=" + aigcsim.core.sim.Defaults.REQUESTS_PER_USER_PER_S + "/s)",
                s.arrivals().describe(), "null resets the base's rate to the default");
    }

    @Test
    void aProblemInAnExtendedFileNamesThatFile() throws Exception {
        Path base = write("base.yaml", "users:\n  count: -1\n");
        Path child = write("child.yaml", "extends: base.yaml\n");
        ScenarioException e = assertThrows(ScenarioException.class, () -> resolve(child));
        assertTrue(e.getMessage().startsWith(base + ":2:"), e.getMessage());
    }

    @Test
    void filesThatExtendEachOtherAreACycle() throws Exception {
        write("a.yaml", "extends: b.yaml\n");
        write("b.yaml", "extends: a.yaml\n");
        ScenarioException e = assertThrows(ScenarioException.class, () -> resolve(dir.resolve("a.yaml")));
        assertTrue(e.getMessage().contains("cycle"), e.getMessage());
    }

    @Test
    void settingsApplyOnTopAndUnknownPathsNameTheNearest() throws Exception {
        Path f = write("s.yaml", "users: {count: 4}\ncells: [{}, {xM: 10}]\n");
        Scenario s = resolve(f, "users.count=20", "edge.mode=serial", "cells[1].bandwidthHz=5e6").scenario();
        assertEquals(20, s.users());
        assertEquals(Scenario.EdgeMode.SERIAL, s.edgeMode());
        assertEquals(5e6, s.cells().get(1).bandwidthHz());
        ScenarioException e = assertThrows(ScenarioException.class, () -> resolve(f, "users.cuont=3"));
        assertTrue(e.getMessage().contains("test: users.cuont: no such field") && e.getMessage()
                .contains("[users.count"), e.getMessage());
        e = assertThrows(ScenarioException.class, () -> resolve(f, "cells[5].xM=3"));
        assertTrue(e.getMessage().contains("'cells' has 2 entries, no index 5"), e.getMessage());
    }

    @Test
    void theFirstEntryOfAListTheFileLeavesOutCanBeSet() throws Exception {
        Scenario s = resolve(write("nocells.yaml", "users: {count: 3}\n"), "cells[0].pacr=0.4").scenario();
        assertEquals(1, s.cells().size());
        assertEquals(0.4, s.cells().get(0).pacr().at(0));
        assertEquals(s.areaWidthM() / 2, s.cells().get(0).position().xM(), "the default cell, with its PACR set");
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> resolve(write("nocells2.yaml", ""), "cells[1].pacr=0.4"));
        assertTrue(e.getMessage().contains("'cells' has 0 entries, no index 1"), e.getMessage());
    }

    @Test
    void aHexagonalLayoutPlacesRingsAtTheInterSiteDistance() throws Exception {
        Scenario s = resolve(write("hex.yaml", "layout: {kind: hexagonal, count: 7, interSiteDistanceM: 400}\n"
                + "users: {perCell: 2}\n")).scenario();
        assertEquals(7, s.cells().size());
        assertEquals(14, s.users());
        var centre = s.cells().get(0).position();
        for (int i = 1; i < 7; i++) {
            assertEquals(400, s.cells().get(i).position().distanceTo(centre), 1e-9, "cell " + i);
            for (int j = i + 1; j < 7; j++) {
                assertTrue(s.cells().get(i).position().distanceTo(s.cells().get(j).position()) >= 400 - 1e-9);
            }
        }
        assertEquals(new UserPlacement.AroundCells(200), s.placement());
        assertEquals(s.areaWidthM() / 2, centre.xM(), 1e-9, "the layout is centred in its area");
    }

    @Test
    void aGridLayoutHasRowsAndColumns() throws Exception {
        Scenario s = resolve(write("grid.yaml", "layout: {kind: grid, count: 5, interSiteDistanceM: 300}\n"))
                .scenario();
        List<Double> xs = s.cells().stream().map(c -> c.position().xM()).distinct().sorted().toList();
        List<Double> ys = s.cells().stream().map(c -> c.position().yM()).distinct().sorted().toList();
        assertEquals(3, xs.size());
        assertEquals(2, ys.size());
        assertEquals(300, xs.get(1) - xs.get(0), 1e-9);
    }

    @Test
    void relativePathsResolveAgainstTheFileAndAreWrittenAbsolute() throws Exception {
        Files.createDirectories(dir.resolve("sub"));
        Files.writeString(dir.resolve("sub").resolve("t.csv"), "0.5,0,\n1.5,1,\n");
        ResolvedScenario r = resolve(write("sub/trace.yaml", "users: {count: 2}\narrivals: {kind: trace, "
                + "trace: t.csv}\n"));
        assertEquals(dir.resolve("sub").resolve("t.csv").toString(), r.resolved().arrivals().trace());
    }

    @Test
    void warmupAutoAndTheTimelineReachTheSimulator() throws Exception {
        Scenario s = resolve(write("t.yaml", "run: {warmupS: auto, durationS: 600}\ntimeline:\n"
                + "  - {atS: 60, event: set-pacr, pacr: 0.5}\n  - {atS: 0, everyS: 30, event: snapshot}\n"))
                .scenario();
        assertTrue(s.warmupAuto());
        assertEquals(2, s.timeline().size());
        assertEquals(30, s.timeline().get(1).everyS());
    }

    @Test
    void aQualityCheckReachesTheSimulatorAndPinsThePoolToBatchOne() throws Exception {
        Path f = write("q.yaml", "quality: {check: semantic}\n");
        Scenario s = resolve(f).scenario();
        assertEquals(new aigcsim.core.quality.QualityCheck(aigcsim.core.quality.QualityCheck.Kind.SEMANTIC,
                Double.NaN, 3), s.qualityCheck(), "the papers' 3 regenerations by default");
        assertEquals(1, resolve(f, "compute.fidelity=cached").compute().maxBatch(), "checked: computed alone");
        assertEquals(16, resolve(write("n.yaml", ""), "compute.fidelity=cached").compute().maxBatch());
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> resolve(f, "compute.fidelity=cached", "compute.maxBatch=4"));
        assertTrue(e.getMessage().contains("compute.maxBatch: must be 1 with a quality check"), e.getMessage());
        e = assertThrows(ScenarioException.class, () -> resolve(write("p.yaml", "quality: {check: psnr}\n")));
        assertTrue(e.getMessage().contains("quality.psnrThresholdDb: is needed by check psnr"), e.getMessage());
    }
}
