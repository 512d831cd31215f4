package aigcsim.models.data;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Fashion-MNIST from Debian's {@code dataset-fashion-mnist} (IDX files, gzip) under
 * {@code /usr/share/datasets/fashion-mnist/}: 28×28 grey images zero-padded to 32×32, scaled to [−1, 1], with their
 * class labels and the text prompts of the classes.
 */
public final class FashionMnist {
    /** Where Debian's package puts the files. */
    public static final Path DEFAULT_DIR = Path.of("/usr/share/datasets/fashion-mnist");
    /** Side of the padded images. */
    public static final int SIDE = 32;
    private static final int RAW_SIDE = 28;

    /** The prompt of each class, in label order (the stand-in for captions). */
    public static final List<String> PROMPTS = List.of("a photo of a t-shirt", "a photo of a pair of trousers",
            "a photo of a pullover", "a photo of a dress", "a photo of a coat", "a photo of a sandal",
            "a photo of a shirt", "a photo of a sneaker", "a photo of a bag", "a photo of an ankle boot");

    /** n images of 32×32 floats in [−1, 1], row-major, and their labels. */
    public record Split(float[][] images, int[] labels) {
        public int size() {
            return labels.length;
        }
    }

    private FashionMnist() {
    }

    /** The training split (60 000) or the test split (10 000), at most {@code limit} images. */
    public static Split load(Path dir, boolean train, int limit) {
        String prefix = train ? "train" : "t10k";
        Path images = dir.resolve(prefix + "-images-idx3-ubyte.gz");
        Path labels = dir.resolve(prefix + "-labels-idx1-ubyte.gz");
        for (Path p : List.of(images, labels)) {
            if (!Files.isReadable(p)) {
                throw new IllegalArgumentException("Fashion-MNIST file not found: " + p
                        + " — install Debian's package: apt-get install dataset-fashion-mnist");
            }
        }
        try {
            int[] y = readLabels(labels, limit);
            float[][] x = readImages(images, y.length);
            return new Split(x, y);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read Fashion-MNIST from " + dir + ": " + e.getMessage());
        }
    }

    private static int[] readLabels(Path file, int limit) throws IOException {
        try (DataInputStream in = open(file)) {
            expectMagic(in, 2049, file);
            int n = Math.min(in.readInt(), limit);
            int[] y = new int[n];
            for (int i = 0; i < n; i++) {
                y[i] = in.readUnsignedByte();
            }
            return y;
        }
    }

    private static float[][] readImages(Path file, int n) throws IOException {
        try (DataInputStream in = open(file)) {
            expectMagic(in, 2051, file);
            int count = in.readInt();
            int rows = in.readInt();
            int cols = in.readInt();
            if (rows != RAW_SIDE || cols != RAW_SIDE || count < n) {
                throw new IOException(file + ": expected at least " + n + " images of 28×28, header says " + count
                        + " of " + rows + "×" + cols);
            }
            float[][] x = new float[n][];
            byte[] raw = new byte[RAW_SIDE * RAW_SIDE];
            int pad = (SIDE - RAW_SIDE) / 2;
            for (int i = 0; i < n; i++) {
                in.readFully(raw);
                float[] img = new float[SIDE * SIDE];
                java.util.Arrays.fill(img, -1f);
                for (int r = 0; r < RAW_SIDE; r++) {
                    for (int c = 0; c < RAW_SIDE; c++) {
                        img[(r + pad) * SIDE + c + pad] = (raw[r * RAW_SIDE + c] & 0xff) / 127.5f - 1f;
                    }
                }
                x[i] = img;
            }
            return x;
        }
    }

    private static DataInputStream open(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        return new DataInputStream(new java.io.BufferedInputStream(new GZIPInputStream(in), 1 << 16));
    }

    private static void expectMagic(DataInputStream in, int magic, Path file) throws IOException {
        int m = in.readInt();
        if (m != magic) {
            throw new IOException(file + ": not an IDX file of the expected kind (magic " + m + ", expected "
                    + magic + ")");
        }
    }
}
