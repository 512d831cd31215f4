package aigcsim.models.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import aigcsim.models.nn.LinkJscc;
import aigcsim.models.pipeline.TextToImage;
import aigcsim.models.training.ModelSizes;

/** The link suite end to end on tiny untrained models: its grid, its files and the schemes' budgets. */
class LinkSuiteTest {
    @TempDir
    Path tmp;

    /** Initializes link codecs for batches of one. */
    static void initialize(NDManager m, LinkJscc... codecs) {
        Shape symbols = new Shape(1, LinkJscc.CHANNELS, 8, 8);
        for (LinkJscc c : codecs) {
            c.initialize(m, DataType.FLOAT32, c.batch(1), new Shape(1, 1), symbols, symbols, symbols);
        }
    }

    @Test
    void theSuiteFillsEveryCellAndWritesItsCsvAndCharts() throws Exception {
        Engine.getInstance().setRandomSeed(3);
        try (TextToImage t2i = TextToImage.initialized(ModelSizes.TINY, 21);
                NDManager m = NDManager.newBaseManager()) {
            LinkJscc codec = ModelSizes.TINY.linkJscc();
            LinkJscc deep = ModelSizes.TINY.deepJscc();
            initialize(m, codec, deep);
            Map<String, Object> report = LinkSuite.run(t2i, codec, m, deep, m, LinkSuite.samples(t2i, 2), tmp);
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> rows = (List<Map<String, Object>>) report.get("rows");
            // every scheme at every rate, GSC only at the full rate
            int cells = (LinkSuite.RATE_SCHEMES.size() * LinkJscc.CHANNELS + 1) * LinkSuite.channels().size()
                    * LinkSuite.SNRS_DB.length;
            assertEquals(cells, rows.size());
            assertEquals(cells + 1, Files.readAllLines(tmp.resolve("link.csv")).size());
            for (Map<String, Object> r : rows) {
                assertEquals(2, r.get("n"));
                int uses = (int) r.get("channelUses");
                assertEquals(uses / 1024.0, (double) r.get("rate"), 1e-12);
                double lost = (double) r.get("lostRate");
                if (List.of("jscc", "gsc", "deep-jscc").contains(r.get("scheme"))) {
                    assertEquals(6.0 * uses / 1024, (double) r.get("bpp"), 1e-12, "64-QAM: 6 bits a symbol");
                    assertEquals(0.0, lost, "the codecs always deliver");
                    if (r.get("scheme").equals("gsc")) {
                        assertEquals(256, uses, "GSC at the full rate only");
                    }
                } else {
                    boolean belowThreshold = (double) r.get("snrDb") < -2.5 && r.get("channel").equals("awgn");
                    if (belowThreshold || r.get("scheme").equals("latent-ldpc") && uses == 32) {
                        assertEquals(1.0, lost, "nothing gets through: " + r);
                        assertEquals(0.0, (double) r.get("semanticAccuracy"), "a lost image misses: " + r);
                    }
                }
            }
            List<?> charts = (List<?>) report.get("charts");
            assertEquals(6, charts.size());
            for (Object f : charts) {
                BufferedImage img = ImageIO.read(tmp.resolve((String) f).toFile());
                assertEquals(760, img.getWidth(), f.toString());
                int coloured = 0;
                for (int y = 0; y < img.getHeight(); y += 2) {
                    for (int x = 0; x < img.getWidth(); x += 2) {
                        int rgb = img.getRGB(x, y);
                        int r = (rgb >> 16) & 0xff;
                        int g = (rgb >> 8) & 0xff;
                        int b = rgb & 0xff;
                        coloured += Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) > 60 ? 1 : 0;
                    }
                }
                assertTrue(coloured > 20, f + ": the series are drawn (" + coloured + " coloured pixels)");
            }
            assertTrue(((Map<?, ?>) report.get("claims")).size() >= 10);
        }
    }
}
