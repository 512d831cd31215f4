package aigcsim.models.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import aigcsim.models.channel.TensorChannel;
import aigcsim.models.data.FashionMnist;
import aigcsim.models.nn.TextEncoder;
import aigcsim.models.nn.Tokenizer;
import aigcsim.models.nn.UNet;
import aigcsim.models.pipeline.TextToImage;
import aigcsim.models.training.ModelSizes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code aigcsim models bench}: denoiser step time at batch 1, 4, 16, 64; one request's whole pipeline time; the
 * denoiser's achieved GFLOP/s against a plain 1024² matrix multiply measured in the same run; resident memory
 * before and after many requests (default 10 000), computed the way a model worker computes them (batched edge
 * steps, then each request's finish). {@code --weights DIR} benchmarks other weights (e.g. retrained with
 * {@code train --out DIR}).
 */
@Command(name = "bench", mixinStandardHelpOptions = true, versionProvider = ModelsSubcommand.Version.class,
        sortOptions = false,
        description = {"Denoiser step time by batch, pipeline time, GFLOP/s against a matmul peak, and resident "
            + "memory before and after N requests computed as a worker does (10,000: ~15 min on 2 cores)."})
public final class ModelsBench extends ModelsSubcommand {
    @Mixin
    WeightsOption weightsOption;

    @Option(names = "--requests", paramLabel = "N", defaultValue = "10000", converter = PositiveInt.class,
            description = "requests of the memory run (default: ${DEFAULT-VALUE})")
    int requests;

    @Override
    void run() throws BadInputException {
        Path weights = weightsOption.existingDir();
        ModelSizes sizes = ModelSizes.BUNDLED;
        try (TextToImage t2i = TextToImage.load(weights, sizes);
                NDManager m = NDManager.newBaseManager()) {
            double peak = matmulGflops(m);
            System.out.printf(Locale.ROOT, "plain matmul 1024x1024x1024: %.1f GFLOP/s%n", peak);
            Tokenizer tok = new Tokenizer(FashionMnist.PROMPTS, sizes.promptLength());
            double flops = UNetFlops.perSample(sizes, tok.length());
            for (int b : new int[] {1, 4, 16, 64}) {
                double s = denoiserStepS(t2i, m, tok, b);
                System.out.printf(Locale.ROOT, "denoiser step, batch %2d: %.2f ms (%.3f ms per request), "
                        + "%.1f GFLOP/s = %.0f %% of the matmul peak%n", b, s * 1e3, s * 1e3 / b,
                        flops * b / s / 1e9, 100 * flops * b / s / 1e9 / peak);
            }
            var req = new TextToImage.Request("a photo of a sneaker", 7, 10, 20, true,
                    TextToImage.Transmission.ANALOG, TensorChannel.Kind.AWGN, 3);
            t2i.run(req);
            long t0 = System.nanoTime();
            int reps = 5;
            for (int i = 0; i < reps; i++) {
                t2i.run(req);
            }
            System.out.printf(Locale.ROOT, "one request's pipeline (reference + edge + channel + device, a=10, "
                    + "guidance on): %.0f ms%n", (System.nanoTime() - t0) / 1e6 / reps);
            long before = rssKb();
            long heapBefore = heapCommittedMib();
            int arraysBefore = t2i.liveArrays();
            long t1 = System.nanoTime();
            int reportEvery = Math.max(1, requests / 10);
            for (int first = 0; first < requests; first += MEMORY_BATCH) {
                int n = Math.min(MEMORY_BATCH, requests - first);
                runLockstep(t2i, first, n);
                int done = first + n;
                if (done / reportEvery != first / reportEvery || done == requests) {
                    System.out.printf(Locale.ROOT, "  %d requests, RSS %d MiB, of which Java heap committed %d MiB; "
                            + "%d live NDArrays (%.0f s)%n", done, rssKb() / 1024, heapCommittedMib(), t2i.liveArrays(),
                            (System.nanoTime() - t1) / 1e9);
                }
            }
            System.out.printf(Locale.ROOT, "resident memory: %d MiB before (Java heap committed %d MiB, %d live "
                    + "NDArrays), %d MiB after %d requests (Java heap committed %d MiB, %d live NDArrays)%n",
                    before / 1024, heapBefore, arraysBefore, rssKb() / 1024, requests, heapCommittedMib(),
                    t2i.liveArrays());
        }
    }

    /** Requests per batch of the memory run (the worker pool's default largest batch). */
    private static final int MEMORY_BATCH = 16;

    /**
     * Requests first … first + n − 1 of the memory run, as a model worker computes them: their T̂ edge steps batched
     * in lockstep through {@link TextToImage#step}, then each one's {@link TextToImage#finish}. The requests cycle
     * through every prompt, split a ∈ [0, 20], fine-tuning on and off, all four transmissions, both channels and SNR
     * ∈ [−6, 15] dB.
     */
    private static void runLockstep(TextToImage t2i, int first, int n) {
        int total = TextToImage.TOTAL_STEPS;
        int[] ts = TextToImage.timesteps(total);
        TextToImage.Request[] reqs = new TextToImage.Request[n];
        float[][] latents = new float[n][];
        float[][] sent = new float[n][];
        String[] prompts = new String[n];
        int[] from = new int[n];
        int[] to = new int[n];
        for (int j = 0; j < n; j++) {
            int i = first + j;
            reqs[j] = new TextToImage.Request(FashionMnist.PROMPTS.get(i % 10), i, i % (total + 1), total,
                    i % 2 == 0, TextToImage.Transmission.values()[i % 4], TensorChannel.Kind.values()[(i / 4) % 2],
                    -6 + i % 22);
            latents[j] = t2i.initialLatent(i);
            prompts[j] = reqs[j].prompt();
        }
        for (int k = 0; k <= total; k++) {
            for (int j = 0; j < n; j++) {
                if (reqs[j].edgeSteps() == k) {
                    sent[j] = latents[j];
                }
            }
            if (k < total) {
                java.util.Arrays.fill(from, ts[k]);
                java.util.Arrays.fill(to, ts[k + 1]);
                latents = t2i.step(latents, from, to, prompts);
            }
        }
        for (int j = 0; j < n; j++) {
            t2i.finish(reqs[j], sent[j], latents[j]);
        }
    }

    private static double matmulGflops(NDManager parent) {
        try (NDManager m = parent.newSubManager()) {
            NDArray a = m.randomNormal(new Shape(1024, 1024));
            NDArray b = m.randomNormal(new Shape(1024, 1024));
            a.matMul(b).getFloat(0, 0);
            long t0 = System.nanoTime();
            int reps = 10;
            for (int i = 0; i < reps; i++) {
                try (NDManager s = m.newSubManager()) {
                    NDArray c = a.matMul(b);
                    c.attach(s);
                    c.getFloat(0, 0);
                }
            }
            return 2.0 * 1024 * 1024 * 1024 * reps / ((System.nanoTime() - t0) / 1e9) / 1e9;
        }
    }

    private static double denoiserStepS(TextToImage t2i, NDManager parent, Tokenizer tok, int b) {
        try (NDManager m = parent.newSubManager()) {
            ParameterStore ps = new ParameterStore(m, false);
            NDArray x = m.randomNormal(new Shape(b, 4, 8, 8));
            int[] ts = new int[b];
            int[][] tokens = new int[b][];
            for (int i = 0; i < b; i++) {
                ts[i] = (i * 97) % 1000;
                tokens[i] = tok.encode(FashionMnist.PROMPTS.get(i % 10));
            }
            NDList in = new NDList(x, UNet.timeFeatures(m, ts), TextEncoder.oneHot(m, tokens, tok.vocabularySize()));
            int reps = Math.max(5, 200 / b);
            for (int i = 0; i < 3; i++) {
                t2i.denoiserBlock().forward(ps, in, false).singletonOrThrow().getFloat(0, 0, 0, 0);
            }
            long t0 = System.nanoTime();
            for (int i = 0; i < reps; i++) {
                try (NDManager s = m.newSubManager()) {
                    NDArray y = t2i.denoiserBlock().forward(ps, in, false).singletonOrThrow();
                    y.attach(s);
                    y.getFloat(0, 0, 0, 0);
                }
            }
            return (System.nanoTime() - t0) / 1e9 / reps;
        }
    }

    /** The Java heap the JVM has committed, MiB (part of the RSS; the rest is native: PyTorch, code, stacks). */
    private static long heapCommittedMib() {
        return Runtime.getRuntime().totalMemory() >> 20;
    }

    /** VmRSS of this process in KiB, from /proc. */
    static long rssKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return -1;
    }

    /** Multiply-add FLOPs (×2) of one denoiser forward per sample: convolutions, linear layers, attention. */
    static final class UNetFlops {
        private UNetFlops() {
        }

        static double perSample(ModelSizes s, int tokens) {
            int c1 = s.unetChannels1();
            int c2 = s.unetChannels2();
            int d = s.textDim();
            double f = 0;
            f += conv(4, c1, 3, 64);                                  // in
            f += res(c1, c1, 64) + attention(c1, 64, tokens, d);       // level 1
            f += conv(c1, c2, 4, 16);                                 // down
            f += res(c2, c2, 16) + attention(c2, 16, tokens, d);       // level 2
            f += res(c2, c2, 16);                                     // mid
            f += conv(c2, c1, 3, 64);                                 // upsample conv
            f += res(2 * c1, c1, 64) + attention(c1, 64, tokens, d);   // level 1 up
            f += conv(c1, 4, 3, 64);                                  // out
            f += tokens * (2.0 * d * d * 4 + 2.0 * d * 2 * d * 2);     // text encoder layer
            return f;
        }

        private static double conv(int in, int out, int k, int positions) {
            return 2.0 * in * out * k * k * positions;
        }

        private static double res(int in, int out, int positions) {
            return conv(in, out, 3, positions) + conv(out, out, 3, positions) + (in != out ? conv(in, out, 1,
                    positions) : 0);
        }

        private static double attention(int c, int positions, int tokens, int ctxDim) {
            return 2.0 * positions * c * c * 2 + 2.0 * tokens * ctxDim * c * 2 + 2.0 * positions * tokens * c * 2;
        }
    }
}
