package aigcsim.worker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The event-bus protocol between the dispatcher and the workers (pull-based, so the work queue is the dispatcher's
 * own bounded queue and no event-bus consumer ever buffers more than one message per worker). Every body is a JSON
 * string written by Jackson, so the same messages cross a cluster unchanged.
 * <ul>
 * <li>{@link #PULL}: a worker with room asks for up to {@code capacity} jobs ({@link Pull}); the reply lists them
 * ({@link Assignments}, possibly none).</li>
 * <li>{@link #DONE}: a worker reports an {@link Outcome}; the reply acknowledges it.</li>
 * <li>{@link #RELEASE}: a worker that is stopping hands back the jobs it had not finished ({@link Release}).</li>
 * <li>{@link #AVAILABLE}: published by the dispatcher when work is queued, so idle workers pull at once (they also
 * poll, in case a notice is missed).</li>
 * </ul>
 */
final class Protocol {
    static final String PULL = "aigcsim.work.pull";
    static final String DONE = "aigcsim.work.done";
    static final String RELEASE = "aigcsim.work.release";
    static final String AVAILABLE = "aigcsim.work.available";

    record Pull(String worker, int capacity) {
    }

    record Assignment(long jobId, WorkKey key) {
    }

    record Assignments(List<Assignment> jobs) {
    }

    record Release(String worker, List<Long> jobIds) {
    }

    // NaN and ±Infinity (PSNR of identical images) are written as strings and read back
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

    private Protocol() {
    }

    static String encode(Object message) {
        try {
            return JSON.writeValueAsString(message);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode " + message.getClass().getSimpleName(), e);
        }
    }

    static <T> T decode(String body, Class<T> type) {
        try {
            return JSON.readValue(body, type);
        } catch (IOException e) {
            throw new IllegalArgumentException("malformed " + type.getSimpleName() + " message: " + e.getMessage(), e);
        }
    }
}
