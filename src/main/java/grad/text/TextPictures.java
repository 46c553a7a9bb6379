package grad.text;

import grad.engine.ParameterStore;
import grad.io.AtomicFiles;
import grad.plot.AttentionPlot;
import grad.plot.EmbeddingPlot;
import grad.plot.TextLossPlot;
import grad.tensor.Tensor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/** The pictures of a run: the loss curves; for a GPT its attention on a held-out line and its embeddings by PCA. */
final class TextPictures {
    static final String BOS_LABEL = "BOS";

    private TextPictures() {
    }

    /** Writes them into {@code dir}; returns the names of those written. */
    static List<String> write(Path dir, String name, TextModel model, Runner runner, TextHistory history,
                              Documents.Split split, TextOutputs.Failures failures) {
        List<String> written = new ArrayList<>();
        picture(dir, "loss_" + name + ".png", written, failures, () -> TextLossPlot.png(
                model.kind().id() + " on " + name + ": loss per step", history.trainLoss,
                history.valSteps.stream().mapToDouble(Integer::doubleValue).toArray(),
                history.valLoss.stream().mapToDouble(Double::doubleValue).toArray()));
        if (model instanceof Gpt gpt) {
            String line = split.val().get(0);
            picture(dir, "attention_" + name + ".png", written, failures, () -> attention(gpt, line));
            picture(dir, "embeddings_" + name + ".png", written, failures, () -> embeddings(model, runner.store));
        }
        return written;
    }

    private static void picture(Path dir, String file, List<String> written, TextOutputs.Failures failures,
                                Supplier<byte[]> png) {
        int before = failures.count();
        failures.attempt(() -> AtomicFiles.write(dir.resolve(file), out -> out.write(png.get())));
        if (failures.count() == before) {
            written.add(file);
        }
    }

    /** Each head's attention on {@code line}: the positions read are BOS and its characters. */
    static byte[] attention(Gpt gpt, String line) {
        Vocabulary vocab = gpt.vocabulary();
        int[] doc = vocab.encode(line);
        int n = doc.length + 1;
        double[] read = new double[n];
        read[0] = vocab.bos();
        for (int t = 0; t < doc.length; t++) {
            read[t + 1] = doc[t];
        }
        List<Tensor> maps = gpt.attention(Tensor.of(read, n));
        double[][][][] w = new double[maps.size()][][][];
        for (int l = 0; l < maps.size(); l++) {
            double[] data = maps.get(l).data();
            int heads = maps.get(l).size(0);
            w[l] = new double[heads][n][n];
            for (int h = 0; h < heads; h++) {
                for (int t = 0; t < n; t++) {
                    System.arraycopy(data, (h * n + t) * n, w[l][h][t], 0, n);
                }
            }
        }
        List<String> labels = new ArrayList<>();
        labels.add(BOS_LABEL);
        for (int id : doc) {
            labels.add(vocab.decode(id));
        }
        return AttentionPlot.png("attention on the held-out line \"" + line + "\" (row: the position reading)", w, labels);
    }

    static byte[] embeddings(TextModel model, ParameterStore store) {
        ParameterStore.Group wte = store.group("wte");
        int rows = wte.shape()[0];
        int cols = wte.shape()[1];
        double[][] e = new double[rows][];
        for (int r = 0; r < rows; r++) {
            e[r] = Arrays.copyOfRange(store.data(), wte.offset() + r * cols, wte.offset() + (r + 1) * cols);
        }
        double[][] xy = Pca.project2(e);
        List<String> labels = new ArrayList<>(model.vocabulary().chars());
        labels.add(BOS_LABEL);
        return EmbeddingPlot.png("character embeddings (wte), by PCA", "first principal component",
                "second principal component", xy, labels);
    }
}
