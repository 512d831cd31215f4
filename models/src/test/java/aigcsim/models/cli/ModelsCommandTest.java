package aigcsim.models.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import aigcsim.models.weights.Weights;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The models command line through picocli, without training or loading a model: every case here stops at parsing
 * or at the checks that run before any model is touched.
 */
class ModelsCommandTest {
    @TempDir
    Path tmp;

    /** Exit code, standard output and standard error of one run. */
    private record Run(int code, String out, String err) {
    }

    private static Run run(CommandLine cl, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    private static Run run(String... args) {
        return run(new CommandLine(new ModelsCommand()), args);
    }

    @Test
    void aSampleCountThatIsNotAnIntIsAUsageErrorNamingTheOption() {
        Run r = run("eval", "--samples", "x");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("Invalid value for option '--samples': 'x' is not an int"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
    }

    @Test
    void trainHelpListsOutAndDataWithTheirDefaults() {
        Run r = run("train", "--help");
        assertEquals(0, r.code(), r.err());
        String help = r.out().replaceAll("\\s+", " ");
        assertTrue(help.contains("--out=DIR"), r.out());
        assertTrue(help.contains("--data=DIR"), r.out());
        assertTrue(help.contains("default: results/models/weights"), r.out());
        assertTrue(help.contains("default: /usr/share/datasets/fashion-mnist"), r.out());
        assertTrue(help.contains("--epochs=N") && help.contains("--limit=N"), r.out());
    }

    @Test
    void eachCommandHasHelp() {
        for (String[] args : new String[][] {{"--help"}, {"eval", "--help"}, {"bench", "--help"}}) {
            Run r = run(args);
            assertEquals(0, r.code(), String.join(" ", args) + ": " + r.err());
        }
        assertTrue(run("eval", "--help").out().contains("--weights=DIR"));
        assertTrue(run("bench", "--help").out().contains("--weights=DIR"));
        assertTrue(run("bench", "--help").out().contains("--requests=N"));
    }

    @Test
    void trainWritesOutsideTheBundledWeightsByDefault() {
        CommandLine cl = new CommandLine(new ModelsCommand());
        cl.parseArgs("train");
        ModelsTrain train = cl.getSubcommands().get("train").getCommand();
        assertEquals(Path.of("results/models/weights"), train.out);
        assertFalse(ModelsTrain.isBundled(train.out));
        assertNotEquals(Weights.BUNDLED_DIR.toAbsolutePath().normalize(), train.out.toAbsolutePath().normalize());
        assertEquals("all", train.component);
        assertTrue(ModelsTrain.isBundled(Weights.BUNDLED_DIR));
        assertTrue(ModelsTrain.isBundled(Weights.BUNDLED_DIR.resolve("..").resolve("weights")));
    }

    @Test
    void aRankIsForTheLoraAndCalaPackagesOnly() {
        Run r = run("train", "classifier", "--rank", "2");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--rank applies to link-jscc-lora and link-jscc-cala, not classifier"), r.err());
        assertEquals("link-jscc-cala-r2", ModelsTrain.packageName("link-jscc-cala", 2));
        assertEquals("link-jscc-cala", ModelsTrain.packageName("link-jscc-cala", aigcsim.models.nn.LinkAdapters.RANK));
        assertEquals("link-jscc-ft", ModelsTrain.packageName("link-jscc-ft", 2));
    }

    @Test
    void anUnknownComponentIsAUsageErrorListingTheComponents() {
        Run r = run("train", "classifer");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("unknown component 'classifer'"), r.err());
        assertTrue(r.err().contains("classifier, autoencoder, denoiser, jscc, link-jscc, deep-jscc, receiver, "
                + "link-jscc-mt, link-jscc-lora, link-jscc-cala, link-jscc-ft or all"), r.err());
    }

    @Test
    void anUnknownEvalSuiteIsAUsageErrorListingTheSuites() {
        Run r = run("eval", "--suite", "links");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("unknown suite 'links'; expected core or link"), r.err());
    }

    @Test
    void aMissingDataDirectoryIsBadInputNamingItAndTheDebianPackage() throws Exception {
        Path missing = tmp.resolve("no-such-fashion-mnist");
        Path out = tmp.resolve("weights");
        Run r = run("train", "classifier", "--data", missing.toString(), "--out", out.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains(missing.toString()), r.err());
        assertTrue(r.err().contains("apt-get install dataset-fashion-mnist"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertFalse(Files.exists(out), "nothing written");

        Files.createDirectories(out);
        r = run("eval", "--weights", out.toString(), "--data", missing.toString(), "--out", tmp.resolve("eval")
                .toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains(missing.toString()) && r.err().contains("dataset-fashion-mnist"), r.err());
    }

    @Test
    void aDataDirectoryWithoutTheFilesIsBadInputNamingTheFile() {
        Run r = run("train", "jscc", "--data", tmp.toString(), "--out", tmp.resolve("w").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains(tmp.resolve("train-labels-idx1-ubyte.gz").toString())
                || r.err().contains(tmp.resolve("train-images-idx3-ubyte.gz").toString()), r.err());
        assertTrue(r.err().contains("apt-get install dataset-fashion-mnist"), r.err());
    }

    @Test
    void badValuesAreUsageErrors() {
        Run r = run("train", "--epochs", "0");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("Invalid value for option '--epochs': '0' is not a positive int"), r.err());
        r = run("train", "--limit", "-5");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("'--limit'"), r.err());
        r = run("bench", "--requests", "0");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("'--requests'"), r.err());
        r = run("eval", "--guidance", "-1");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("'--guidance'"), r.err());
        r = run("eval", "--bogus", "1");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--bogus"), r.err());
        r = run();
        assertEquals(2, r.code());
        assertTrue(r.err().contains("train, eval or bench"), r.err());
    }

    @Test
    void aMissingWeightsDirectoryIsBadInputNamingIt() {
        Path missing = tmp.resolve("no-weights");
        for (String cmd : new String[] {"eval", "bench"}) {
            Run r = run(cmd, "--weights", missing.toString());
            assertEquals(2, r.code(), cmd);
            assertTrue(r.err().contains("weights directory not found: " + missing), r.err());
        }
    }

    @Test
    void exitCodesHoldWhenMountedUnderAnotherCommand() {
        @Command(name = "aigcsim")
        class Top implements Runnable {
            @Override
            public void run() {
            }
        }
        CommandLine top = new CommandLine(new Top());
        top.addSubcommand("models", new ModelsCommand());
        Run r = run(top, "models", "train", "nope");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("unknown component 'nope'"), r.err());
        r = run(top, "models", "eval", "--samples", "x");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("'--samples'"), r.err());
        r = run(top, "models", "bench", "--weights", tmp.resolve("none").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("aigcsim models bench: weights directory not found"), r.err());
        r = run(top, "models", "train", "--help");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("Usage: aigcsim models train"), r.out());
    }
}
