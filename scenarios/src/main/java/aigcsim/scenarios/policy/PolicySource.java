package aigcsim.scenarios.policy;

import java.nio.file.Path;

import aigcsim.core.policy.SplitPolicy;

/**
 * The split policies of a scenario file: sim-core's own, and ROOT from the scenario's checkpoint
 * ({@code split.checkpoint}), loaded (and verified) the first time a run asks for it.
 */
public record PolicySource(Path checkpoint, int totalSteps) implements SplitPolicy.Source {
    @Override
    public SplitPolicy policy(String name) {
        if (name.equals(SplitPolicy.ROOT)) {
            RootCheckpoint c = RootCheckpoint.load(checkpoint).requireSteps(totalSteps);
            return new RootPolicy(c.network(), c.state());
        }
        return SplitPolicy.of(name);
    }
}
