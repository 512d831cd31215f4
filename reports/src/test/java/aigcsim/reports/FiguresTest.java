package aigcsim.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/** Every chart of a report comes out as a standalone SVG file (needs Debian's chromium; skipped without it). */
class FiguresTest {
    @TempDir
    Path dir;

    @Test
    void everyChartBecomesAWellFormedSvgFileWithDrawnPaths() throws Exception {
        Assumptions.assumeTrue(Figures.chromium() != null, "Debian's chromium is not installed");
        Path report = Report.write(ReportTest.runFolder(dir.resolve("run")));
        List<Path> files = Figures.export(report, dir.resolve("figures"));
        assertEquals(9, files.size(), "one per chart of the report");
        var parser = DocumentBuilderFactory.newInstance();
        parser.setNamespaceAware(true);
        for (Path f : files) {
            Document svg = parser.newDocumentBuilder().parse(f.toFile());
            assertEquals("svg", svg.getDocumentElement().getLocalName(), f.toString());
            assertTrue(svg.getElementsByTagNameNS("http://www.w3.org/2000/svg", "path").getLength() > 0,
                    f + " draws something");
        }
        assertTrue(files.get(0).getFileName().toString().startsWith("00-latency-cdf"), files.get(0).toString());
    }
}
