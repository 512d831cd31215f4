package aigcsim.scenarios.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import aigcsim.reports.Report;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code aigcsim report DIR...}: (re)writes the HTML report of results folders. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Write report.html into results folders (of a run, compare, sweep or capacity search): one "
                + "self-contained file with tables and charts that opens offline.")
final class ReportCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "DIR", description = "Results folders.")
    List<Path> dirs;

    @Override
    public Integer call() {
        for (Path d : dirs) {
            System.out.println("report: " + Report.write(d));
        }
        return Main.OK;
    }
}
