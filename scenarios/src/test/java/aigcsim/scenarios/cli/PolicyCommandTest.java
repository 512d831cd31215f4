package aigcsim.scenarios.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** {@code aigcsim policy train} and {@code eval} end to end on a tiny training scenario. */
class PolicyCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void trainWritesAVerifiedCheckpointThatEvalAndRunsUse() throws Exception {
        Path f = dir.resolve("train.yaml");
        Files.writeString(f, "name: tiny\nrun: {durationS: 600, replications: 2}\nusers: {count: 3}\n"
                + "split: {policy: root}\nquality: {check: semantic, maxRegenerations: 2}\n"
                + "sweep:\n  grid:\n    cells[0].pacr: [0.5, 1.0]\n");
        Path out = dir.resolve("out");
        MainTest.Outcome o = MainTest.execute("policy", "train", f.toString(), "--episodes", "4", "--baselines",
                "--out", out.toString());
        assertEquals(0, o.code(), o.err());
        List<String> csv = Files.readAllLines(out.resolve("training.csv"));
        assertEquals(5, csv.size(), "a header and one row per episode");
        assertTrue(csv.get(0).endsWith("non-root,non-fine-tuning,edge-aigc,local-aigc,quality-greedy"), csv.get(0));
        JsonNode manifest = JSON.readTree(out.resolve("checkpoint/manifest.json").toFile());
        assertEquals("extended", manifest.get("extras").get("state").asText());
        assertEquals(4, manifest.get("extras").get("episodes").asInt());
        assertEquals(2, manifest.get("extras").get("conditions").size(), "the sweep's points are the conditions");

        // the file itself names root without a checkpoint: eval and run take it from a setting
        String cp = "split.checkpoint=" + out.resolve("checkpoint");
        // on one link the oracle is the best split in hindsight exactly: no policy can beat it
        o = MainTest.execute("policy", "eval", f.toString(), "--set", cp, "--set", "users.count=1", "--out",
                dir.resolve("eval").toString());
        assertEquals(0, o.code(), o.err());
        JsonNode rows = JSON.readTree(dir.resolve("eval/oracle.json").toFile()).get("rows");
        assertEquals(List.of("root", "greedy", "quality-greedy"), List.of(rows.get(0).get("policy").asText(),
                rows.get(1).get("policy").asText(), rows.get(2).get("policy").asText()));
        JsonNode oracle = rows.get(rows.size() - 1);
        for (JsonNode r : rows) {
            assertTrue(r.get("meanReward").asDouble() <= oracle.get("meanReward").asDouble() + 1e-12,
                    "no policy above the per-request best of the fixed splits: " + r);
        }
        o = MainTest.execute("run", f.toString(), "--set", cp, "--no-report", "--out",
                dir.resolve("run").toString());
        assertEquals(0, o.code(), o.err());
        assertTrue(Files.readString(dir.resolve("run/run.json")).contains("rootCheckpointSha256"));
    }

    @Test
    void badOptionsAreBadInput() throws Exception {
        Path f = dir.resolve("s.yaml");
        Files.writeString(f, "run: {durationS: 300}\n");
        assertEquals(2, MainTest.execute("policy", "train", f.toString(), "--state", "full").code());
        assertEquals(2, MainTest.execute("policy", "train", f.toString(), "--episodes", "0").code());
        MainTest.Outcome o = MainTest.execute("policy", "train", f.toString(), "--set", "framework=local-aigc");
        assertEquals(2, o.code());
        assertTrue(o.err().contains("does not use a split policy"), o.err());
    }
}
