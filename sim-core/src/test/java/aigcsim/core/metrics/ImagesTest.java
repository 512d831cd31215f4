package aigcsim.core.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import aigcsim.core.compute.ComputeJob;
import aigcsim.core.compute.ComputeResult;
import aigcsim.core.compute.ComputeService;
import aigcsim.core.sim.Scenario;
import aigcsim.core.sim.Simulation;

/** A run keeps the images of a sample of its computed requests, and writes them as PNG files with an index. */
class ImagesTest {
    /** Computes every request into 4x4 images whose grey levels encode the request id. */
    private static final ComputeService PAINTER = new ComputeService() {
        @Override
        public CompletableFuture<ComputeResult> submit(ComputeJob job) {
            byte[] delivered = new byte[16];
            byte[] reference = new byte[16];
            for (int i = 0; i < 16; i++) {
                delivered[i] = (byte) (job.requestId() * 7 + i);
                reference[i] = (byte) (255 - i * 9);
            }
            return CompletableFuture.completedFuture(new ComputeResult("full", 20, 0.5, 1, false, "w", 1,
                    new ComputeResult.Images(4, delivered, reference)));
        }

        @Override
        public String fidelity() {
            return "full";
        }
    };

    @Test
    void theFirstRequestsOfReplicationZeroKeepTheirImagesAsPngFiles(@TempDir Path dir) throws Exception {
        Scenario s = Scenario.builder().seed(3).users(5).durationS(600).replications(2).imagesKept(5).build();
        List<RunResult> runs = Simulation.run(s, PAINTER, Simulation.Progress.NONE);
        for (RunResult run : runs) {
            for (RequestRecord r : run.records()) {
                boolean kept = run.replication() == 0 && r.id() < 5 && !Double.isNaN(r.quality().psnrDb());
                assertEquals(kept, r.quality().images() != null, "replication " + run.replication() + " id " + r.id());
            }
        }
        ResultWriter.writeImages(dir, runs);
        List<String> index = Files.readAllLines(dir.resolve("images.csv"));
        assertEquals(ResultWriter.IMAGES_CSV_HEADER, index.get(0));
        assertEquals(6, index.size(), "5 kept requests");
        for (String row : index.subList(1, index.size())) {
            String[] f = row.split(",");
            long id = Long.parseLong(f[1]);
            BufferedImage img = ImageIO.read(dir.resolve(f[9]).toFile());
            assertEquals(4, img.getWidth());
            byte[] grey = new byte[16];
            img.getRaster().getDataElements(0, 0, 4, 4, grey);
            byte[] expected = new byte[16];
            for (int i = 0; i < 16; i++) {
                expected[i] = (byte) (id * 7 + i);
            }
            assertArrayEquals(expected, grey, "the delivered image of request " + id + " round-trips");
            assertTrue(Files.isRegularFile(dir.resolve(f[10])));
        }
    }

    @Test
    void noKeptImageWritesNoIndex(@TempDir Path dir) throws Exception {
        Scenario s = Scenario.builder().seed(3).users(5).durationS(300).imagesKept(0).build();
        List<RunResult> runs = Simulation.run(s, PAINTER, Simulation.Progress.NONE);
        assertNull(runs.get(0).records().get(0).quality().images());
        ResultWriter.writeImages(dir, runs);
        assertFalse(Files.exists(dir.resolve("images.csv")));
    }
}
