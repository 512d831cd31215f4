package aigcsim.models.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/** Layer normalization of each token over its features (B, L, D): per token, never across the batch. */
public final class TokenNorm extends AbstractBlock {
    private static final float EPS = 1e-5f;
    private final Parameter gamma;
    private final Parameter beta;

    public TokenNorm() {
        gamma = addParameter(Parameter.builder().setName("gamma").setType(Parameter.Type.GAMMA).build());
        beta = addParameter(Parameter.builder().setName("beta").setType(Parameter.Type.BETA).build());
    }

    @Override
    protected void prepare(Shape[] inputShapes) {
        long d = inputShapes[0].get(inputShapes[0].dimension() - 1);
        gamma.setShape(new Shape(d));
        beta.setShape(new Shape(d));
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        int last = x.getShape().dimension() - 1;
        NDArray centered = x.sub(x.mean(new int[] {last}, true));
        NDArray norm = centered.div(centered.square().mean(new int[] {last}, true).add(EPS).sqrt());
        return new NDList(norm.mul(ps.getValue(gamma, x.getDevice(), training))
                .add(ps.getValue(beta, x.getDevice(), training)));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }
}
