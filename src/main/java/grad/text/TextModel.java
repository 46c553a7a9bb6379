package grad.text;

import grad.nn.Module;
import grad.tensor.Tensor;
import java.util.Map;

/**
 * A character-level model of documents: given the tokens read so far, the logits of the next. Its
 * forward pass is plain {@link Tensor} code on {@code Value}s; {@link Runner} differentiates it with
 * {@code Value.backward()} or compiles it, one program per document length.
 */
public interface TextModel extends Module {
    /** Which model this is. */
    TextModelKind kind();

    /** The characters it reads and writes. */
    Vocabulary vocabulary();

    /** Its sizes, by their names in the model file ({@code n_embd}, …), in a fixed order. */
    Map<String, Integer> config();

    /** The most tokens one forward pass reads: the GPT's {@code block_size}; the others read any number. */
    default int maxPositions() {
        return Integer.MAX_VALUE;
    }

    /**
     * The logits {@code [n, V+1]} of the token after each of {@code n} tokens, given their ids
     * ({@code [n]}, the first BOS; inputs of a compiled program, looked up with {@link Tensor#rows(Tensor)}):
     * position t sees tokens 0 … t only.
     */
    Tensor logits(Tensor tokens);
}
