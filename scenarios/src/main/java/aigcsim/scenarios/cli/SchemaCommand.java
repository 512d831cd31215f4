package aigcsim.scenarios.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import aigcsim.scenarios.file.SchemaGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code aigcsim schema}: the scenario format as JSON Schema or as the Markdown reference. */
@Command(name = "schema", mixinStandardHelpOptions = true,
        description = "Print (or write) the scenario format: JSON Schema for editors, or the Markdown reference.")
final class SchemaCommand implements Callable<Integer> {
    enum Format { json, markdown }

    @Option(names = "--format", description = "json or markdown (default ${DEFAULT-VALUE}).")
    Format format = Format.json;

    @Option(names = "--out", paramLabel = "FILE", description = "Write to this file instead of printing.")
    Path out;

    @Override
    public Integer call() throws IOException {
        String text = format == Format.json ? SchemaGenerator.jsonSchema() : SchemaGenerator.markdown();
        if (out == null) {
            System.out.print(text);
        } else {
            Files.writeString(out, text);
        }
        return Main.OK;
    }
}
