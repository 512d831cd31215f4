package aigcsim.worker;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import aigcsim.core.compute.ComputeJob;
import aigcsim.core.channel.Fading;
import aigcsim.core.framework.Framework;
import aigcsim.models.channel.TensorChannel;
import aigcsim.models.pipeline.TextToImage;
import org.junit.jupiter.api.Test;

class ProtocolTest {
    @Test
    void messagesSurviveTheirJsonRoundTripIncludingInfinitePsnrAndImageBytes() {
        WorkKey key = new WorkKey("v1", "a photo of a coat", 42, 5, 20, true, TextToImage.Transmission.JSCC,
                TensorChannel.Kind.RAYLEIGH, -3.5);
        Protocol.Assignments a = new Protocol.Assignments(List.of(new Protocol.Assignment(7, key)));
        assertEquals(a.jobs().get(0), Protocol.decode(Protocol.encode(a), Protocol.Assignments.class).jobs().get(0));
        Outcome o = new Outcome(7, "n1/w0", null, Double.POSITIVE_INFINITY, 1.0, 3, true, false,
                new byte[] {0, 127, -1}, new byte[] {5, 6, 7}, new double[] {2.5, 4.5, 5.5}, 3.25, new int[] {1, 4, 4});
        Outcome back = Protocol.decode(Protocol.encode(o), Outcome.class);
        assertEquals(Double.POSITIVE_INFINITY, back.psnrDb());
        assertArrayEquals(o.image(), back.image());
        assertArrayEquals(o.reference(), back.reference());
        assertArrayEquals(o.stepBatchSizes(), back.stepBatchSizes());
        assertEquals(15.75, back.computeMs(), 1e-12);
        assertEquals(5.0, back.edgeShareMs(), 1e-12);
        Outcome nan = Protocol.decode(Protocol.encode(Outcome.failure(8, "w", "boom")), Outcome.class);
        assertTrue(Double.isNaN(nan.psnrDb()) && nan.failed() && nan.error().equals("boom"));
    }

    @Test
    void aMalformedMessageIsAClearError() {
        var e = assertThrows(IllegalArgumentException.class, () -> Protocol.decode("{\"worker\": ", Protocol.Pull.class));
        assertTrue(e.getMessage().startsWith("malformed Pull message"), e.getMessage());
    }

    @Test
    void aSimulatedRequestMapsToTheKeyOfWhatItsFrameworkComputes() {
        ComputeJob job = new ComputeJob(1, "a pullover", 9, 10, 20, Framework.SEM_AIGC, Fading.Kind.RAYLEIGH, 3.26);
        WorkKey k = WorkKey.of(job, "v", 0.5);
        assertEquals(3.5, k.snrDb(), 0, "rounded to the 0.5 dB grid");
        assertTrue(k.fineTune());
        assertEquals(TextToImage.Transmission.ANALOG, k.transmission());
        assertEquals(TensorChannel.Kind.AWGN, k.channel(), "the simulator already drew the fading");
        assertEquals(TextToImage.Transmission.DIGITAL, WorkKey.of(new ComputeJob(1, "a pullover", 9, 20, 20,
                Framework.EDGE_AIGC, Fading.Kind.NONE, 3), "v", 0).transmission());
        assertEquals(false, WorkKey.of(new ComputeJob(1, "a pullover", 9, 20, 20, Framework.NON_FINE_TUNING,
                Fading.Kind.NONE, 3), "v", 0).fineTune());
        assertEquals(0.0, WorkKey.quantize(-0.2, 0.5), 0);
        assertEquals(Double.doubleToLongBits(0.0), Double.doubleToLongBits(WorkKey.quantize(-0.2, 0.5)), "no -0.0");
        assertEquals(3.26, WorkKey.quantize(3.26, 0), 0);
        var e = assertThrows(IllegalArgumentException.class, () -> WorkKey.of(new ComputeJob(1, "a pullover", 9, 21,
                20, Framework.SEM_AIGC, Fading.Kind.NONE, 3), "v", 0));
        assertTrue(e.getMessage().contains("edgeSteps (a) must be in [0, 20], got 21"), e.getMessage());
    }

    @Test
    void badPoolSettingsAreClearErrors() {
        var e = assertThrows(IllegalArgumentException.class, () -> PoolConfig.async(2).withBatching(0, 5));
        assertEquals("pool config: maxBatch must be >= 1, got 0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> PoolConfig.serial().withFidelity(PoolConfig.Fidelity.CACHED, 1));
        assertTrue(e.getMessage().contains("fidelity cached needs a cache"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> PoolConfig.Fidelity.parse("exact"));
        assertEquals("unknown fidelity 'exact'; allowed: cached, full, sampled", e.getMessage());
    }
}
