package aigcsim.scenarios.cli;

import java.io.UncheckedIOException;

import aigcsim.core.sim.SimulationException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code aigcsim} command line: scenario studies ({@code run}, {@code compare}, {@code sweep}, {@code expand},
 * {@code capacity}, {@code validate}, {@code schema}), the worker pool ({@code worker}, {@code worker-bench}), the
 * simulator benchmark ({@code bench}), ROOT's training and evaluation ({@code policy}) and the neural models
 * ({@code models}). Exit codes: 0 ok, 2 bad input (a
 * scenario, an option, a value), 1 a failure while running.
 */
@Command(name = "aigcsim", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Discrete-event simulator of multi-user AI-generated-content service over wireless cells.",
        subcommands = {RunCommand.class, CompareCommand.class, SweepCommand.class, ExpandCommand.class,
            CapacityCommand.class, ReportCommand.class, ValidateCommand.class, SchemaCommand.class, BenchCommand.class,
            SweepBenchCommand.class, WorkerCommand.class, WorkerBenchCommand.class, PolicyCommand.class,
            CalibrateCommand.class, TwinCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    public static final int OK = 0;
    public static final int FAILURE = 1;
    public static final int BAD_INPUT = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is needed");
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs a command line and returns its exit code. */
    public static int execute(String... args) {
        return commandLine().execute(args);
    }

    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.addSubcommand("models", new aigcsim.models.cli.ModelsCommand());
        cl.setExecutionExceptionHandler((e, line, parsed) -> {
            boolean badInput = e instanceof IllegalArgumentException;
            String what = e instanceof UncheckedIOException || e instanceof java.io.IOException
                    ? "cannot write results: " : "";
            line.getErr().println("aigcsim " + line.getCommandName() + ": " + what + message(e));
            return badInput ? BAD_INPUT : FAILURE;
        });
        return cl;
    }

    private static String message(Throwable e) {
        if (e instanceof SimulationException && e.getCause() != null && e.getMessage() == null) {
            return e.getCause().getMessage();
        }
        return e.getMessage() != null ? e.getMessage() : e.toString();
    }

    /** The version line: the code fingerprint of this build. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"aigcsim (code " + aigcsim.scenarios.run.CodeVersion.id() + ")"};
        }
    }
}
