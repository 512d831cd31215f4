package aigcsim.core.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import aigcsim.core.compute.AnalyticComputeService;
import aigcsim.core.metrics.RequestRecord;
import aigcsim.core.metrics.RunResult;
import aigcsim.core.policy.SplitPolicy;
import aigcsim.core.policy.SplitState;
import aigcsim.core.quality.QualityCheck;
import aigcsim.core.timeline.TimelineAction;
import aigcsim.core.timeline.TimelineEvent;

/** What a learning split policy sees: its decisions' states, and each decided request's reward when it ends. */
class PolicyFeedbackTest {
    /** Splits by the request id's parity and writes down everything it is told. */
    private static final class Recording implements SplitPolicy {
        final Map<Long, SplitState> decided = new HashMap<>();
        final Map<Long, double[]> ended = new HashMap<>();

        @Override
        public int edgeSteps(SplitState s) {
            decided.put(s.requestId(), s);
            return s.requestId() % 2 == 0 ? 20 : 5;
        }

        @Override
        public void ended(long requestId, double reward, double timeS) {
            ended.put(requestId, new double[] {reward, timeS});
        }

        @Override
        public String name() {
            return "recording";
        }
    }

    private static Scenario.Builder loaded(List<Recording> made) {
        return Scenario.builder().name("feedback").seed(3).users(10).durationS(1200)
                .qualityCheck(new QualityCheck(QualityCheck.Kind.SEMANTIC, Double.NaN, 2))
                .splitPolicy("learner").splitPolicies(name -> {
                    if (!name.equals("learner")) {
                        return SplitPolicy.of(name);
                    }
                    Recording r = new Recording();
                    made.add(r);
                    return r;
                });
    }

    @Test
    void everyDecidedRequestEndsOnceWithItsRecordsSatisfaction() {
        List<Recording> made = new ArrayList<>();
        RunResult run = Simulation.runReplication(loaded(made).build(), 0, new AnalyticComputeService(),
                Simulation.Progress.NONE);
        Recording policy = made.get(made.size() - 1);
        assertTrue(run.records().size() > 100, "a run of some length: " + run.records().size());
        assertEquals(run.records().size(), policy.decided.size());
        assertEquals(run.records().size(), policy.ended.size());
        boolean someFailed = false;
        for (RequestRecord r : run.records()) {
            SplitState s = policy.decided.get(r.id());
            assertEquals(r.arrivalS(), s.timeS(), 1e-12, "decided at the arrival");
            assertEquals(r.cell(), s.cellId());
            assertEquals(r.id() % 2 == 0 ? 20 : 5, r.edgeSteps(), "the policy's a was used");
            double[] end = policy.ended.get(r.id());
            assertEquals(r.satisfaction(), end[0], 0.0, "the reward is the record's eq. 24 satisfaction");
            assertEquals(r.endS(), end[1], 1e-9, "told when the request ended");
            someFailed |= r.failed();
            if (r.failed()) {
                assertEquals(0.0, end[0]);
            }
        }
        assertTrue(run.records().stream().anyMatch(r -> r.regenerations() > 0), "regenerated requests are told once, "
                + "at their end");
        assertTrue(someFailed || run.records().stream().allMatch(RequestRecord::delivered));
    }

    @Test
    void aTimelineSwitchAsksTheSourceAgainAndRootNeedsASource() {
        List<Recording> made = new ArrayList<>();
        Scenario s = loaded(made).event(new TimelineEvent(600, 0, new TimelineAction.SetSplitPolicy("learner")))
                .build();
        int before = made.size();
        Simulation.runReplication(s, 0, new AnalyticComputeService(), Simulation.Progress.NONE);
        assertEquals(before + 2, made.size(), "one instance at the start of the run, one at the switch");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Scenario.builder().splitPolicy(SplitPolicy.ROOT).build());
        assertTrue(e.getMessage().contains("checkpoint"), e.getMessage());
    }
}
