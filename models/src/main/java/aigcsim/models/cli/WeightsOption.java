package aigcsim.models.cli;

import java.nio.file.Files;
import java.nio.file.Path;

import aigcsim.models.cli.ModelsSubcommand.BadInputException;
import aigcsim.models.weights.Weights;
import picocli.CommandLine.Option;

/**
 * The {@code --weights DIR} option of the commands that load trained models ({@code eval}, {@code quality},
 * {@code bench}).
 */
final class WeightsOption {
    @Option(names = "--weights", paramLabel = "DIR",
            description = "weights directory, e.g. one written by train --out (default: the bundled ${DEFAULT-VALUE})")
    Path dir = Weights.BUNDLED_DIR;

    /** The weights directory; one that does not exist is bad input naming it. */
    Path existingDir() throws BadInputException {
        if (!Files.isDirectory(dir)) {
            throw new BadInputException("weights directory not found: " + dir + " (train into it with: aigcsim "
                    + "models train all --out " + dir + ")");
        }
        return dir;
    }
}
