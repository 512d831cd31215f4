package aigcsim.models.cli;

import java.util.LinkedHashMap;
import java.util.Map;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import aigcsim.models.channel.LinkChannel;
import aigcsim.models.data.FashionMnist;
import aigcsim.models.diffusion.NoiseSchedule;
import aigcsim.models.nn.Autoencoder;
import aigcsim.models.nn.Classifier;
import aigcsim.models.nn.Jscc;
import aigcsim.models.nn.JsccCoder;
import aigcsim.models.nn.LinkCodec;
import aigcsim.models.nn.LinkJscc;
import aigcsim.models.pipeline.TextToImage;
import aigcsim.models.quality.ImageQuality;
import aigcsim.models.training.LinkTraining;
import aigcsim.models.training.Training;

/** Evaluations used at the end of training ({@link ModelsTrain}) and by {@link ModelsEval}. */
final class Evaluation {
    private Evaluation() {
    }

    static double accuracy(Classifier cls, NDManager parent, FashionMnist.Split test) {
        int correct = 0;
        for (int start = 0; start < test.size(); start += 500) {
            int[] idx = range(start, Math.min(test.size(), start + 500));
            try (NDManager m = parent.newSubManager()) {
                NDArray logits = cls.forward(new ParameterStore(m, false),
                        new ai.djl.ndarray.NDList(Training.images(m, test.images(), idx)), false).get(0);
                long[] pred = logits.argMax(1).toLongArray();
                for (int i = 0; i < idx.length; i++) {
                    correct += pred[i] == test.labels()[idx[i]] ? 1 : 0;
                }
            }
        }
        return correct / (double) test.size();
    }

    static double reconstructionPsnr(Autoencoder vae, NDManager parent, FashionMnist.Split test) {
        double sum = 0;
        for (int start = 0; start < test.size(); start += 500) {
            int[] idx = range(start, Math.min(test.size(), start + 500));
            try (NDManager m = parent.newSubManager()) {
                ParameterStore ps = new ParameterStore(m, false);
                float[] rec = vae.decode(ps, vae.encode(ps, Training.images(m, test.images(), idx))).toFloatArray();
                int px = FashionMnist.SIDE * FashionMnist.SIDE;
                for (int i = 0; i < idx.length; i++) {
                    sum += ImageQuality.psnrDb(test.images()[idx[i]],
                            java.util.Arrays.copyOfRange(rec, i * px, (i + 1) * px));
                }
            }
        }
        return sum / test.size();
    }

    static double latentStd(Autoencoder vae, NDManager parent, FashionMnist.Split data) {
        double sum = 0;
        double sq = 0;
        long n = 0;
        for (float[] z : latents(vae, parent, data, 1.0)) {
            for (float v : z) {
                sum += v;
                sq += v * v;
                n++;
            }
        }
        double mean = sum / n;
        return Math.sqrt(sq / n - mean * mean);
    }

    static float[][] latents(Autoencoder vae, NDManager parent, FashionMnist.Split data, double scale) {
        float[][] out = new float[data.size()][];
        for (int start = 0; start < data.size(); start += 500) {
            int[] idx = range(start, Math.min(data.size(), start + 500));
            try (NDManager m = parent.newSubManager()) {
                float[] z = vae.encode(new ParameterStore(m, false), Training.images(m, data.images(), idx))
                        .mul((float) scale).toFloatArray();
                for (int i = 0; i < idx.length; i++) {
                    out[idx[i]] = java.util.Arrays.copyOfRange(z, i * 256, (i + 1) * 256);
                }
            }
        }
        return out;
    }

    /**
     * The JSCC decoder's residual error variance per value on AWGN at each SNR of {@link TextToImage#JSCC_SNR_GRID_DB}
     * (held-out latents, uniform split), the σ² the device's step matching uses after JSCC.
     */
    static Map<String, Double> jsccResidual(Jscc jscc, NDManager parent, float[][] latents,
            NoiseSchedule schedule) {
        Map<String, Double> out = new LinkedHashMap<>();
        java.util.Random rng = new java.util.Random(5);
        int[] ts = schedule.ddimTimesteps(TextToImage.TOTAL_STEPS);
        int n = Math.min(2000, latents.length);
        for (double snrDb : TextToImage.JSCC_SNR_GRID_DB) {
            double sum = 0;
            for (int start = 0; start < n; start += 500) {
                int b = Math.min(500, n - start);
                try (NDManager m = parent.newSubManager()) {
                    float[] flat = new float[b * 256];
                    float[] a = new float[b];
                    float[] s = new float[b];
                    for (int i = 0; i < b; i++) {
                        System.arraycopy(latents[start + i], 0, flat, i * 256, 256);
                        int split = rng.nextInt(TextToImage.TOTAL_STEPS + 1);
                        int step = split < TextToImage.TOTAL_STEPS ? ts[split] : -1;
                        a[i] = (float) Math.sqrt(schedule.alphaBar(step));
                        s[i] = (float) Math.sqrt(1 - schedule.alphaBar(step));
                    }
                    ai.djl.ndarray.types.Shape shape = new ai.djl.ndarray.types.Shape(b, 4, 8, 8);
                    NDArray xt = m.create(flat, shape).mul(m.create(a).reshape(b, 1, 1, 1))
                            .add(m.randomNormal(shape).mul(m.create(s).reshape(b, 1, 1, 1)));
                    float[] feat = new float[b];
                    float[] sigma = new float[b];
                    java.util.Arrays.fill(feat, JsccCoder.snrFeature(snrDb));
                    java.util.Arrays.fill(sigma, (float) Math.sqrt(Math.pow(10, -snrDb / 10)));
                    NDArray rec = jscc.forward(new ParameterStore(m, false), new ai.djl.ndarray.NDList(xt,
                            m.create(feat).reshape(b, 1), m.create(sigma).reshape(b, 1, 1, 1),
                            m.randomNormal(shape)), false).singletonOrThrow();
                    sum += rec.sub(xt).square().mean().getFloat() * b;
                }
            }
            out.put(TextToImage.residualKey(snrDb), sum / n);
        }
        return out;
    }

    /**
     * A link-level codec's (or package's) MSE on held-out sources (latents or images, up to 2,000) at each of
     * {@code snrsDb}, at the lowest and the full rate, on each of {@code channels}.
     */
    static Map<String, Double> linkMse(LinkCodec codec, NDManager parent, float[][] sources, double[] snrsDb,
            LinkChannel... channels) {
        float[][] x = java.util.Arrays.copyOf(sources, Math.min(2000, sources.length));
        long[] seeds = new long[x.length];
        for (int i = 0; i < seeds.length; i++) {
            seeds[i] = 9000 + i;
        }
        Map<String, Double> out = new LinkedHashMap<>();
        for (double snrDb : snrsDb) {
            for (LinkChannel ch : channels) {
                for (int kept : new int[] {1, LinkJscc.CHANNELS}) {
                    out.put(String.format(java.util.Locale.ROOT, "testMse@%.0fdB,%s,channels=%d", snrDb, ch.label(),
                            kept), mse(codec.transmit(parent, x, snrDb, kept, ch, seeds), x));
                }
            }
        }
        return out;
    }

    /** Mean squared error per value of the received against the sent. */
    static double mse(float[][] received, float[][] sent) {
        double sum = 0;
        long count = 0;
        for (int i = 0; i < sent.length; i++) {
            for (int v = 0; v < sent[i].length; v++) {
                sum += (received[i][v] - sent[i][v]) * (received[i][v] - sent[i][v]);
            }
            count += sent[i].length;
        }
        return sum / count;
    }

    private static int[] range(int from, int to) {
        int[] r = new int[to - from];
        for (int i = 0; i < r.length; i++) {
            r[i] = from + i;
        }
        return r;
    }
}
