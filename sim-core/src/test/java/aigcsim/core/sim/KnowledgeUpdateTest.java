package aigcsim.core.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import aigcsim.core.compute.AnalyticComputeService;
import aigcsim.core.framework.Framework;
import aigcsim.core.metrics.RequestRecord;
import aigcsim.core.metrics.RunResult;
import aigcsim.core.metrics.TimelineRecord;
import aigcsim.core.quality.KnowledgeTable;
import aigcsim.core.quality.QualityTable;
import aigcsim.core.timeline.TimelineAction;
import aigcsim.core.timeline.TimelineEvent;

/**
 * Knowledge updates: a package crosses the cell's backhaul in size·8 / rate, queued behind the one before it, and
 * the GSC requests its codec sends take the quality of the package it holds when they are transmitted.
 */
class KnowledgeUpdateTest {
    private static final double BACKHAUL_BPS = 2e5;
    private static final KnowledgeTable TABLE = KnowledgeTable.bundled();

    private static Scenario.Builder gsc() {
        return Scenario.builder().name("knowledge").seed(3).users(8).durationS(600).framework(Framework.GSC)
                .knowledge(new Scenario.Knowledge("no-ka", BACKHAUL_BPS));
    }

    private static RunResult run(Scenario s) {
        return Simulation.runReplication(s, 0, new AnalyticComputeService(), Simulation.Progress.NONE);
    }

    private static List<TimelineRecord> records(RunResult run, String event) {
        return run.timeline().stream().filter(t -> t.event().equals(event)).toList();
    }

    private static void assertHolds(RequestRecord r, String knowledge) {
        assertEquals(AnalyticComputeService.KNOWLEDGE_WORKER + knowledge, r.quality().worker(), "request " + r.id());
        QualityTable.Expected e = TABLE.expected(knowledge, r.snrDb()); // no fading: the SNR seen is the mean
        assertEquals(e.psnrDb(), r.quality().psnrDb(), 1e-9, "request " + r.id());
        assertEquals(e.semanticAccuracy(), r.quality().semanticAccuracy(), 1e-9, "request " + r.id());
    }

    @Test
    void aPackageArrivesAfterItsTransferAndTheRequestsSentAfterTakeItsQuality() {
        double transferS = TABLE.bytes("cala") * 8.0 / BACKHAUL_BPS;
        RunResult run = run(gsc().event(TimelineEvent.at(200, new TimelineAction.KnowledgeUpdate(0, "cala")))
                .build());
        TimelineRecord sent = records(run, "knowledge-update").get(0);
        assertEquals(200, sent.timeS(), 1e-9);
        assertEquals(TABLE.bytes("cala"), sent.details().get("bytes"));
        TimelineRecord arrived = records(run, "knowledge-arrived").get(0);
        assertEquals(200 + transferS, arrived.timeS(), 1e-9, "size x 8 / backhaul rate after it was sent");
        int before = 0;
        int after = 0;
        for (RequestRecord r : run.records()) {
            if (!r.delivered()) {
                continue;
            }
            if (r.endS() < arrived.timeS()) {
                assertHolds(r, "no-ka");
                before++;
            } else if (r.arrivalS() > arrived.timeS()) {
                assertHolds(r, "cala");
                after++;
            }
        }
        assertTrue(before > 10 && after > 10, "requests on both sides: " + before + " before, " + after + " after");
    }

    @Test
    void aSecondPackageWaitsForTheFirstOnTheBackhaul() {
        RunResult run = run(gsc().event(TimelineEvent.at(100, new TimelineAction.KnowledgeUpdate(0, "full-ft")))
                .event(TimelineEvent.at(101, new TimelineAction.KnowledgeUpdate(0, "cala"))).build());
        List<TimelineRecord> arrived = records(run, "knowledge-arrived");
        double full = TABLE.bytes("full-ft") * 8.0 / BACKHAUL_BPS;
        double cala = TABLE.bytes("cala") * 8.0 / BACKHAUL_BPS;
        assertTrue(full > 1, "the full codec takes a while to send: " + full + " s");
        assertEquals(List.of("full-ft", "cala"), arrived.stream().map(t -> t.details().get("knowledge")).toList());
        assertEquals(100 + full, arrived.get(0).timeS(), 1e-9);
        assertEquals(100 + full + cala, arrived.get(1).timeS(), 1e-9, "queued behind the first");
    }

    @Test
    void otherFrameworksAndScenariosWithoutKnowledgeKeepTheQualityTable() {
        RunResult semaigc = run(gsc().framework(Framework.SEM_AIGC).build());
        RunResult plain = run(gsc().knowledge(null).build());
        for (RunResult r : List.of(semaigc, plain)) {
            assertTrue(r.records().stream().filter(RequestRecord::delivered)
                    .allMatch(x -> x.quality().worker().equals(AnalyticComputeService.WORKER)));
        }
    }

    @Test
    void anUpdateWithoutKnowledgeOrOfAnUnknownPackageIsRefused() {
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class, () -> gsc().knowledge(null)
                .event(TimelineEvent.at(10, new TimelineAction.KnowledgeUpdate(0, "cala"))).build());
        assertTrue(none.getMessage().contains("timeline[0]") && none.getMessage().contains("knowledge"),
                none.getMessage());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> gsc()
                .event(TimelineEvent.at(10, new TimelineAction.KnowledgeUpdate(0, "dora"))).build());
        assertTrue(unknown.getMessage().contains("dora") && unknown.getMessage().contains("cala"),
                unknown.getMessage());
        IllegalArgumentException start = assertThrows(IllegalArgumentException.class,
                () -> gsc().knowledge(new Scenario.Knowledge("x", 1e6)).build());
        assertTrue(start.getMessage().contains("knowledge.start"), start.getMessage());
        assertThrows(IllegalArgumentException.class, () -> gsc().knowledge(new Scenario.Knowledge("cala", 0))
                .build());
    }
}
