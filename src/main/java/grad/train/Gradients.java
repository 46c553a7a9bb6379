package grad.train;

/**
 * The summed gradient of a minibatch, written into the model's parameter store: by replays of the compiled
 * program ({@link BatchGradients}) or by {@code Value.backward()} ({@link ValueGradients}).
 */
interface Gradients extends AutoCloseable {
    /**
     * Sets the store's gradients to the gradient of the rows' summed loss (each parameter's sum added up in
     * row order).
     *
     * @return the summed loss of the rows; {@link #correct()} then tells how many were classified right
     */
    double accumulate(int[] rows);

    /** How many rows of the last {@link #accumulate} call had the right class. */
    int correct();

    /** The number of threads in use. */
    int threads();

    @Override
    void close();

    /** The gradients {@code engine} computes for {@code model} on {@code data}. */
    static Gradients of(Engine engine, grad.nn.Model model, grad.nn.Loss loss, grad.data.Dataset data, int threads,
                        int batchSize) {
        return engine == Engine.VALUE ? new ValueGradients(model, loss, data)
                : new BatchGradients(model, loss, data, threads, batchSize, engine == Engine.INTERPRETED);
    }
}
