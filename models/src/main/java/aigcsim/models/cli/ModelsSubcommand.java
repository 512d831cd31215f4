package aigcsim.models.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import aigcsim.models.data.FashionMnist;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * What {@code train}, {@code eval} and {@code bench} share: the exit codes (a {@link BadInputException} or an
 * {@link IllegalArgumentException} — a missing or corrupt file, a bad value — is one message and exit 2; any other
 * exception is one message and exit 1; picocli's own usage errors stay picocli's, exit 2), so they hold whether the
 * command runs alone or mounted in another picocli command line; and the option converters.
 */
abstract class ModelsSubcommand implements Callable<Integer> {
    static final String DATA_HELP = "Fashion-MNIST directory (IDX .gz files, as Debian's dataset-fashion-mnist "
            + "installs them; default: ${DEFAULT-VALUE})";

    @Spec
    CommandSpec spec;

    /** The command's work; throws {@link BadInputException} or {@link IllegalArgumentException} on bad input. */
    abstract void run() throws Exception;

    @Override
    public final Integer call() {
        System.setProperty("ai.djl.offline", "true");
        PrintWriter err = spec.commandLine().getErr();
        try {
            run();
            return CommandLine.ExitCode.OK;
        } catch (ParameterException e) {
            throw e;
        } catch (BadInputException | IllegalArgumentException e) {
            err.println(spec.qualifiedName() + ": " + (e.getMessage() != null ? e.getMessage() : e.toString()));
            return CommandLine.ExitCode.USAGE;
        } catch (Exception e) {
            err.println(spec.qualifiedName() + ": failed: " + e);
            return CommandLine.ExitCode.SOFTWARE;
        } finally {
            err.flush();
        }
    }

    /** Messages for the user, on the command's standard output. */
    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    /** Bad input found while running (exit 2, its message alone, no usage). */
    static final class BadInputException extends Exception {
        private static final long serialVersionUID = 1L;

        BadInputException(String message) {
            super(message);
        }
    }

    /** A Fashion-MNIST directory that does not exist is bad input naming it and Debian's package. */
    static void requireDataDir(Path dir) throws BadInputException {
        if (!Files.isDirectory(dir)) {
            throw new BadInputException("Fashion-MNIST directory not found: " + dir + " — install Debian's package "
                    + "(apt-get install dataset-fashion-mnist, which puts it in " + FashionMnist.DEFAULT_DIR
                    + ") or name the directory with --data DIR");
        }
    }

    /** An int option or parameter that must be positive. */
    static final class PositiveInt implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            int v;
            try {
                v = Integer.parseInt(value.trim());
            } catch (NumberFormatException e) {
                throw new TypeConversionException("'" + value + "' is not an int");
            }
            if (v <= 0) {
                throw new TypeConversionException("'" + value + "' is not a positive int");
            }
            return v;
        }
    }

    /** A double option that must be finite and not negative. */
    static final class NonNegativeDouble implements ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            double v;
            try {
                v = Double.parseDouble(value.trim());
            } catch (NumberFormatException e) {
                throw new TypeConversionException("'" + value + "' is not a number");
            }
            if (!Double.isFinite(v) || v < 0) {
                throw new TypeConversionException("'" + value + "' is not a finite number >= 0");
            }
            return v;
        }
    }

    /** {@code --version}: the implementation version of the models jar, where the build recorded one. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = ModelsCommand.class.getPackage().getImplementationVersion();
            return new String[] {"aigcsim models " + (v != null ? v : "(development build)")};
        }
    }
}
