/**
 * Pictures of a run: the dataset, the decision boundary as it forms (PNG frames and an animated
 * GIF), the loss and accuracy curves, the network itself as TensorFlow Playground draws it
 * ({@link grad.plot.NetworkPlot}), the confusion matrices ({@link grad.plot.ConfusionPlot}) and a
 * regression's predictions against the actual values ({@link grad.plot.PredictionsPlot}).
 *
 * <p>This package knows nothing about networks or training: it receives plain data ({@link
 * grad.plot.PlotData}, a {@link grad.plot.ProbabilityField} or {@link grad.plot.NeuronField} snapshot
 * of the model, weights and metrics as arrays). Charts are drawn with XChart, the network and the
 * confusion matrices with Java2D into the same kind of image; the class-colour field under the decision boundary is
 * computed here, pixel by pixel, and painted beneath the chart, so a frame costs a few tens of
 * milliseconds once the chart is laid out. {@link grad.plot.PictureWriter} draws and writes the
 * pictures on one background thread, in submission order, so training never waits for them.
 *
 * <p>Every number handed to XChart goes through {@code Drawable} first: finite, within ±1e300, and
 * rounded to a few digits of its axis, because XChart 4.0.3 lays out some axes (equally spaced values
 * with a label of more than 20 characters) in a loop that never ends.
 *
 * <p>Every file is written through {@link grad.io.AtomicFiles}, and the same inputs always give the
 * same bytes.
 */
package grad.plot;
