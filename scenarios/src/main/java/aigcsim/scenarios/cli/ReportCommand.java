package aigcsim.scenarios.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import aigcsim.reports.Figures;
import aigcsim.reports.Report;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code aigcsim report DIR...}: (re)writes the HTML report of results folders. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Write report.html into results folders (of a run, compare, sweep or capacity search): one "
                + "self-contained file with tables and charts that opens offline.")
final class ReportCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "DIR", description = "Results folders.")
    List<Path> dirs;

    @Option(names = "--figures", paramLabel = "DIR", description = "Also export every chart as an SVG file into DIR "
            + "(one subfolder per results folder; needs a headless Chromium: Debian's chromium).")
    Path figures;

    @Override
    public Integer call() {
        for (Path d : dirs) {
            Path report = Report.write(d);
            System.out.println("report: " + report);
            if (figures != null) {
                Path out = dirs.size() == 1 ? figures : figures.resolve(d.toAbsolutePath().getFileName().toString());
                System.out.println("figures: " + Figures.export(report, out).size() + " SVG files in " + out);
            }
        }
        return Main.OK;
    }
}
