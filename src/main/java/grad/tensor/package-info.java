/**
 * Tensors made of scalars: {@link grad.tensor.Tensor} is a shaped array of {@link grad.engine.Value}s
 * with PyTorch's names ({@code matmul}, {@code sum(dim, keepdim)}, {@code softmax}, {@code crossEntropy},
 * …) and broadcasting. Every tensor op is built from {@code Value} operations, so there is no tensor
 * backward code: the gradient of a matrix product is the gradients of its multiplications and additions.
 */
package grad.tensor;
