/**
 * Data for the networks to learn from.
 *
 * <p>A {@link grad.data.Dataset} is a table of numeric features with a class or a number per row. It
 * comes from one of grad-rs's toy 2-D generators ({@link grad.data.SyntheticDataset}: linear, xor,
 * moons, circles, and TensorFlow Playground's spiral and Gaussian blobs, with Playground's noise knob), seeded so that the same seed always gives the same points, or from a CSV file
 * ({@link grad.data.CsvDataset}), whose every problem is reported as a one-line
 * {@link grad.data.DataException} naming the file, line and column.
 *
 * <p>{@link grad.data.InputFeatures} maps 2-D points to Playground's inputs ({@code x², xy, sin x}, …).
 * Before training, {@link grad.data.Split} holds out a stratified test set,
 * {@link grad.data.Standardizer} rescales features with training statistics only, and
 * {@link grad.data.DataLoader} deals out minibatches in an order that depends only on the seed and the
 * epoch, so that a resumed run sees the same batches. {@link grad.data.CsvExport} writes a dataset
 * back out, exactly.
 *
 * <p>Nothing here is global or shared: all randomness comes from seeds passed in.
 */
package grad.data;
