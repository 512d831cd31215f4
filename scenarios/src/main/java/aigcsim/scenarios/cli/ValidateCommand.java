package aigcsim.scenarios.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import aigcsim.scenarios.file.ResolvedScenario;
import aigcsim.scenarios.file.ScenarioException;
import aigcsim.scenarios.file.ScenarioLoader;
import aigcsim.scenarios.file.ScenarioResolver;
import aigcsim.scenarios.run.SweepStudy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code aigcsim validate FILE...}: checks scenario files (and their sweeps) without running anything. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check scenario files without running them: every problem with file, line, column and field.")
final class ValidateCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Scenario files.")
    List<Path> files;

    @Override
    public Integer call() {
        int bad = 0;
        for (Path f : files) {
            try {
                ScenarioLoader.Loaded loaded = ScenarioLoader.load(f);
                ResolvedScenario r = ScenarioResolver.resolve(loaded);
                String sweep = "";
                if (loaded.scenario().sweep() != null) {
                    int runs = SweepStudy.runs(loaded, List.of()).size(); // every point resolved
                    sweep = ", sweep of " + runs + " runs";
                }
                System.out.println(f + ": ok (" + r.scenario().users() + " users, " + r.scenario().cells().size()
                        + " cell(s), " + r.scenario().replications() + " replication(s) of "
                        + r.scenario().durationS() + " s, fidelity " + r.compute().fidelity() + sweep + ")");
            } catch (ScenarioException e) {
                bad++;
                System.err.println(e.getMessage());
            }
        }
        return bad == 0 ? Main.OK : Main.BAD_INPUT;
    }
}
