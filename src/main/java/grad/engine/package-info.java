/**
 * The scalar autograd engine.
 *
 * <p>Two views of the same idea. {@link grad.engine.Value} is micrograd in Java: every operation returns
 * a new node that remembers its operands, and {@link grad.engine.Value#backward()} applies the chain rule
 * from the output back to every node it depends on. {@link grad.engine.Tape} records the same operations
 * into flat arrays (a Wengert list): node creation order is already a topological order, so its backward
 * pass is one loop from the last node to the first, with no sorting and no allocation. The neural network
 * in {@code grad.nn} trains on a tape. The chain rule is written once, in {@link grad.engine.Tape#backward};
 * {@code Value.backward()} lays its graph out on a tape and uses it, so the two agree to the last bit,
 * and the tests check both against finite differences and PyTorch.
 *
 * <p>Nothing here is global: each thread builds and differentiates its own graphs.
 */
package grad.engine;
