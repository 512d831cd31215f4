package aigcsim.models.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;

/**
 * A composite DJL block whose children are initialized by tracing: initialization runs the forward pass once on
 * zeros of the input shapes, and each child is initialized with the shape it actually receives. Subclasses write
 * only the forward pass, calling children through {@link #call}.
 */
public abstract class TracedBlock extends AbstractBlock {
    private NDManager initManager;

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        initManager = manager;
        try (NDManager scratch = manager.newSubManager()) {
            forwardInternal(new ParameterStore(manager, false), zeros(scratch, inputShapes), false, null);
        } finally {
            initManager = null;
        }
    }

    /** Runs a child on its inputs, initializing it first while this block is being traced. */
    protected final NDList call(Block child, ParameterStore ps, NDList inputs, boolean training) {
        if (initManager != null && !child.isInitialized()) {
            child.initialize(initManager, DataType.FLOAT32, inputs.getShapes());
        }
        return child.forward(ps, inputs, training);
    }

    protected final NDArray call(Block child, ParameterStore ps, NDArray input, boolean training) {
        return call(child, ps, new NDList(input), training).singletonOrThrow();
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        if (!isInitialized()) {
            throw new IllegalStateException(getClass().getSimpleName() + " must be initialized before asking its "
                    + "output shapes");
        }
        try (NDManager m = NDManager.newBaseManager()) {
            return forwardInternal(new ParameterStore(m, false), zeros(m, inputShapes), false, null).getShapes();
        }
    }

    private static NDList zeros(NDManager m, Shape[] shapes) {
        NDList list = new NDList();
        for (Shape s : shapes) {
            list.add(m.zeros(s));
        }
        return list;
    }
}
