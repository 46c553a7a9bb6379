package grad.gpt2;

/**
 * A model fed token by token, keeping the keys and values of the positions fed so far: what
 * {@code grad gpt2} generates with, whichever engine runs the model.
 */
interface Generator extends AutoCloseable {
    /**
     * Feeds {@code tokens} at the next positions and returns the logits of the token after the last
     * (an array the caller may keep). {@code sink}, if not null, sees every head's attention weights.
     */
    float[] feed(int[] tokens, Gpt2.AttentionSink sink);

    /** How many positions have been fed. */
    int position();

    @Override
    void close();
}
