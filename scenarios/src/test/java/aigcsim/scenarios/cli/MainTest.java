package aigcsim.scenarios.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's main command on a shortened default scenario. */
class MainTest {
    @Test
    void theMainRunCompletesWithRealComputationForBothModes(@TempDir Path dir) throws Exception {
        int rc = Main.run(new String[] {"run", "--out", dir.toString(), "--replications", "1", "--duration-s",
            "300"});
        assertEquals(0, rc);
        for (String mode : new String[] {"serial", "async"}) {
            List<String> rows = Files.readAllLines(dir.resolve(mode).resolve("requests.csv"));
            assertTrue(rows.size() > 10, mode + " has request rows");
            List<String> head = List.of(rows.get(0).split(","));
            int psnr = head.indexOf("psnrDb");
            int worker = head.indexOf("worker");
            int delivered = 0;
            for (String row : rows.subList(1, rows.size())) {
                String[] f = row.split(",");
                if (!f[psnr].isEmpty()) {
                    delivered++;
                    double db = Double.parseDouble(f[psnr]);
                    assertTrue(db > 0 && db < 100, "a computed PSNR: " + row);
                    assertTrue(f[worker].matches("\"?n[0-9a-f]{6}/w[0-9]+\"?"), "the worker that computed it: " + row);
                }
            }
            assertTrue(delivered > 10, mode + ": computed requests " + delivered);
            String json = Files.readString(dir.resolve(mode).resolve("summary.json"));
            assertTrue(json.contains("\"fidelity\" : \"cached\"") && json.contains("meanPsnrDb"), json);
        }
        String metrics = Files.readString(dir.resolve("pool-metrics.json"));
        assertTrue(metrics.contains("\"failed\":0") && metrics.contains("\"cacheHits\""), metrics);
    }

    @Test
    void analyticFidelityComputesNothing(@TempDir Path dir) throws Exception {
        assertEquals(0, Main.run(new String[] {"run", "--out", dir.toString(), "--replications", "2", "--duration-s",
            "300", "--fidelity", "analytic"}));
        String json = Files.readString(dir.resolve("async").resolve("summary.json"));
        assertTrue(json.contains("\"fidelity\" : \"analytic\"") && json.contains("halfWidth95"), json);
    }

    @Test
    void unknownOptionsCommandsAndFidelitiesAreErrors() {
        var e = assertThrows(IllegalArgumentException.class, () -> Main.run(new String[] {"run", "--usres", "3"}));
        assertTrue(e.getMessage().contains("--usres"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Main.run(new String[] {"simulate"}));
        assertTrue(e.getMessage().contains("simulate"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Main.run(new String[] {"run", "--fidelity", "exact"}));
        assertTrue(e.getMessage().contains("unknown fidelity 'exact'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Main.run(new String[] {"worker", "--workers", "1"}));
        assertTrue(e.getMessage().contains("--cluster --host ADDR is required"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Main.run(new String[] {"run", "--host", "x"}));
        assertTrue(e.getMessage().contains("--host needs --cluster"), e.getMessage());
    }
}
