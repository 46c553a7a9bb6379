/**
 * The scalar autograd engine, in three pieces.
 *
 * <ol>
 * <li><b>The math: {@link grad.engine.Value}.</b> micrograd in Java: every operation returns a new node
 * that remembers its operands; three small tables give each op's value and the gradient it sends back to
 * each operand; {@link grad.engine.Value#backward()} sorts the graph (without recursion) and applies the
 * chain rule from the output back. This is the whole of backprop, and the one definition of every model
 * in grad.</li>
 * <li><b>The trace: {@link grad.engine.Compiler}.</b> One sample's {@code Value} graph laid out once as a
 * flat {@link grad.engine.Program} over numbered slots — the parameters, inputs and targets as named
 * slots, everything else computed, the outputs in named groups ({@code loss}, {@code probs}, …). The
 * compiler normalises before it fuses: each neuron's chain of multiplications and additions, however it is
 * written (bias last as grad writes it, first as micrograd does, none as microgpt's {@code linear};
 * {@code w·x} or {@code x·w}), becomes one dot step, and dots over the same inputs one dense-layer step
 * whose loops index any regular layout of weights directly (grad's, PyTorch's {@code [out][in]}, an
 * {@code x·W}'s {@code [in][out]}); only what the outputs need is kept. The steps are one sealed type,
 * {@code Step} (a scalar op, a dot, a dense layer, a gather), each with its forward, backward and
 * listing. A token id is an input of the program, read through {@link grad.engine.Value#pick}, so a
 * sequence model needs one program per sequence length ({@link grad.engine.Programs}), not per sequence. A
 * program of any size is then written out as straight-line bytecode, in methods small enough for the JIT,
 * each program with its own copy of the math it calls, so the JIT sees the network's own code.</li>
 * <li><b>The replay: {@link grad.engine.Replay}.</b> The program run for every sample on flat arrays, on
 * any number of threads (one replay each), allocating nothing: forward only for prediction and pictures,
 * forward and backward for training. It reads the parameters where they live, a
 * {@link grad.engine.ParameterStore}'s array ({@link grad.engine.Replay#useParameters}), and adds their
 * gradients to an array of the caller's: nothing is copied per minibatch.</li>
 * </ol>
 *
 * <p>No step changes the arithmetic or the order of a sum, so a replay gives the same loss, outputs and
 * gradients as {@code Value.backward()} on the same graph, to the last bit; the tests check that on random
 * networks, and check {@code Value} itself against finite differences and PyTorch. For the 2-10-2 xor
 * network, one sample's graph has 105 computed {@code Value} nodes (40 multiplications, 42 additions); its
 * program has 17 steps:
 *
 * <pre>
 * s10, s11, …, s19 = relu(dense 10×2: W·[x0, x1] + b)
 * s20, s21 = (dense 2×10: W·[s10, s11, …, s19] + b)
 * s22 = s20 max s21
 * s23 = detach(s22)
 * s24 = s20 - s23
 * …
 * s36 = s35 / 2.0
 * outputs: s36, s20, s21
 * </pre>
 *
 * ({@link grad.engine.Program#listing()} prints it.) Nothing here is global: each thread builds and
 * differentiates its own graphs, and replays share only their immutable program.
 */
package grad.engine;
