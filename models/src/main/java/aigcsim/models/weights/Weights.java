package aigcsim.models.weights;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.nn.Block;

/**
 * Saving and loading one trained component (DJL parameters file {@code <component>-0000.params} plus its
 * {@link WeightsManifest}); loading verifies the SHA-256 first, so a missing or corrupt file is a clear error.
 */
public final class Weights {
    /** The bundled weights: {@code models/weights} under the repository root (system property aigcsim.root). */
    public static final Path BUNDLED_DIR = Path.of(System.getProperty("aigcsim.root", ".")).resolve("models")
            .resolve("weights");

    private Weights() {
    }

    public static String paramsFile(String component) {
        return component + "-0000.params";
    }

    public static WeightsManifest save(Model model, Path dir, String component, Map<String, Object> architecture,
            String data, int epochs, Map<String, Double> losses, Map<String, Double> metrics) throws IOException {
        Files.createDirectories(dir);
        // DJL numbers saves after the epoch files already there (a retrain would write <component>-0001.params
        // while the manifest names -0000): pin the epoch so a retrain replaces the file the manifest hashes
        model.setProperty("Epoch", "0");
        model.save(dir, component);
        return WeightsManifest.write(dir, component, architecture, data, epochs, losses, metrics,
                paramsFile(component));
    }

    /** Verifies and loads {@code component} from {@code dir} into {@code block}. */
    public static Model load(Path dir, String component, Block block) {
        WeightsManifest.verify(dir, component);
        Model model = Model.newInstance(component);
        model.setBlock(block);
        try {
            model.load(dir, component);
        } catch (IOException | MalformedModelException | RuntimeException e) {
            model.close();
            throw new IllegalArgumentException("cannot load weights " + dir.resolve(paramsFile(component)) + ": "
                    + e.getMessage() + " (do the network sizes match the manifest?)");
        }
        return model;
    }
}
