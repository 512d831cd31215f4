package aigcsim.reports;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Exports every chart of a report as an SVG file for papers: the browser's own rendering of the same data, taken
 * from a headless Chromium (Debian's {@code chromium}) that loads the report and hands back its DOM, each chart's
 * SVG cut out of it. One file per chart, named by its number and caption.
 */
public final class Figures {
    private static final Pattern FIGURE = Pattern.compile(
            "<figcaption>(.*?)</figcaption><div class=\"chart\" id=\"chart\\d+\"[^>]*>.*?(<svg .*?</svg>)",
            Pattern.DOTALL);

    private Figures() {
    }

    /** The headless browser on the PATH, or null. */
    public static String chromium() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            for (String name : List.of("chromium", "chromium-browser")) {
                if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, name))) {
                    return Path.of(dir, name).toString();
                }
            }
        }
        return null;
    }

    /** Writes the charts of {@code report} as SVG files into {@code out}; returns them in order. */
    public static List<Path> export(Path report, Path out) {
        String chromium = chromium();
        if (chromium == null) {
            throw new IllegalArgumentException("exporting figures needs a headless Chromium on the PATH (Debian: "
                    + "apt-get install chromium); the report's charts also save themselves from a browser");
        }
        if (!Files.isRegularFile(report)) {
            throw new IllegalArgumentException("no report at " + report);
        }
        try {
            Files.createDirectories(out);
            Process p = new ProcessBuilder(chromium, "--headless=new", "--no-sandbox", "--disable-gpu",
                    "--window-size=1300,2400", "--virtual-time-budget=10000", "--dump-dom",
                    report.toAbsolutePath().toUri().toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String dom = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("chromium failed on " + report + " (exit " + p.exitValue() + ")");
            }
            List<Path> files = new ArrayList<>();
            Matcher m = FIGURE.matcher(dom);
            while (m.find()) {
                String caption = m.group(1).replaceAll("&[a-z]+;", " ");
                String slug = caption.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
                Path f = out.resolve(String.format(Locale.ROOT, "%02d-%s.svg", files.size(),
                        slug.length() > 60 ? slug.substring(0, 60) : slug));
                Files.writeString(f, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + m.group(2) + "\n");
                files.add(f);
            }
            if (files.isEmpty()) {
                throw new IllegalStateException("chromium rendered no chart of " + report);
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot export the figures of " + report + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while exporting figures", e);
        }
    }
}
