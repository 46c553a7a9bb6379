/**
 * GPT-2 inference from Hugging Face's files as downloaded ({@code config.json}, {@code model.safetensors},
 * {@code vocab.json}, {@code merges.txt}): a safetensors reader ({@link grad.gpt2.Safetensors}), GPT-2's
 * byte-level BPE tokenizer ({@link grad.gpt2.Bpe}), the model defined on grad's tensors
 * ({@link grad.gpt2.Gpt2Module}, compiled with a key/value cache for small checkpoints), the same model
 * hand-compiled onto plain {@code float[]} weights with a key/value cache for real ones
 * ({@link grad.gpt2.Gpt2}) and the {@code grad gpt2} command ({@link grad.gpt2.Gpt2Command}).
 */
package grad.gpt2;
