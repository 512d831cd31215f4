package aigcsim.models.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import aigcsim.core.quality.KnowledgeTable;
import aigcsim.models.nn.LinkAdapters;
import aigcsim.models.nn.LinkJscc;
import aigcsim.models.pipeline.TextToImage;
import aigcsim.models.training.LinkTraining;
import aigcsim.models.training.ModelSizes;

/** The alignment part of the link suite end to end on tiny models: its grid, its files and its paired claims. */
class AlignmentSuiteTest {
    @TempDir
    Path tmp;

    @Test
    void everyVariantFillsTheTargetGridAndUntrainedPackagesChangeNothing() throws Exception {
        Engine.getInstance().setRandomSeed(4);
        try (TextToImage t2i = TextToImage.initialized(ModelSizes.TINY, 21);
                NDManager m = NDManager.newBaseManager()) {
            Shape symbols = new Shape(1, LinkJscc.CHANNELS, 8, 8);
            LinkJscc base = ModelSizes.TINY.linkJscc();
            LinkJscc other = ModelSizes.TINY.linkJscc();
            LinkSuiteTest.initialize(m, base, other);
            List<AlignmentSuite.Variant> variants = new ArrayList<>();
            variants.add(new AlignmentSuite.Variant(AlignmentSuite.NO_KA, AlignmentSuite.STORED_BITS, 0, 0, base, m));
            for (String method : new String[] {AlignmentSuite.LORA, AlignmentSuite.CALA}) {
                for (int bits : new int[] {AlignmentSuite.STORED_BITS, 16, 8, 4, 2}) {
                    // untrained: B = 0, so every package sends exactly what the codec alone sends
                    LinkAdapters a = new LinkAdapters(base, 2, method.equals(AlignmentSuite.CALA));
                    a.initialize(m, DataType.FLOAT32, base.batch(1), new Shape(1, 1), symbols, symbols, symbols,
                            new Shape(1, LinkAdapters.CONDITION_FEATURES));
                    long bytes = a.quantize(bits);
                    variants.add(new AlignmentSuite.Variant(method, bits, a.parameters(), bytes, a, m));
                }
            }
            for (int bits : new int[] {AlignmentSuite.STORED_BITS, 16}) { // a package of another rank
                LinkAdapters a = new LinkAdapters(base, 1, true);
                a.initialize(m, DataType.FLOAT32, base.batch(1), new Shape(1, 1), symbols, symbols, symbols,
                        new Shape(1, LinkAdapters.CONDITION_FEATURES));
                long bytes = a.quantize(bits);
                variants.add(new AlignmentSuite.Variant("cala-r1", bits, a.parameters(), bytes, a, m));
            }
            variants.add(new AlignmentSuite.Variant(AlignmentSuite.FULL, AlignmentSuite.STORED_BITS,
                    LinkAdapters.count(other), 4 * LinkAdapters.count(other), other, m));
            variants.add(new AlignmentSuite.Variant(AlignmentSuite.ACROSS, AlignmentSuite.STORED_BITS, 0, 0, other, m));
            Map<String, Object> report = AlignmentSuite.measure(t2i, variants, LinkSuite.samples(t2i, 2), tmp);
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> rows = (List<Map<String, Object>>) report.get("rows");
            int grid = LinkTraining.alignmentChannels().size() * LinkSuite.SNRS_DB.length * LinkJscc.CHANNELS;
            assertEquals(variants.size() * grid, rows.size());
            assertEquals(rows.size() + 1, Files.readAllLines(tmp.resolve("alignment.csv")).size());
            Map<?, ?> claims = (Map<?, ?>) report.get("claims");
            List<?> calaOverNoKa = (List<?>) claims.values().iterator().next();
            assertEquals(0.0, (double) calaOverNoKa.get(0), 1e-9, "B = 0: the package changes nothing");
            assertEquals(0.0, (double) calaOverNoKa.get(1), 1e-9);
            List<?> byRank = claims.entrySet().stream().filter(e -> e.getKey().toString().contains("minus cala-r1"))
                    .map(e -> (List<?>) e.getValue()).findFirst().orElseThrow();
            assertEquals(0.0, (double) byRank.get(0), 1e-9, "untrained packages of either rank change nothing");
            List<String> knowledge = Files.readAllLines(tmp.resolve("knowledge.csv"));
            assertEquals(KnowledgeTable.HEADER, knowledge.get(1));
            assertEquals((variants.size() - 1) * LinkSuite.SNRS_DB.length, knowledge.size() - 2,
                    "every package but the reference, at every SNR");
            assertTrue(knowledge.stream().anyMatch(l -> l.startsWith("cala-2bit,")), "rounded packages are rows");
            assertEquals(2, ((List<?>) report.get("charts")).size());
            for (Object chart : (List<?>) report.get("charts")) {
                assertTrue(Files.size(tmp.resolve((String) chart)) > 1000, chart.toString());
            }
        }
    }
}
