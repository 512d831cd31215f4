package aigcsim.scenarios.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import aigcsim.scenarios.file.ResolvedScenario;
import aigcsim.scenarios.file.ScenarioLoader;
import aigcsim.scenarios.file.ScenarioResolver;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The options every study shares: the scenario file, field settings on top of it, and the results folder. */
final class ScenarioOptions {
    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE",
            description = "Scenario file (YAML). Default: the bundled scenarios/default.yaml.")
    Path file;

    @Option(names = "--set", paramLabel = "PATH=VALUE",
            description = "Set a field on top of the file, e.g. --set users.count=20 --set edge.mode=serial "
                    + "(repeatable).")
    List<String> sets = new ArrayList<>();

    @Option(names = "--replications", paramLabel = "N", description = "Shorthand for --set run.replications=N.")
    Integer replications;

    @Option(names = "--no-report", description = "Write no report.html into the results folder.")
    boolean noReport;

    @Option(names = "--out", paramLabel = "DIR", description = "Results folder. Default: results/<scenario name>"
            + "<suffix>.")
    Path out;

    /** The bundled default scenario file. */
    static Path defaultFile() {
        return Path.of(System.getProperty("aigcsim.root", ".")).resolve("scenarios").resolve("default.yaml");
    }

    Path file() {
        return file != null ? file : defaultFile();
    }

    List<ScenarioLoader.Setting> settings() {
        List<ScenarioLoader.Setting> out = new ArrayList<>();
        for (String s : sets) {
            out.add(ScenarioLoader.Setting.parse(s, "--set " + s));
        }
        if (replications != null) {
            out.add(ScenarioLoader.Setting.parse("run.replications=" + replications, "--replications"));
        }
        return out;
    }

    ScenarioLoader.Loaded load(List<ScenarioLoader.Setting> more) {
        List<ScenarioLoader.Setting> all = new ArrayList<>(settings());
        all.addAll(more);
        return ScenarioLoader.load(file(), all);
    }

    ResolvedScenario resolve() {
        return ScenarioResolver.resolve(load(List.of()));
    }

    /** Writes the results folder's HTML report unless --no-report, and says where. */
    void report(Path dir) {
        if (!noReport) {
            System.out.println("report: " + aigcsim.reports.Report.write(dir));
        }
    }

    Path out(String name, String suffix) {
        return out != null ? out : Path.of("results", name + suffix);
    }
}
