package io.github.attnlab.train;

/** Thrown when the training loss becomes NaN or infinite: names the step and the first layer with a non-finite value. */
public final class TrainingDiverged extends IllegalStateException {

    private final int step;
    private final String layer;

    TrainingDiverged(int step, double loss, String layer) {
        super("step " + step + ": the training loss is " + loss + "; the first non-finite activation is in "
                + (layer == null ? "no layer (the loss itself overflowed)" : layer));
        this.step = step;
        this.layer = layer;
    }

    /** The step (0-based) whose loss was not finite. */
    public int step() {
        return step;
    }

    /** Where the first non-finite activation was, e.g. {@code "layer 1 (attention)"}, or null. */
    public String layer() {
        return layer;
    }
}
