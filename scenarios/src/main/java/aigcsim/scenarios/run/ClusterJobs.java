package aigcsim.scenarios.run;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.BiConsumer;

import com.hazelcast.cluster.Member;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.ExecutionCallback;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceNotActiveException;
import com.hazelcast.core.IExecutorService;
import com.hazelcast.core.MemberLeftException;
import com.hazelcast.spi.exception.TargetNotMemberException;

import aigcsim.worker.ClusterOptions;

/**
 * Runs a study's independent jobs on the members of the cluster, through Hazelcast's executor
 * ({@link ClusterOptions#SIMULATION_EXECUTOR}): each member takes as many jobs at once as its
 * {@link ClusterOptions#SIMULATION_SLOTS} attribute says, and is sent the next job when one of its own ends, so a
 * faster member runs more. A job whose member leaves the cluster before it answers (stopped, crashed, or silent
 * past Hazelcast's heartbeat limit: {@code MemberLeftException}) goes back to the front of the queue and runs on
 * another member; a job ends once, with the first answer, so none is counted twice. A job that fails on its member
 * (a bad scenario, an error in the run) is reported, not retried: it would fail anywhere. Members joining during
 * the run get jobs too. All decisions are taken on the calling thread, from the events the executor's callbacks and
 * the membership listener queue, so the state needs no locks; results are handed to the caller on that thread.
 */
public final class ClusterJobs {
    /** What happened to a study's jobs. */
    public record Outcome(int done, int failed, int rerun, Map<String, Integer> doneBy, List<String> failures) {
        /** One line for a report: {@code what} are the jobs (runs, replications). */
        public String describe(String what) {
            return String.format(java.util.Locale.ROOT, "cluster: %d %s done by %s; %d run again after their member "
                    + "left", done, what, doneBy, rerun);
        }
    }

    /** Told when a job starts on a member (for progress and tests). */
    public interface StartListener {
        void started(ClusterJob<?> job, Member member);
    }

    private sealed interface Event permits Answered, Membership {
    }

    private record Answered(ClusterJob<?> job, Member member, Object result, Throwable error) implements Event {
    }

    private record Membership() implements Event {
    }

    private final HazelcastInstance hazelcast;
    private final LinkedBlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final ArrayDeque<ClusterJob<?>> queue = new ArrayDeque<>();
    private final Map<UUID, Integer> running = new HashMap<>();
    private StartListener onStart = (j, m) -> { };

    public ClusterJobs(HazelcastInstance hazelcast) {
        this.hazelcast = hazelcast;
    }

    public ClusterJobs onStart(StartListener listener) {
        this.onStart = listener;
        return this;
    }

    /** Jobs a member runs at once: its announced simulation slots (0 when it announces none). */
    static int slots(Member m) {
        String s = m.getAttribute(ClusterOptions.SIMULATION_SLOTS);
        try {
            return s == null ? 0 : Math.max(0, Integer.parseInt(s));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /**
     * Runs {@code jobs}, handing each finished job's answer to {@code done} (on this thread, once per job), and
     * returns what happened. Fails when no member of the cluster takes simulation jobs.
     */
    @SuppressWarnings("unchecked")
    public <T, J extends ClusterJob<T>> Outcome run(List<J> jobs, BiConsumer<J, T> done)
            throws InterruptedException {
        queue.addAll(jobs);
        IExecutorService executor = hazelcast.getExecutorService(ClusterOptions.SIMULATION_EXECUTOR);
        UUID listener = hazelcast.getCluster().addMembershipListener(new MembershipListener() {
            @Override
            public void memberAdded(MembershipEvent e) {
                events.add(new Membership());
            }

            @Override
            public void memberRemoved(MembershipEvent e) {
                events.add(new Membership());
            }
        });
        int ok = 0;
        int rerun = 0;
        Map<String, Integer> doneBy = new HashMap<>();
        List<String> failures = new ArrayList<>();
        try {
            int left = jobs.size();
            dispatch(executor);
            while (left > 0) {
                Event e = events.take();
                if (e instanceof Answered a) {
                    running.merge(a.member().getUuid(), -1, Integer::sum);
                    if (a.error() == null) {
                        done.accept((J) a.job(), (T) a.result());
                        doneBy.merge(a.member().getAddress().toString(), 1, Integer::sum);
                        ok++;
                        left--;
                    } else if (lost(a.error())) {
                        queue.addFirst(a.job());
                        rerun++;
                    } else {
                        failures.add(a.job().label() + " (on " + a.member().getAddress() + "): " + message(a.error()));
                        left--;
                    }
                }
                dispatch(executor);
            }
        } finally {
            hazelcast.getCluster().removeMembershipListener(listener);
        }
        return new Outcome(ok, failures.size(), rerun, doneBy, failures);
    }

    /** Sends queued jobs to members with free slots; fails when jobs wait and no member could ever take them. */
    private void dispatch(IExecutorService executor) {
        boolean anySlots = false;
        for (Member m : hazelcast.getCluster().getMembers()) {
            int free = slots(m) - running.getOrDefault(m.getUuid(), 0);
            anySlots |= slots(m) > 0;
            for (; free > 0 && !queue.isEmpty(); free--) {
                @SuppressWarnings("unchecked")
                ClusterJob<Object> job = (ClusterJob<Object>) queue.pollFirst();
                running.merge(m.getUuid(), 1, Integer::sum);
                onStart.started(job, m);
                executor.submitToMember(job, m, new ExecutionCallback<Object>() {
                    @Override
                    public void onResponse(Object result) {
                        events.add(new Answered(job, m, result, null));
                    }

                    @Override
                    public void onFailure(Throwable t) {
                        events.add(new Answered(job, m, null, t));
                    }
                });
            }
        }
        if (!queue.isEmpty() && !anySlots && running.values().stream().allMatch(n -> n <= 0)) {
            throw new IllegalStateException("no member of the cluster runs simulation jobs (each announces 0 "
                    + "slots): start nodes with `aigcsim worker --cluster ... --sim-jobs N`, or give this one --jobs");
        }
    }

    /** Whether the job was lost with its member (rather than failed by it). */
    private static boolean lost(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof MemberLeftException || c instanceof TargetNotMemberException
                    || c instanceof HazelcastInstanceNotActiveException) {
                return true;
            }
        }
        return false;
    }

    private static String message(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() != null ? root.getMessage() : root.toString();
    }
}
