package aigcsim.models.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.core.Linear;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;

class AdamTest {
    /** Backward of sum(sqrt(y)) for a linear layer's output y: NaN gradients where y < 0. */
    private static void backward(Block block, NDManager m, boolean withNaN) {
        try (NDManager scope = m.newSubManager();
                GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            NDArray y = block.forward(new ParameterStore(scope, false),
                    new NDList(scope.create(new float[] {1, -1, 2, -2}, new Shape(2, 2))), true).singletonOrThrow();
            gc.backward(withNaN ? y.sqrt().sum() : y.square().sum());
        }
    }

    private static Block linear(NDManager m) {
        Block block = Linear.builder().setUnits(2).build();
        block.initialize(m, ai.djl.ndarray.types.DataType.FLOAT32, new Shape(2, 2));
        return block;
    }

    @Test
    void clearingRemovesNonFiniteGradientsThatMultiplyingByZeroWouldKeep() {
        try (Model model = Model.newInstance("adam")) {
            NDManager m = model.getNDManager();
            Engine.getInstance().setRandomSeed(1);
            Block block = linear(m);
            backward(block, m, true);
            NDArray w = block.getParameters().get("weight").getArray();
            assertTrue(w.getGradient().isNaN().any().getBoolean(), "the setup must produce a NaN gradient");
            Adam.clearGradients(block);
            for (var p : block.getParameters().values()) {
                assertArrayEquals(new float[(int) p.getArray().size()], p.getArray().getGradient().toFloatArray(),
                        p.getName());
            }
            // a later clean batch sees only its own gradient
            backward(block, m, false);
            float[] clean = w.getGradient().toFloatArray();
            Adam.clearGradients(block);
            backward(block, m, false);
            assertArrayEquals(clean, w.getGradient().toFloatArray(), 0f);
        }
    }

    @Test
    void firstStepMovesEveryWeightByTheLearningRateAgainstItsGradientAndClearsIt() {
        try (Model model = Model.newInstance("adam")) {
            NDManager m = model.getNDManager();
            Engine.getInstance().setRandomSeed(2);
            Block block = linear(m);
            NDArray w = block.getParameters().get("weight").getArray();
            float[] before = w.toFloatArray();
            backward(block, m, false);
            float[] grad = w.getGradient().toFloatArray();
            new Adam(m, 1f).step(block, 0.01f);
            float[] after = w.toFloatArray();
            // step 1 with bias correction: m̂ = g, v̂ = g² → update = lr·sign(g) (ε is negligible here)
            for (int i = 0; i < before.length; i++) {
                assertEquals(before[i] - 0.01f * Math.signum(grad[i]), after[i], 1e-5f, "weight " + i);
            }
            assertEquals(0f, w.getGradient().abs().sum().getFloat(), 0f);
        }
    }

    @Test
    void cosineScheduleFallsFromThePeakThroughHalfToZero() {
        Training.LearningRate cosine = Training.LearningRate.cosine(4e-4f);
        assertEquals(4e-4f, cosine.at(0), 1e-9f);
        assertEquals(2e-4f, cosine.at(0.5), 1e-9f);
        assertEquals(0f, cosine.at(1), 1e-9f);
        double last = Double.MAX_VALUE;
        for (int i = 0; i <= 100; i++) {
            float r = cosine.at(i / 100.0);
            assertTrue(r <= last, "monotone at " + i);
            last = r;
        }
        assertEquals(3e-4f, Training.LearningRate.constant(3e-4f).at(0.7), 0f);
    }
}
