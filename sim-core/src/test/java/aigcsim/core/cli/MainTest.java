package aigcsim.core.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's main command on a shortened default scenario. */
class MainTest {
    @Test
    void runWritesResultsForBothModes(@TempDir Path dir) throws Exception {
        int rc = Main.run(new String[] {"run", "--out", dir.toString(), "--replications", "2", "--duration-s",
            "300"});
        assertEquals(0, rc);
        for (String mode : new String[] {"serial", "async"}) {
            Path csv = dir.resolve(mode).resolve("requests.csv");
            assertTrue(Files.readAllLines(csv).size() > 10, mode + " has request rows");
            String json = Files.readString(dir.resolve(mode).resolve("summary.json"));
            assertTrue(json.contains("\"fidelity\" : \"analytic\"") && json.contains("halfWidth95"), json);
        }
    }

    @Test
    void unknownOptionsAndCommandsAreErrors() {
        var e = assertThrows(IllegalArgumentException.class, () -> Main.run(new String[] {"run", "--usres", "3"}));
        assertTrue(e.getMessage().contains("--usres"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Main.run(new String[] {"simulate"}));
        assertTrue(e.getMessage().contains("simulate"), e.getMessage());
    }
}
