package aigcsim.models.cli;

/**
 * The former entry point of {@code aigcsim models}, kept for launchers that still call it: it runs
 * {@link ModelsCommand} (picocli: {@code train}, {@code eval}, {@code bench}) and exits with its exit code. New code
 * mounts {@link ModelsCommand} as a picocli subcommand instead.
 */
public final class ModelsMain {
    private ModelsMain() {
    }

    public static void main(String[] args) {
        ModelsCommand.main(args);
    }
}
