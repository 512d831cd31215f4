package aigcsim.scenarios.cli;

import java.util.concurrent.Callable;

import aigcsim.scenarios.run.SweepStudy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code aigcsim expand FILE}: lists a sweep's runs (folder and values) without running them. */
@Command(name = "expand", mixinStandardHelpOptions = true,
        description = "List the runs of a scenario's sweep block (grid x zip, constraint, repeat) without running.")
final class ExpandCommand implements Callable<Integer> {
    @Mixin
    ScenarioOptions scenario;

    @Override
    public Integer call() {
        var runs = SweepStudy.runs(scenario.load(java.util.List.of()), scenario.settings());
        for (SweepStudy.Run r : runs) {
            System.out.println(r.point().folder() + "  " + r.point().values() + "  seed " + r.scenario().scenario()
                    .seed() + ", " + r.scenario().scenario().replications() + " replication(s)");
        }
        System.out.println(runs.size() + " runs");
        return Main.OK;
    }
}
