package aigcsim.scenarios.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import aigcsim.scenarios.file.ScenarioLoader;
import aigcsim.worker.ClusterMember;
import aigcsim.worker.ClusterOptions;

/**
 * A sweep on three cluster members on loopback, one of which crashes while it runs a point: every point is written
 * once, the lost one runs again on another member, and every file is byte for byte what a local run writes.
 */
class ClusterJobsTest {
    private static final List<String> MEMBERS = List.of("127.0.0.1:15811", "127.0.0.1:15812", "127.0.0.1:15813");

    @TempDir
    Path dir;

    private static ClusterOptions node(int port, int slots) {
        return new ClusterOptions("127.0.0.1", port, MEMBERS, slots);
    }

    @Test
    void aMemberThatLeavesMidSweepLosesNoPointAndNoneIsWrittenTwice() throws Exception {
        Path file = dir.resolve("sweep.yaml");
        Files.writeString(file, "name: cluster-sweep\ncompute: {fidelity: analytic}\n"
                + "run: {replications: 2, durationS: 60000, warmupS: 60}\nusers: {count: 6}\n"
                + "sweep:\n  grid:\n    edge.mode: [serial, async]\n    users.count: [4, 8, 12]\n");
        List<SweepStudy.Run> runs = SweepStudy.runs(ScenarioLoader.load(file), List.of());
        List<SimulationJob> jobs = new ArrayList<>();
        for (SweepStudy.Run r : runs) {
            jobs.add(new SimulationJob(r.point().folder(), ScenarioRef.of(file, r.settings())));
        }
        Map<String, Integer> written = new ConcurrentHashMap<>();
        AtomicBoolean left = new AtomicBoolean();
        ClusterJobs.Outcome outcome;
        try (ClusterMember coordinator = ClusterMember.join(node(15811, 1));
                ClusterMember steady = ClusterMember.join(node(15812, 1))) {
            ClusterMember leaving = ClusterMember.join(node(15813, 1));
            String leavingAddress = leaving.hazelcast().getCluster().getLocalMember().getAddress().toString();
            assertEquals(3, coordinator.hazelcast().getCluster().getMembers().size());
            outcome = new ClusterJobs(coordinator.hazelcast()).onStart((job, member) -> {
                // the leaving member crashes (its Hazelcast member ends at once) while it runs its first point
                if (member.getAddress().toString().equals(leavingAddress) && left.compareAndSet(false, true)) {
                    new Thread(() -> leaving.hazelcast().getLifecycleService().terminate()).start();
                }
            }).run(jobs, (job, files) -> {
                written.merge(job.label(), 1, Integer::sum);
                SweepStudy.Run r = runs.stream().filter(x -> x.point().folder().equals(job.label())).findFirst()
                        .orElseThrow();
                ResultsFolder.writeFiles(dir.resolve("cluster").resolve(job.label()), r.scenario(), files);
            });
            try {
                leaving.close();
            } catch (RuntimeException e) {
                // its Hazelcast member has already ended
            }
        }
        assertTrue(left.get(), "a point was sent to the member that left");
        assertEquals(List.of(), outcome.failures());
        assertEquals(runs.size(), outcome.done());
        assertTrue(outcome.rerun() >= 1, "the point of the member that left ran again: " + outcome);
        for (SweepStudy.Run r : runs) {
            assertEquals(1, written.get(r.point().folder()), r.point().folder() + " written once");
        }
        assertTrue(outcome.doneBy().size() >= 2, "both remaining members ran points: " + outcome.doneBy());

        // the same points run here, one after another: the same files, byte for byte
        for (SweepStudy.Run r : runs) {
            Path local = dir.resolve("local").resolve(r.point().folder());
            SweepStudy.runInto(r.scenario(), local);
            Path remote = dir.resolve("cluster").resolve(r.point().folder());
            List<Path> files;
            try (Stream<Path> all = Files.walk(local)) {
                files = all.filter(Files::isRegularFile).map(local::relativize).sorted().toList();
            }
            try (Stream<Path> all = Files.walk(remote)) {
                assertEquals(files, all.filter(Files::isRegularFile).map(remote::relativize).sorted().toList());
            }
            for (Path f : files) {
                assertArrayEquals(Files.readAllBytes(local.resolve(f)), Files.readAllBytes(remote.resolve(f)),
                        r.point().folder() + "/" + f);
            }
            assertFalse(files.isEmpty());
        }
    }
}
