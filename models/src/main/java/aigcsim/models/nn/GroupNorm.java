package aigcsim.models.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Group normalization (Wu & He 2018) over (B, C, H, W): per sample, so a request's output never depends on the
 * rest of its batch (unlike batch normalization).
 */
public final class GroupNorm extends AbstractBlock {
    private static final float EPS = 1e-5f;
    private final int groups;
    private final Parameter gamma;
    private final Parameter beta;

    public GroupNorm(int groups) {
        this.groups = groups;
        gamma = addParameter(Parameter.builder().setName("gamma").setType(Parameter.Type.GAMMA).build());
        beta = addParameter(Parameter.builder().setName("beta").setType(Parameter.Type.BETA).build());
    }

    @Override
    protected void prepare(Shape[] inputShapes) {
        long c = inputShapes[0].get(1);
        if (c % groups != 0) {
            throw new IllegalArgumentException("GroupNorm: " + c + " channels do not split into " + groups
                    + " groups");
        }
        gamma.setShape(new Shape(c));
        beta.setShape(new Shape(c));
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        Shape s = x.getShape();
        long b = s.get(0);
        long c = s.get(1);
        NDArray g = x.reshape(b, groups, -1);
        NDArray mean = g.mean(new int[] {2}, true);
        NDArray centered = g.sub(mean);
        NDArray var = centered.square().mean(new int[] {2}, true);
        NDArray norm = centered.div(var.add(EPS).sqrt()).reshape(s);
        Shape bc = new Shape(1, c, 1, 1);
        // a reshaped parameter belongs to the parameter's (the model's) manager: it moves to the input's scope, or
        // every forward would leave two arrays behind for the model's lifetime
        NDArray gm = ps.getValue(gamma, x.getDevice(), training).reshape(bc);
        gm.attach(x.getManager());
        NDArray bt = ps.getValue(beta, x.getDevice(), training).reshape(bc);
        bt.attach(x.getManager());
        return new NDList(norm.mul(gm).add(bt));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }
}
