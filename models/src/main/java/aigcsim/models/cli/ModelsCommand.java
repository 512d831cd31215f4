package aigcsim.models.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code aigcsim models train|eval|bench}: the models' command line (picocli). Mount it in a picocli command line
 * with {@code commandLine.addSubcommand("models", new ModelsCommand())}, or run it alone with {@link #main}. Exit
 * codes: 0 done, 2 bad input (usage errors, bad values, missing files or directories), 1 failure.
 */
@Command(name = "models", mixinStandardHelpOptions = true, versionProvider = ModelsSubcommand.Version.class,
        description = "Trains, evaluates and benchmarks the neural models (Fashion-MNIST, DJL on PyTorch).",
        subcommands = {ModelsTrain.class, ModelsEval.class, ModelsQuality.class, ModelsBench.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "2:bad input (usage, values, missing files or directories)", "1:failure"})
public final class ModelsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    /** Runs {@code args} (e.g. {@code train classifier --epochs 1}) and exits with the command's exit code. */
    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs {@code args} through picocli and returns the exit code (0 done, 2 bad input, 1 failure). */
    public static int execute(String... args) {
        System.setProperty("ai.djl.offline", "true");
        return new CommandLine(new ModelsCommand()).execute(args);
    }

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "Missing subcommand: train, eval or bench");
    }
}
