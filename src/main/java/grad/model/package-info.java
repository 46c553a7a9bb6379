/**
 * Trained models as files: {@link grad.model.ModelFile} writes and reads a {@link grad.model.SavedModel}
 * (architecture, weights, classes, standardization, training settings and optimizer state) as JSON;
 * training saves one with {@code --save-model} ({@code grad.train.SavedModels}) and continues one with
 * {@code --load-model} ({@code grad.cli.Resume});
 * {@link grad.model.Predictions} applies a model to the rows of a CSV file ({@code grad predict}).
 *
 * <p>Every problem with a model file or an input file is a {@link grad.GradException} with a one-line
 * message naming the file.
 */
package grad.model;
