package aigcsim.core.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import aigcsim.core.compute.ComputeResult;

/** Records spilled to disk read back exactly and in order, as often as asked, and views change them on read. */
class RecordsTest {
    /** Varied records: NaN phases, failures, odd prompts, some with images (side 3 and 28). */
    private static List<RequestRecord> sample(int n) {
        SplittableRandom rng = new SplittableRandom(9);
        List<RequestRecord> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            boolean failed = i % 3 == 0;
            int side = i % 7 == 0 ? 28 : 3;
            ComputeResult.Images images = i % 5 != 0 ? null : new ComputeResult.Images(side, bytes(rng, side),
                    bytes(rng, side));
            ComputeResult q = failed ? ComputeResult.none("analytic")
                    : new ComputeResult("full \"q\"", rng.nextDouble() * 30, rng.nextDouble(), i % 2, i % 4 == 1,
                            "worker-" + i, rng.nextDouble() * 100, images);
            out.add(new RequestRecord(i, i % 11, i % 2, rng.nextDouble() * 500, -rng.nextDouble(),
                    i % 2 == 0 ? "a shirt, \"é\"" : "trousers", rng.nextLong(), i * 0.37, i * 0.37 + 9,
                    rng.nextDouble(), failed ? Double.NaN : 2.5, 0.1 * i, Double.NaN, failed ? Double.NaN : 9,
                    i % 21, rng.nextGaussian() * 10, 2e7 / (i + 1), i % 2, failed ? 0 : rng.nextDouble(), failed,
                    failed ? "DEADLINE" : "NONE", failed ? "QUEUE" : "", i % 3, i < 4, q));
        }
        return out;
    }

    private static byte[] bytes(SplittableRandom rng, int side) {
        byte[] b = new byte[side * side];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) rng.nextInt(256);
        }
        return b;
    }

    /** Equal field by field, doubles bit for bit, images by content. */
    private static void assertSame(RequestRecord want, RequestRecord got) {
        ComputeResult.Images wi = want.quality().images();
        ComputeResult.Images gi = got.quality().images();
        assertEquals(want.withoutImages(), got.withoutImages(), "record " + want.id());
        assertEquals(wi == null, gi == null, "images of record " + want.id());
        if (wi != null) {
            assertEquals(wi.side(), gi.side());
            assertArrayEquals(wi.delivered(), gi.delivered());
            assertArrayEquals(wi.reference(), gi.reference());
        }
    }

    /** {@code records} stored with at most {@code memoryLimit} in memory. */
    private static Records built(List<RequestRecord> records, int memoryLimit) {
        Records.Builder b = new Records.Builder(memoryLimit);
        records.forEach(b::add);
        return b.build();
    }

    @Test
    void spilledRecordsReadBackExactlyInOrderEveryTime() {
        List<RequestRecord> want = sample(3000);
        Records records = built(want, 100);
        assertTrue(records.spilled(), "2900 of 3000 records past the limit of 100 are on disk");
        assertEquals(3000, records.size());
        for (int reading = 0; reading < 2; reading++) {
            List<RequestRecord> got = records.list();
            assertEquals(want.size(), got.size());
            for (int i = 0; i < want.size(); i++) {
                assertSame(want.get(i), got.get(i));
            }
        }
        assertSame(want.get(99), records.get(99));
        assertSame(want.get(100), records.get(100));
        assertSame(want.get(2999), records.get(2999));
        assertThrows(IndexOutOfBoundsException.class, () -> records.get(3000));
        assertEquals(want.stream().filter(RequestRecord::failed).count(),
                records.stream().filter(RequestRecord::failed).count());
    }

    @Test
    void aViewChangesRecordsAsTheyAreReadAndSharesTheStorage() {
        List<RequestRecord> want = sample(50);
        Records records = built(want, 10);
        Records view = records.map(r -> r.withWarmup(5.0));
        for (int i = 0; i < want.size(); i++) {
            assertEquals(want.get(i).arrivalS() < 5.0, view.get(i).inWarmup(), "record " + i);
            assertEquals(want.get(i).inWarmup(), records.get(i).inWarmup(), "the records themselves unchanged");
        }
        assertEquals(records.size(), view.size());
    }

    /** A run sent from a cluster member: its records, spilled ones included, arrive exactly and are stored again. */
    @Test
    void spilledRecordsSurviveJavaSerialization() throws Exception {
        List<RequestRecord> want = sample(500);
        Records records = built(want, 50);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(new RunResult(3, 4, records.map(r -> r.withWarmup(100)), null, List.of(), List.of(),
                    new long[] {0, 3}));
        }
        RunResult back;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            back = (RunResult) in.readObject();
        }
        assertEquals(3, back.replication());
        List<RequestRecord> got = back.records().list();
        assertEquals(want.size(), got.size());
        for (int i = 0; i < want.size(); i++) {
            assertSame(want.get(i).withWarmup(100), got.get(i));
        }
    }

    @Test
    void withinTheLimitNothingIsSpilled() {
        Records records = built(sample(20), Records.DEFAULT_MEMORY_LIMIT);
        assertFalse(records.spilled());
        assertEquals(20, records.list().size());
        assertTrue(new Records.Builder(0).build().isEmpty());
    }
}
