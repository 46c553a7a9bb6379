package grad.text;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import grad.io.PrettyJson;
import java.nio.file.Path;


/**
 * {@code metrics_<name>.json}: the run's settings, the training loss of every step, the held-out loss
 * every tenth of the run (on {@value TextRun#EVAL_DOCS} held-out lines spread evenly over them), and the final losses
 * in nats per character over every predicted token (BOS→first character and last character→EOS
 * included): {@code val_loss} over all held-out lines, {@code train_loss} over {@value TextRun#TRAIN_LOSS_DOCS} training lines spread evenly over them.
 */
final class TextMetrics {
    private TextMetrics() {
    }

    static String json(Path file, TextSettings settings, TextModel model, int parameters, Documents.Split split,
                       TextHistory history) {
        JsonObject root = new JsonObject();
        root.addProperty("file", file.getFileName().toString());
        root.addProperty("model", model.kind().id());
        JsonObject config = new JsonObject();
        model.config().forEach(config::addProperty);
        root.add("config", config);
        root.add("training", training(settings));
        JsonObject data = new JsonObject();
        data.addProperty("lines", split.train().size() + split.val().size());
        data.addProperty("train_lines", split.train().size());
        data.addProperty("val_lines", split.val().size());
        data.addProperty("vocab_size", model.vocabulary().size());
        data.addProperty("vocab", String.join("", model.vocabulary().chars()));
        root.add("data", data);
        root.addProperty("parameters", parameters);
        JsonArray train = new JsonArray();
        for (double l : history.trainLoss) {
            train.add(l);
        }
        root.add("train_loss", train);
        JsonObject val = new JsonObject();
        val.addProperty("lines", Math.min(TextRun.EVAL_DOCS, split.val().size()));
        JsonArray steps = new JsonArray();
        history.valSteps.forEach(steps::add);
        JsonArray losses = new JsonArray();
        history.valLoss.forEach(losses::add);
        val.add("steps", steps);
        val.add("loss", losses);
        root.add("val_loss", val);
        JsonObject fin = new JsonObject();
        fin.addProperty("train_loss", history.finalTrain.loss());
        fin.addProperty("train_lines", Math.min(TextRun.TRAIN_LOSS_DOCS, split.train().size()));
        fin.addProperty("train_tokens", history.finalTrain.tokens());
        fin.addProperty("val_loss", history.finalVal.loss());
        fin.addProperty("val_lines", split.val().size());
        fin.addProperty("val_tokens", history.finalVal.tokens());
        root.add("final", fin);
        return PrettyJson.of(root) + "\n";
    }

    private static JsonObject training(TextSettings s) {
        JsonObject t = new JsonObject();
        t.addProperty("steps", s.steps());
        t.addProperty("batch_size", s.batchSize());
        t.addProperty("optimizer", "adam");
        t.addProperty("lr", s.lr());
        t.addProperty("lr_schedule", "linear decay to 0");
        t.addProperty("beta1", TextSettings.BETA1);
        t.addProperty("beta2", TextSettings.BETA2);
        t.addProperty("eps", TextSettings.EPS);
        t.addProperty("seed", s.seed());
        t.addProperty("engine", s.engine().name().toLowerCase(java.util.Locale.ROOT));
        return t;
    }

}
