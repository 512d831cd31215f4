package aigcsim.models.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import aigcsim.models.pipeline.TextToImage;
import aigcsim.models.training.ModelSizes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code aigcsim models quality}: measures the quality table the simulator's analytic fidelity reads — mean PSNR,
 * SSIM, semantic accuracy and loss rate of delivered images by framework, transmission, channel, SNR and split a,
 * over prompt and seed pairs (the SNR × a × channel table of {@code eval}, without the data set) — and writes it as
 * {@code quality.csv}. The bundled table (sim-core {@code quality/fashion-mnist.csv}) is this command's output.
 */
@Command(name = "quality", mixinStandardHelpOptions = true,
        description = {"Measures the quality table of delivered images over framework, transmission, channel, SNR "
            + "and split a, and writes quality.csv (the table analytic simulation runs read)."})
public final class ModelsQuality extends ModelsSubcommand {
    /** The columns of the quality table, in order. */
    public static final String HEADER = "framework,transmission,channel,snrDb,edgeSteps,n,psnrDb,ssim,"
            + "semanticAccuracy,lostRate";

    @Mixin
    WeightsOption weightsOption;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "results/models-quality",
            description = "where to write quality.csv and grid-awgn.png (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--samples", paramLabel = "N", defaultValue = "20", converter = PositiveInt.class,
            description = "prompt and seed pairs per cell (default: ${DEFAULT-VALUE})")
    int samples;

    @Override
    void run() throws IOException, BadInputException {
        Path weights = weightsOption.existingDir();
        Files.createDirectories(out);
        List<Map<String, Object>> table;
        try (TextToImage t2i = TextToImage.load(weights, ModelSizes.BUNDLED, TextToImage.DEFAULT_GUIDANCE)) {
            table = ModelsEval.table(t2i, null, samples, out);
        }
        StringBuilder csv = new StringBuilder("# models " + TextToImage.version(weights) + ", guidance "
                + TextToImage.DEFAULT_GUIDANCE + ", " + samples + " prompt and seed pairs per cell\n")
                .append(HEADER).append('\n');
        for (Map<String, Object> r : table) {
            csv.append(String.format(Locale.ROOT, "%s,%s,%s,%s,%s,%s,%.4f,%.4f,%.4f,%.4f%n", r.get("framework"),
                    r.get("transmission"), r.get("channel"), r.get("snrDb"), r.get("edgeSteps"), r.get("n"),
                    (Double) r.get("psnrDb"), (Double) r.get("ssim"), (Double) r.get("semanticAccuracy"),
                    (Double) r.get("lostRate")));
        }
        Files.writeString(out.resolve("quality.csv"), csv);
        System.out.println("wrote " + out.resolve("quality.csv") + " (" + table.size() + " cells)");
    }
}
