package grad.train;

import grad.data.Dataset;
import grad.data.InputFeatures;
import grad.data.Standardizer;
import grad.data.TargetScale;
import grad.nn.Activation;
import grad.nn.Layer;
import grad.nn.MLP;
import grad.nn.Predictor;
import grad.plot.ConfusionPlot;
import grad.plot.NetworkPlot;
import grad.plot.NeuronField;
import grad.plot.PlotData;
import grad.plot.PredictionsPlot;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The pictures of the trained network, drawn when the run completes, after the others and by the same
 * writer (so in order, and atomically): {@code network_<name>.png}, every neuron over the input plane for
 * 2-D data (mean activations otherwise), and {@code confusion_<name>.png} (classification) or
 * {@code predictions_<name>.png} (regression), train and test.
 *
 * <p>Everything a picture needs is copied on the training thread when the run ends; the drawing only
 * reads the copies, so the pictures do not depend on timing or on {@code --threads}.
 */
final class ModelPictures implements EpochListener {
    private final TrainingPlan plan;
    private final PictureJobs pictures;
    private final MLP model;
    private final PreparedData p;
    private final Path dir;
    private final String name;

    ModelPictures(TrainingPlan plan, PictureJobs pictures, MLP model, PreparedData p, Path dir) {
        this.plan = plan;
        this.pictures = pictures;
        this.model = model;
        this.p = p;
        this.dir = dir;
        this.name = p.data().name();
    }

    @Override
    public void runEnded(RunEnd end) {
        if (!(end instanceof RunEnd.Completed done)) {
            return;
        }
        // the parameters are copied here; the network's shape and compiled programs never change
        double[] parameters = model.parameterData();
        String when = epochShown(done.early(), plan.epochs());
        String title = name + " — " + when;
        network(model, parameters, title);
        if (p.data().isRegression()) {
            predictions(model, parameters, title);
        } else {
            List<String> classes = p.data().classNames();
            int[][] train = done.train().confusion();
            int[][] test = done.test() == null ? null : done.test().confusion();
            pictures.file(dir.resolve("confusion_" + name + ".png"),
                    () -> ConfusionPlot.png(name + " — confusion matrix (actual × predicted), " + when,
                            classes, train, test));
        }
    }

    /**
     * Which epoch's network the pictures show, for their titles: the last, {@code "epoch 50"}, or with early
     * stopping the best one, which is the one kept: {@code "epoch 14, the best of 24"}.
     */
    static String epochShown(EarlyStopping.Result early, int epochs) {
        return early == null ? "epoch " + epochs
                : early.bestEpoch() == early.lastEpoch() ? "epoch " + early.lastEpoch()
                : "epoch " + early.bestEpoch() + ", the best of " + early.lastEpoch();
    }

    /** {@code weights[l][j][i]}: the weight from input {@code i} of layer {@code l} to its neuron {@code j}. */
    static double[][][] weights(MLP network, double[] parameters) {
        double[][][] w = new double[network.layers().size()][][];
        for (Layer layer : network.layers()) {
            int offset = network.store().group("layers." + layer.index() + ".weight").offset();   // [outputs][inputs]
            double[][] rows = new double[layer.outputs()][];
            for (int j = 0; j < rows.length; j++) {
                rows[j] = Arrays.copyOfRange(parameters, offset + j * layer.inputs(), offset + (j + 1) * layer.inputs());
            }
            w[layer.index()] = rows;
        }
        return w;
    }

    private void network(MLP network, double[] parameters, String title) {
        double[][][] weights = weights(network, parameters);
        int[] sizes = network.sizes();
        Dataset raw = p.split().train();
        InputFeatures inputs = p.inputs();
        Standardizer standardizer = p.standardizer();
        Path target = dir.resolve("network_" + name + ".png");
        if (inputs != null) {
            String xName = raw.featureNames().get(0);
            String yName = raw.featureNames().get(1);
            List<String> names = inputs.features().stream().map(f -> f.label(xName, yName)).toList();
            PlotData points = PlottedRows.points(raw);
            NeuronField field = field(network, parameters, inputs, standardizer);
            ModelField output = raw.isRegression() ? null : new ModelField(network, parameters, inputs, standardizer);
            String shown = raw.size() <= PlottedRows.MAX_PLOTTED_POINTS ? title : String.format(Locale.ROOT,
                    "%s — %,d of %,d rows drawn", title, PlottedRows.MAX_PLOTTED_POINTS, raw.size());
            List<String> classes = raw.isRegression() ? null : raw.classNames();
            pictures.file(target, () -> NetworkPlot.overPlane(names, sizes, points).outputsNamed(classes)
                    .png(field, weights, output, shown));
        } else {
            List<String> names = raw.featureNames();
            double[][][] stats = activations(network, parameters, p.train());
            List<String> classes = raw.isRegression() ? null : raw.classNames();
            pictures.file(target, () -> NetworkPlot.withoutPlane(names, sizes).outputsNamed(classes)
                    .png(weights, stats[0], stats[1], title));
        }
    }

    /** Every neuron's output at a plane point, through the input features and the standardization. */
    private static NeuronField field(MLP network, double[] parameters, InputFeatures inputs, Standardizer standardizer) {
        Predictor predictor = new Predictor(network, parameters);
        double[] features = new double[inputs.size()];
        return (x, y, in, out) -> {
            inputs.apply(x, y, features);
            if (standardizer == null) {
                System.arraycopy(features, 0, in, 0, in.length);
            } else {
                standardizer.transform(features, in);
            }
            predictor.run(in);
            for (int l = 0; l < out.length; l++) {
                for (int j = 0; j < out[l].length; j++) {
                    out[l][j] = predictor.neuronOutput(l, j);
                }
            }
        };
    }

    /**
     * Each neuron's mean output over the rows {@code data} (as the network sees them), and for ReLU
     * layers the share of rows where it outputs 0 ({@code null} for other layers): {@code [means, zeros]}.
     */
    static double[][][] activations(MLP network, double[] parameters, Dataset data) {
        Predictor predictor = new Predictor(network, parameters);
        int[] sizes = network.sizes();
        double[][] means = new double[sizes.length][];
        double[][] zeros = new double[sizes.length][];
        for (int l = 0; l < sizes.length; l++) {
            means[l] = new double[sizes[l]];
            zeros[l] = network.layers().get(l).activation() == Activation.RELU ? new double[sizes[l]] : null;
        }
        double[] x = new double[network.inputs()];
        for (int i = 0; i < data.size(); i++) {
            for (int f = 0; f < x.length; f++) {
                x[f] = data.feature(i, f);
            }
            predictor.run(x);
            for (int l = 0; l < sizes.length; l++) {
                for (int j = 0; j < sizes[l]; j++) {
                    double v = predictor.neuronOutput(l, j);
                    means[l][j] += v;
                    if (zeros[l] != null && v == 0) {
                        zeros[l][j]++;
                    }
                }
            }
        }
        for (int l = 0; l < sizes.length; l++) {
            for (int j = 0; j < sizes[l]; j++) {
                means[l][j] /= Math.max(1, data.size());
                if (zeros[l] != null) {
                    zeros[l][j] /= Math.max(1, data.size());
                }
            }
        }
        return new double[][][] {means, zeros};
    }

    private void predictions(MLP network, double[] parameters, String title) {
        TargetScale scale = p.scale();
        // with early stopping, the network trained on the training rows but the validation ones
        double[] trainActual = p.validation() == null ? p.split().train().targets()
                : Arrays.stream(p.train().targets()).map(scale::unscale).toArray();
        double[] trainPredicted = predict(network, parameters, p.train(), scale);
        double[] testActual = p.hasTest() ? p.split().test().targets() : null;
        double[] testPredicted = p.hasTest() ? predict(network, parameters, p.test(), scale) : null;
        pictures.file(dir.resolve("predictions_" + name + ".png"),
                () -> PredictionsPlot.png(title + " — predicted against actual", trainActual, trainPredicted,
                        testActual, testPredicted));
    }

    /** The network's predictions for the rows {@code data} (as it sees them), in the target's units. */
    private static double[] predict(MLP network, double[] parameters, Dataset data, TargetScale scale) {
        Predictor predictor = new Predictor(network, parameters);
        double[] x = new double[network.inputs()];
        double[] predicted = new double[data.size()];
        for (int i = 0; i < predicted.length; i++) {
            for (int f = 0; f < x.length; f++) {
                x[f] = data.feature(i, f);
            }
            predictor.run(x);
            predicted[i] = scale.unscale(predictor.output(0));
        }
        return predicted;
    }
}
