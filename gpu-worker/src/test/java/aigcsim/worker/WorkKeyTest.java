package aigcsim.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import aigcsim.core.channel.Fading;
import aigcsim.core.compute.ComputeJob;
import aigcsim.core.framework.Framework;
import aigcsim.models.channel.TensorChannel;
import aigcsim.models.pipeline.TextToImage;

/** How a simulated request becomes the models' request: GSC's JSCC transmission and the channel type. */
class WorkKeyTest {
    @Test
    void aGscJobIsComputedAsTheJsccTransmissionWithTheDevicesRefinement() {
        WorkKey k = WorkKey.of(new ComputeJob(1, "a photo of a bag", 9, 16, 20, Framework.GSC, Fading.Kind.NONE, 2.2,
                2.2), "v", 0.5);
        assertEquals(TextToImage.Transmission.JSCC, k.transmission());
        assertTrue(k.fineTune(), "the receiver refines with diffusion");
        assertEquals(TensorChannel.Kind.AWGN, k.channel());
        assertEquals(2.0, k.snrDb(), 0);
        assertEquals(16, k.request().edgeSteps());
        assertEquals(TextToImage.Transmission.JSCC, k.request().transmission());
    }

    @Test
    void aRayleighGscJobCrossesTheRayleighTensorChannelAtTheMeanSnr() {
        WorkKey k = WorkKey.of(new ComputeJob(1, "a photo of a bag", 9, 16, 20, Framework.GSC, Fading.Kind.RAYLEIGH,
                -1.3, 4.0), "v", 0);
        assertEquals(TensorChannel.Kind.RAYLEIGH, k.channel());
        assertEquals(TensorChannel.Kind.RAYLEIGH, k.request().channel());
        assertEquals(4.0, k.snrDb(), 0, "the tensor channel draws the fading: not the faded SNR on top of it");
    }

    @Test
    void analogAndDigitalTransmissionsKeepTheFadingRealizationThatSetTheirAirTime() {
        for (Framework f : new Framework[] {Framework.SEM_AIGC, Framework.EDGE_AIGC}) {
            WorkKey k = WorkKey.of(new ComputeJob(1, "a pullover", 9, 10, 20, f, Fading.Kind.RAYLEIGH, -1.3, 4.0),
                    "v", 0);
            assertEquals(TensorChannel.Kind.AWGN, k.channel(), f + ": the simulator drew the fading");
            assertEquals(-1.3, k.snrDb(), 0, f + ": at the SNR the transmission saw");
        }
    }
}
