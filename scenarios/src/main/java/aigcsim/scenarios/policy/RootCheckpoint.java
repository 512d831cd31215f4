package aigcsim.scenarios.policy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import aigcsim.models.rl.D3qn;

/**
 * A trained ROOT network with the state it reads: a checkpoint folder written by {@code aigcsim policy train} (the
 * D3QN's parameters and a manifest with the state definition, hyper-parameters, training scenario, episodes, final
 * reward and SHA-256, verified at load; the network's {@code paramsSha256} identifies it in a run's {@code run.json}).
 * Each folder is loaded once per process and shared by every run that names
 * it (inference is synchronized in {@link D3qn}).
 */
public record RootCheckpoint(Path dir, D3qn network, RootState state, int totalSteps) {
    /** The bundled checkpoint: {@code scenarios/policies/root} under the repository root (aigcsim.root). */
    public static final Path BUNDLED_DIR = Path.of(System.getProperty("aigcsim.root", ".")).resolve("scenarios")
            .resolve("policies").resolve("root");
    /** The scenario the bundled checkpoint was trained on (next to it). */
    public static final Path TRAINING_SCENARIO = BUNDLED_DIR.resolveSibling("root-train.yaml");

    /** Manifest keys this layer adds to the network's. */
    static final String STATE = "state";
    static final String FEATURES = "features";
    static final String TOTAL_STEPS = "totalSteps";

    private static final Map<String, RootCheckpoint> LOADED = new ConcurrentHashMap<>();

    /**
     * The checkpoint in {@code dir}, loaded and verified once while its parameters file is unchanged (a checkpoint
     * retrained into the same folder is loaded again).
     */
    public static RootCheckpoint load(Path dir) {
        Path abs = dir.toAbsolutePath().normalize();
        Path params = abs.resolve(D3qn.PARAMS_FILE);
        String key;
        try {
            key = abs + "@" + Files.getLastModifiedTime(params).toMillis() + "/" + Files.size(params);
        } catch (IOException e) {
            key = abs.toString(); // missing: read() says what is wrong
        }
        return LOADED.computeIfAbsent(key, k -> read(abs));
    }

    private static RootCheckpoint read(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("ROOT checkpoint not found: " + dir + " (write one with aigcsim policy "
                    + "train, or give split.checkpoint: bundled)");
        }
        D3qn net = D3qn.load(dir);
        Map<String, Object> extras = net.manifestExtras();
        Object state = extras.get(STATE);
        Object steps = extras.get(TOTAL_STEPS);
        if (!(state instanceof String) || !(steps instanceof Number)) {
            net.close();
            throw new IllegalArgumentException("ROOT checkpoint " + dir + ": its manifest lacks '" + STATE + "' or '"
                    + TOTAL_STEPS + "' (not written by aigcsim policy train?)");
        }
        RootState s;
        try {
            s = RootState.of((String) state);
        } catch (IllegalArgumentException e) {
            net.close();
            throw new IllegalArgumentException("ROOT checkpoint " + dir + ": " + e.getMessage());
        }
        int t = ((Number) steps).intValue();
        if (net.config().stateSize() != s.size() || net.config().actions() != t + 1) {
            net.close();
            throw new IllegalArgumentException("ROOT checkpoint " + dir + ": the network takes "
                    + net.config().stateSize() + " features and gives " + net.config().actions() + " actions, but its "
                    + "state '" + s.id() + "' has " + s.size() + " features and T = " + t + " needs " + (t + 1));
        }
        return new RootCheckpoint(dir, net, s, t);
    }

    /** Checks that a scenario with {@code totalSteps} steps can use this checkpoint (its actions are a = 0..T). */
    public RootCheckpoint requireSteps(int steps) {
        if (steps != totalSteps) {
            throw new IllegalArgumentException("ROOT checkpoint " + dir + " was trained for T = " + totalSteps
                    + " denoising steps (actions a = 0.." + totalSteps + "), the scenario has split.totalSteps = "
                    + steps + "; train one for it with aigcsim policy train");
        }
        return this;
    }
}
