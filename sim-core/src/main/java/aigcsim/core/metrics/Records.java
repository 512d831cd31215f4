package aigcsim.core.metrics;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.lang.ref.Cleaner;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import aigcsim.core.compute.ComputeResult;

/**
 * One replication's request records, in the order they were added (the simulator adds them in order of id): the
 * first {@code memoryLimit} held in memory, the rest spilled to a temporary binary file as they come, so a long
 * run's memory does not grow with its requests. They are read back, in order and exactly (every double bit for bit),
 * as often as asked; each reading of a spilled run reads its file. The file is deleted when the records are no
 * longer reachable, or at exit. A view ({@link #map}) shares the storage and changes each record as it is read.
 * Serialized (a run sent from a cluster member), the records travel as a list, read back as they are read here, and
 * are stored again on arrival.
 */
public final class Records implements Iterable<RequestRecord>, Serializable {
    private static final long serialVersionUID = 1L;
    /** Records a replication keeps in memory before it spills (about 15 MB). */
    public static final int DEFAULT_MEMORY_LIMIT = 50_000;
    private static final Cleaner CLEANER = Cleaner.create();
    private static final int BUFFER = 1 << 20;
    /** A spilled record's bytes without its images (its strings are numbers into the file's string table). */
    private static final int FIXED_BYTES = 8 + 4 + 4 + 8 + 8 + 4 + 8 + 7 * 8 + 4 + 8 + 8 + 4 + 8 + 1 + 4 + 4 + 4 + 1
            + 4 + 3 * 8 + 1 + 4 + 8 + 1;

    private final Storage storage;
    private final UnaryOperator<RequestRecord> view;

    private Records(Storage storage, UnaryOperator<RequestRecord> view) {
        this.storage = storage;
        this.view = view;
    }

    public long size() {
        return storage.size;
    }

    public boolean isEmpty() {
        return storage.size == 0;
    }

    /** Whether some records live in a spill file. */
    public boolean spilled() {
        return storage.file != null;
    }

    /** The same records, each changed by {@code f} as it is read (the storage is shared, nothing is copied). */
    public Records map(UnaryOperator<RequestRecord> f) {
        return new Records(storage, r -> f.apply(view.apply(r)));
    }

    /** The {@code i}-th record (a spilled one is found by reading the file up to it). */
    public RequestRecord get(long i) {
        if (i < 0 || i >= storage.size) {
            throw new IndexOutOfBoundsException("record " + i + " of " + storage.size);
        }
        if (i < storage.memory.size()) {
            return view.apply(storage.memory.get((int) i));
        }
        Reader file = new Reader(storage.file);
        try {
            for (long j = storage.memory.size(); j < i; j++) {
                file.record();
            }
            return view.apply(file.record());
        } finally {
            file.close();
        }
    }

    /** Every record in a list (all in memory: for small runs and tests). */
    public List<RequestRecord> list() {
        List<RequestRecord> out = new ArrayList<>((int) Math.min(storage.size, Integer.MAX_VALUE));
        forEach(out::add);
        return Collections.unmodifiableList(out);
    }

    public Stream<RequestRecord> stream() {
        return StreamSupport.stream(Spliterators.spliterator(iterator(), storage.size,
                Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    @Override
    public Iterator<RequestRecord> iterator() {
        Iterator<RequestRecord> memory = storage.memory.iterator();
        long onFile = storage.size - storage.memory.size();
        return new Iterator<>() {
            private Reader file;
            private long read;

            @Override
            public boolean hasNext() {
                boolean more = memory.hasNext() || read < onFile;
                if (!more && file != null) {
                    file.close();
                    file = null;
                }
                return more;
            }

            @Override
            public RequestRecord next() {
                if (memory.hasNext()) {
                    return view.apply(memory.next());
                }
                if (read >= onFile) {
                    throw new NoSuchElementException();
                }
                if (file == null) {
                    file = new Reader(storage.file);
                }
                read++;
                return view.apply(file.record());
            }
        };
    }

    private Object writeReplace() {
        return new Serialized(list());
    }

    /** The records in transit: a list, stored again (and spilled past the limit) when read. */
    private record Serialized(List<RequestRecord> records) implements Serializable {
        private static final long serialVersionUID = 1L;

        private Object readResolve() {
            Builder b = new Builder();
            records.forEach(b::add);
            return b.build();
        }
    }

    /** Adds records in order; {@link #build} ends the writing. Not thread-safe. */
    public static final class Builder {
        private final int memoryLimit;
        private final Storage storage = new Storage();
        private FileChannel channel;
        private ByteBuffer buffer;
        /** The strings written so far, by their number in the file (prompts, failures, workers repeat). */
        private final Map<String, Integer> strings = new HashMap<>();

        public Builder() {
            this(DEFAULT_MEMORY_LIMIT);
        }

        public Builder(int memoryLimit) {
            if (memoryLimit < 0) {
                throw new IllegalArgumentException("memory limit " + memoryLimit + " < 0");
            }
            this.memoryLimit = memoryLimit;
        }

        public void add(RequestRecord r) {
            if (storage.memory.size() < memoryLimit) {
                storage.memory.add(r);
            } else {
                write(r);
            }
            storage.size++;
        }

        public long size() {
            return storage.size;
        }

        /** The records added; the builder is done. */
        public Records build() {
            if (channel != null) {
                try (FileChannel c = channel) {
                    drain();
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot write records to " + storage.file, e);
                }
                channel = null;
            }
            return new Records(storage, UnaryOperator.identity());
        }

        private void write(RequestRecord r) {
            try {
                if (channel == null) {
                    Path file = Files.createTempFile("aigcsim-records-", ".bin");
                    file.toFile().deleteOnExit();
                    CLEANER.register(storage, new Delete(file));
                    storage.file = file;
                    channel = FileChannel.open(file, StandardOpenOption.WRITE);
                    buffer = ByteBuffer.allocateDirect(BUFFER).order(ByteOrder.nativeOrder());
                }
                encode(r);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot spill records to " + storage.file + ": " + e.getMessage(), e);
            }
        }

        private void room(int bytes) throws IOException {
            if (buffer.remaining() < bytes) {
                drain();
                if (buffer.capacity() < bytes) {
                    buffer = ByteBuffer.allocateDirect(bytes).order(ByteOrder.nativeOrder());
                }
            }
        }

        private void drain() throws IOException {
            buffer.flip();
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            buffer.clear();
        }

        private void encode(RequestRecord r) throws IOException {
            ComputeResult q = r.quality();
            ComputeResult.Images im = q.images();
            int prompt = string(r.prompt());
            int failure = string(r.failure());
            int failedAt = string(r.failedAt());
            int fidelity = string(q.fidelity());
            int worker = string(q.worker());
            room(FIXED_BYTES + (im == null ? 0 : 4 + 2 * im.delivered().length));
            buffer.putLong(r.id()).putInt(r.user()).putInt(r.cell()).putDouble(r.userXM()).putDouble(r.userYM())
                    .putInt(prompt).putLong(r.seed()).putDouble(r.arrivalS()).putDouble(r.endS())
                    .putDouble(r.queueWaitS()).putDouble(r.l2EdgeS()).putDouble(r.l1TransmissionS())
                    .putDouble(r.l3DeviceS()).putDouble(r.latencyS()).putInt(r.edgeSteps()).putDouble(r.snrDb())
                    .putDouble(r.bandwidthShareHz()).putInt(r.outages()).putDouble(r.satisfaction())
                    .put((byte) (r.failed() ? 1 : 0)).putInt(failure).putInt(failedAt).putInt(r.regenerations())
                    .put((byte) (r.inWarmup() ? 1 : 0)).putInt(fidelity).putDouble(q.psnrDb()).putDouble(q.ssim())
                    .putDouble(q.semanticAccuracy()).put((byte) (q.cacheHit() ? 1 : 0)).putInt(worker)
                    .putDouble(q.computeMs()).put((byte) (im == null ? 0 : 1));
            if (im != null) {
                buffer.putInt(im.side()).put(im.delivered()).put(im.reference());
            }
        }

        /** The number of {@code s} in the file, writing it (tag −1, then its UTF-8 bytes) the first time. */
        private int string(String s) throws IOException {
            Integer n = strings.get(s);
            if (n == null) {
                byte[] b = s.getBytes(StandardCharsets.UTF_8);
                room(8 + b.length);
                buffer.putInt(-1).putInt(b.length).put(b);
                n = strings.size();
                strings.put(s, n);
            }
            return n;
        }
    }

    /** The records: those in memory, then {@code size − memory.size()} on file. */
    private static final class Storage {
        private final List<RequestRecord> memory = new ArrayList<>();
        private long size;
        private Path file;
    }

    private record Delete(Path file) implements Runnable {
        @Override
        public void run() {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a temporary file; deleteOnExit tries again
            }
        }
    }

    /** Reads a spill file from its start. */
    private static final class Reader {
        private final Path path;
        private final FileChannel channel;
        private ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER).order(ByteOrder.nativeOrder()).flip();
        /** The file's strings by number, as they come. */
        private final List<String> strings = new ArrayList<>();

        Reader(Path path) {
            this.path = path;
            try {
                channel = FileChannel.open(path, StandardOpenOption.READ);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read spilled records " + path + ": " + e.getMessage(), e);
            }
        }

        void close() {
            try {
                channel.close();
            } catch (IOException ignored) {
                // read-only
            }
        }

        RequestRecord record() {
            try {
                while (need(4).getInt(buffer.position()) == -1) { // strings first seen in this record
                    buffer.getInt();
                    byte[] b = new byte[need(4).getInt()];
                    need(b.length).get(b);
                    strings.add(new String(b, StandardCharsets.UTF_8));
                }
                need(FIXED_BYTES);
                long id = buffer.getLong();
                int user = buffer.getInt();
                int cell = buffer.getInt();
                double x = buffer.getDouble();
                double y = buffer.getDouble();
                String prompt = strings.get(buffer.getInt());
                long seed = buffer.getLong();
                double arrival = buffer.getDouble();
                double end = buffer.getDouble();
                double wait = buffer.getDouble();
                double l2 = buffer.getDouble();
                double l1 = buffer.getDouble();
                double l3 = buffer.getDouble();
                double latency = buffer.getDouble();
                int steps = buffer.getInt();
                double snr = buffer.getDouble();
                double band = buffer.getDouble();
                int outages = buffer.getInt();
                double satisfaction = buffer.getDouble();
                boolean failed = buffer.get() == 1;
                String failure = strings.get(buffer.getInt());
                String failedAt = strings.get(buffer.getInt());
                int regenerations = buffer.getInt();
                boolean warmup = buffer.get() == 1;
                String fidelity = strings.get(buffer.getInt());
                double psnr = buffer.getDouble();
                double ssim = buffer.getDouble();
                double semantic = buffer.getDouble();
                boolean hit = buffer.get() == 1;
                String worker = strings.get(buffer.getInt());
                double computeMs = buffer.getDouble();
                ComputeResult.Images images = null;
                if (buffer.get() == 1) {
                    int side = need(4).getInt();
                    byte[] delivered = new byte[side * side];
                    byte[] reference = new byte[side * side];
                    need(2 * side * side).get(delivered).get(reference);
                    images = new ComputeResult.Images(side, delivered, reference);
                }
                return new RequestRecord(id, user, cell, x, y, prompt, seed, arrival, end, wait, l2, l1, l3,
                        latency, steps, snr, band, outages, satisfaction, failed, failure, failedAt, regenerations,
                        warmup, new ComputeResult(fidelity, psnr, ssim, semantic, hit, worker, computeMs, images));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read spilled records " + path + ": " + e.getMessage(), e);
            }
        }

        /** The buffer, holding at least {@code bytes} unread bytes. */
        private ByteBuffer need(int bytes) throws IOException {
            if (buffer.remaining() >= bytes) {
                return buffer;
            }
            if (buffer.capacity() < bytes) {
                buffer = ByteBuffer.allocateDirect(bytes).order(ByteOrder.nativeOrder()).put(buffer).flip();
            }
            buffer.compact();
            while (buffer.position() < bytes) {
                if (channel.read(buffer) < 0) {
                    throw new IOException("truncated: " + bytes + " bytes expected, " + buffer.position() + " left");
                }
            }
            return buffer.flip();
        }
    }
}
