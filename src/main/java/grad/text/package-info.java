/**
 * Character-level models of lines of text: makemore's ladder (a bigram table, Bengio's MLP, an Elman
 * RNN, a GRU) and microgpt's GPT, trained on {@code names.txt} by {@code grad text}.
 *
 * <p>{@link grad.text.Documents} reads a file of lines and holds out a seeded tenth;
 * {@link grad.text.Vocabulary} is microgpt's tokenizer (the sorted characters, then BOS). Each model is a
 * {@link grad.nn.Module} whose forward pass is plain {@link grad.tensor.Tensor} code: given the tokens
 * read, one-hot, the logits of the next. The runner either builds each line's {@code Value} graph and
 * calls {@code backward()} ({@code --engine value}), or compiles the graph of the longest line once and
 * replays that program for every line, padded (a position with no target adds exactly 0 to the loss and
 * to every gradient, and every model reads its tokens in order, so the padding changes no bit).
 * {@link grad.text.TextRun} trains with microgpt's Adam and linear decay and writes the metrics, samples,
 * pictures and report; {@link grad.text.TextModelFile} is the JSON model file.
 */
package grad.text;
