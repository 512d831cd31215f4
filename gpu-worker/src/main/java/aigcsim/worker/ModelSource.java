package aigcsim.worker;

import java.nio.file.Path;
import java.util.function.Supplier;

import aigcsim.models.pipeline.TextToImage;
import aigcsim.models.training.ModelSizes;
import aigcsim.models.weights.Weights;

/**
 * Where each worker gets its own model instance, and the version of those models (part of every cache key, so
 * results of other weights never mix).
 */
public record ModelSource(String version, Supplier<StepModel> opener) {

    /** The trained weights shipped in the repository (verified against their manifests). */
    public static ModelSource bundled() {
        return weights(Weights.BUNDLED_DIR);
    }

    /** Trained weights in {@code dir} (bundled sizes). */
    public static ModelSource weights(Path dir) {
        String version = TextToImage.version(dir);
        return new ModelSource(version, () -> StepModel.of(TextToImage.load(dir, ModelSizes.BUNDLED)));
    }

    /** Freshly initialized, untrained models (seeded, so every worker holds the same weights): for tests. */
    public static ModelSource untrained(ModelSizes sizes, long seed) {
        return new ModelSource("untrained-" + Integer.toHexString(sizes.hashCode()) + "-" + seed,
                () -> StepModel.of(TextToImage.initialized(sizes, seed)));
    }

    StepModel open() {
        return opener.get();
    }
}
