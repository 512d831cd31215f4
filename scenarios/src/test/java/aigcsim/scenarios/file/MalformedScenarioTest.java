package aigcsim.scenarios.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Malformed scenario files: each is rejected before anything runs, with one message naming the file, the line of the
 * offending value, the field path, what was wrong and what is allowed.
 */
class MalformedScenarioTest {
    @TempDir
    static Path dir;

    record Case(String name, String yaml, int line, String path, String says) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("unknown top-level field", "name: x\nusres: 3\n", 2, "usres",
                        "unknown field 'usres'; known fields here (nearest first): [users"),
                new Case("unknown nested field", "cells:\n  - bandwith: 1e6\n", 2, "cells[0].bandwith",
                        "(nearest first): [bandwidthHz"),
                new Case("negative bandwidth", "cells:\n  - {}\n  - bandwidthHz: -5\n", 3, "cells[1].bandwidthHz",
                        "must be > 0, got -5"),
                new Case("infinite duration", "run:\n  durationS: 1e999\n", 2, "run.durationS", "finite number"),
                new Case("units in a number", "run:\n  durationS: 60 s\n", 2, "run.durationS",
                        "expected a number, got string \"60 s\""),
                new Case("zero replications", "run:\n  replications: 0\n", 2, "run.replications", "must be >= 1"),
                new Case("fractional replications", "run:\n  replications: 2.5\n", 2, "run.replications",
                        "expected a whole number"),
                new Case("unknown split policy", "split:\n  policy: best\n", 2, "split.policy",
                        "unknown split policy 'best'; allowed: [fixed:<a>, edge-only, local-only, greedy, quality-greedy, "
                        + "root]"),
                new Case("missing ROOT checkpoint", "split:\n  policy: root\n  checkpoint: no-such-folder\n", 3,
                        "split.checkpoint", "ROOT checkpoint not found"),
                new Case("ROOT checkpoint for another T", "split:\n  policy: root\n  totalSteps: 10\n", 1,
                        "split.checkpoint", "was trained for T = 20"),
                new Case("negative fixed split", "split:\n  policy: fixed:-2\n", 2, "split.policy",
                        "a must be >= 0"),
                new Case("unknown scheduler", "bandwidth:\n  scheduler: fair\n", 2, "bandwidth.scheduler",
                        "unknown bandwidth scheduler 'fair'"),
                new Case("unknown framework", "framework: semaigcc\n", 1, "framework",
                        "unknown value 'semaigcc'; allowed: [semaigc"),
                new Case("unknown edge mode", "edge:\n  mode: parallel\n", 2, "edge.mode",
                        "allowed: [serial, async]"),
                new Case("missing trace file", "users: {count: 2}\narrivals:\n  kind: trace\n  trace: nope.csv\n", 4,
                        "arrivals.trace", "trace file not found"),
                new Case("trace arrivals without a trace", "arrivals:\n  kind: trace\n", 1, "arrivals.trace",
                        "is needed by trace arrivals"),
                new Case("timeline event after the end", "run:\n  durationS: 100\ntimeline:\n"
                        + "  - {atS: 200, event: snapshot}\n", 4, "timeline[0].atS", "after the end of the run"),
                new Case("unknown timeline event", "timeline:\n  - {atS: 1, event: explode}\n", 2,
                        "timeline[0].event", "unknown value 'explode'"),
                new Case("timeline event missing its value", "timeline:\n  - {atS: 1, event: set-pacr}\n", 2,
                        "timeline[0].pacr", "is needed by event set-pacr"),
                new Case("timeline field that does not apply", "timeline:\n  - atS: 1\n    event: snapshot\n"
                        + "    pacr: 0.5\n", 4, "timeline[0].pacr", "does not apply to event snapshot"),
                new Case("timeline cell that does not exist", "timeline:\n  - {atS: 1, event: edge-down, cell: 3}\n",
                        2, "timeline[0].cell", "must name a cell 0..0 (absent: every cell), got 3"),
                new Case("knowledge update without knowledge", "timeline:\n"
                        + "  - {atS: 1, event: knowledge-update, knowledge: cala}\n", 2, "timeline[0]",
                        "needs the scenario's knowledge section"),
                new Case("unknown knowledge package", "knowledge: {start: no-ka}\ntimeline:\n"
                        + "  - {atS: 1, event: knowledge-update, knowledge: dora}\n", 3, "timeline[0].knowledge",
                        "unknown package 'dora'; the knowledge table has ["),
                new Case("knowledge update without its package", "knowledge: {start: no-ka}\ntimeline:\n"
                        + "  - {atS: 1, event: knowledge-update}\n", 3, "timeline[0].knowledge",
                        "is needed by event knowledge-update"),
                new Case("knowledge with computed fidelity", "knowledge: {start: no-ka}\ncompute: {fidelity: cached}\n",
                        1, "knowledge", "needs compute.fidelity analytic"),
                new Case("zero backhaul", "knowledge:\n  start: cala\n  backhaulBps: 0\n", 3, "knowledge.backhaulBps",
                        "must be > 0"),
                new Case("PACR above one", "cells:\n  - pacr: 1.5\n", 2, "cells[0].pacr", "must be in (0, 1]"),
                new Case("pacr and a schedule", "cells:\n  - pacr: 0.5\n    pacrSchedule: [[0, 1]]\n", 2,
                        "cells[0].pacr", "give pacr or pacrSchedule, not both"),
                new Case("schedule not from 0", "cells:\n  - pacrSchedule: [[10, 1]]\n", 2, "cells[0].pacrSchedule",
                        "starting at 0 s"),
                new Case("warm-up past the run", "run:\n  durationS: 100\n  warmupS: 100\n", 3, "run.warmupS",
                        "must be in [0, durationS = 100) s or auto"),
                new Case("warm-up word", "run:\n  warmupS: soon\n", 2, "run.warmupS",
                        "must be a number of seconds or auto"),
                new Case("requirement range reversed", "users:\n  requirementLowS: 20\n  requirementHighS: 10\n", 3,
                        "users.requirementHighS", "must be > requirementLowS 20 s"),
                new Case("SNR range reversed", "channel:\n  snr: {kind: uniform, lowDb: 10, highDb: 0}\n", 2,
                        "channel.snr.highDb", "must be >= lowDb 10 dB"),
                new Case("path-loss field on a uniform SNR", "channel:\n  snr:\n    kind: uniform\n"
                        + "    txPowerDbm: 40\n", 4, "channel.snr.txPowerDbm", "does not apply to snr kind uniform"),
                new Case("coherence without fading", "channel:\n  fading:\n    coherenceS: 0.1\n", 3,
                        "channel.fading.coherenceS", "does not apply to fading none"),
                new Case("on-off without its sojourns", "arrivals:\n  kind: on-off\n  onRatePerS: 1\n  meanOffS: 60\n", 1,
                        "arrivals.meanOnS", "is needed by on-off arrivals"),
                new Case("layout and cells", "layout: {count: 3}\ncells: [{}]\n", 1, "layout",
                        "give either cells or layout, not both"),
                new Case("count and perCell disagree", "users:\n  count: 5\n  perCell: 3\n", 2, "users.count",
                        "perCell 3 x 1 cells = 3"),
                new Case("random waypoint without speeds", "users:\n  mobility:\n    kind: random-waypoint\n    maxSpeedMps: 2\n", 2,
                        "users.mobility.minSpeedMps", "is needed by random-waypoint"),
                new Case("unknown edge profile", "cells:\n  - edgeProfile: rtx-9090\n", 2, "cells[0].edgeProfile",
                        "device profile file not found"),
                new Case("no workers", "compute:\n  fidelity: cached\n  workers: 0\n", 3, "compute.workers",
                        "must be >= 1, got 0"),
                new Case("pool options without a pool", "compute:\n  workers: 2\n", 2, "compute.workers",
                        "does not apply to fidelity analytic"),
                new Case("YAML syntax", "run: [1, 2\nname: x\n", 2, "", "not valid YAML"),
                new Case("a list, not a map", "- a\n- b\n", 1, "", "a scenario file is a map of fields"),
                new Case("a field twice", "name: a\nname: b\n", 2, "name", "field given twice"),
                new Case("cells as a map", "cells:\n  bandwidthHz: 1\n", 1, "cells", "expected a list"),
                new Case("negative Zipf", "prompts:\n  zipfExponent: -1\n", 2, "prompts.zipfExponent",
                        "must be >= 0"),
                new Case("unknown mobility", "users:\n  mobility: {kind: teleport}\n", 2, "users.mobility.kind",
                        "allowed: [static, random-waypoint]"),
                new Case("missing prompt file", "prompts:\n  catalogue: prompts.txt\n", 2, "prompts.catalogue",
                        "cannot read prompt file"),
                new Case("extends a missing file", "extends: base.yaml\n", 1, "extends", "file not found"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void isRejectedWithFileLineAndField(Case c) throws Exception {
        Path file = dir.resolve(c.name().replace(' ', '-') + ".yaml");
        Files.writeString(file, c.yaml());
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> ScenarioResolver.resolve(ScenarioLoader.load(file)));
        String message = e.getMessage();
        assertTrue(message.startsWith(file + ":" + c.line() + ":"), "file and line first: " + message);
        assertTrue(message.contains(": " + c.path() + ": ") || c.path().isEmpty(), "names " + c.path() + ": "
                + message);
        assertTrue(message.contains(c.says()), "says '" + c.says() + "': " + message);
        assertEquals(1, e.problems().size(), "one message: " + message);
    }
}
