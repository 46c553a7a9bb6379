package grad.text;

import grad.GradException;
import grad.engine.ParameterStore;
import grad.io.AtomicFiles;
import grad.io.Text;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * One run of {@code grad text}: read the lines, hold out a tenth, train, measure, and write the metrics,
 * samples, pictures, report and (if asked) the model. A failure in one output costs only that output.
 */
public final class TextRun {
    /** Held-out documents measured during training (all of them at the end). */
    static final int EVAL_DOCS = 100;
    /** Training documents the final training loss is measured on. */
    static final int TRAIN_LOSS_DOCS = 1000;
    /** Documents the samples file holds. */
    static final int SAMPLES = 20;
    static final double TEMPERATURE = 0.5;

    private final Path file;
    private final TextSettings settings;
    private final TextOutputs outputs;
    private final PrintWriter out;
    private final PrintWriter err;

    /**
     * @param file     the lines to learn
     * @param settings the model and its training
     * @param outputs  where the files go
     */
    public TextRun(Path file, TextSettings settings, TextOutputs outputs, PrintWriter out, PrintWriter err) {
        this.file = file;
        this.settings = settings;
        this.outputs = outputs;
        this.out = out;
        this.err = err;
    }

    /** Runs it; returns the exit status (0, or 1 when an output could not be written). */
    public int run() {
        Documents docs = Documents.read(file);
        Vocabulary vocab = Vocabulary.of(docs);
        TextModel model = settings.kind().create(vocab, settings.sizes(), settings.seed());
        int longest = docs.longest();
        if (longest > model.maxPositions() - 1) {
            int max = model.maxPositions() - 1;
            err.println("grad text: note: " + docs.cutNote(max, "--block-size " + model.maxPositions() + " holds " + max
                    + " and the end"));
            docs = docs.cutTo(max);
            longest = max;
        }
        ParameterStore store = ParameterStore.of(model.namedParameters());
        // the program of the longest line's positions compiles on another thread while the lines are split and encoded
        Runner runner = Runner.of(settings.engine(), model, store, longest + 1);
        runner.prepareInBackground();
        Documents.Split split = docs.split(settings.seed());
        outputs.checkWritable(name());
        List<int[]> train = encode(vocab, split.train());
        List<int[]> val = encode(vocab, split.val());
        out.println("grad text: " + model.kind().id() + " on " + file.getFileName() + ": " + docs.size() + " lines ("
                + train.size() + " trained on, " + val.size() + " held out), " + (vocab.size() - 1) + " characters + BOS, "
                + store.size() + " parameters");
        TextHistory history = train(runner, store, train, val);
        List<Losses> finals = Losses.ofEach(runner, List.of(val, spread(train, TRAIN_LOSS_DOCS)));
        Losses finalVal = finals.get(0);
        Losses finalTrain = finals.get(1);
        history.finish(finalTrain, finalVal);
        out.println("final: train loss " + Text.fixed(finalTrain.loss(), 4) + ", held-out loss " + Text.fixed(finalVal.loss(), 4)
                + " nats per character (" + finalVal.tokens() + " held-out tokens)");
        List<String> samples = samples(runner);
        return write(model, store, runner, history, samples, split);
    }

    private TextHistory train(Runner runner, ParameterStore store, List<int[]> train, List<int[]> val) {
        TextTrainer trainer = new TextTrainer(runner, store, train, settings);
        TextHistory history = new TextHistory(settings.steps());
        List<int[]> evalDocs = spread(val, EVAL_DOCS);
        int every = Math.max(1, settings.steps() / 10);
        TextProgress progress = new TextProgress(out, outputs.terminal(), settings.steps());
        HeldOut heldOut = new HeldOut(runner, evalDocs);
        for (int s = 0; s < settings.steps(); s++) {
            double loss = trainer.step(s);
            if (!Double.isFinite(loss)) {
                throw new GradException("step " + (s + 1) + ": the loss is " + loss + "; try a smaller --lr");
            }
            history.train(s, loss);
            progress.step(s + 1, loss);
            if ((s + 1) % every == 0 || s + 1 == settings.steps()) {
                report(heldOut.measured(), history, progress);
                heldOut.measure(s + 1, history.meanTrain(s + 1 - every, s + 1));
            }
        }
        report(heldOut.measured(), history, progress);
        heldOut.close();
        progress.clear();
        return history;
    }

    private void report(HeldOut.Measured m, TextHistory history, TextProgress progress) {
        if (m == null) {
            return;
        }
        history.val(m.step(), m.loss());
        progress.clear();
        out.println("step " + Text.padded(m.step(), String.valueOf(settings.steps()).length()) + "/" + settings.steps()
                + "  train loss " + Text.fixed(m.meanTrain(), 4) + "  held-out loss " + Text.fixed(m.loss(), 4));
    }

    /**
     * The held-out loss during training, measured on another thread from a copy of the parameters while
     * training goes on (the same numbers as measured in place), when the runner can make one.
     */
    private static final class HeldOut {
        record Measured(int step, double meanTrain, double loss) {
        }

        private final Runner runner;
        private final Runner copy;
        private final List<int[]> docs;
        private final ExecutorService thread;
        private Future<Measured> pending;

        HeldOut(Runner runner, List<int[]> docs) {
            this.runner = runner;
            this.copy = runner.onCopy();
            this.docs = docs;
            this.thread = copy == null ? null : Executors.newSingleThreadExecutor(task -> {
                Thread t = new Thread(task, "grad-text-held-out");
                t.setDaemon(true);
                return t;
            });
        }

        /** Starts measuring the parameters as they are after {@code step} (at once, without another thread). */
        void measure(int step, double meanTrain) {
            if (copy == null) {
                pending = CompletableFuture.completedFuture(new Measured(step, meanTrain, Losses.of(runner, docs).loss()));
                return;
            }
            copy.copyParameters();
            pending = thread.submit(() -> new Measured(step, meanTrain, Losses.of(copy, docs).loss()));
        }

        /** The measurement last started, waited for, or null; none is pending after. */
        Measured measured() {
            if (pending == null) {
                return null;
            }
            try {
                return pending.get();
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new GradException("interrupted");
            } finally {
                pending = null;
            }
        }

        /** Lets the thread end once it is idle. */
        void close() {
            if (thread != null) {
                thread.shutdown();
            }
        }
    }

    private List<String> samples(Runner runner) {
        Sampler sampler = new Sampler(runner);
        Random random = new Random(settings.seed());
        List<String> samples = new ArrayList<>();
        for (int i = 0; i < SAMPLES; i++) {
            samples.add(sampler.sample(new int[0], TEMPERATURE, random));
        }
        return samples;
    }

    private int write(TextModel model, ParameterStore store, Runner runner, TextHistory history, List<String> samples,
                      Documents.Split split) {
        String name = name();
        TextOutputs.Failures failures = new TextOutputs.Failures(err);
        if (outputs.saveModel() != null) {
            failures.attempt(() -> {
                TextModelFile.write(outputs.saveModel(), model, store);
                out.println("model saved to " + outputs.saveModel());
            });
        }
        Path dir = outputs.dir();
        failures.attempt(() -> AtomicFiles.writeString(dir.resolve("metrics_" + name + ".json"),
                TextMetrics.json(file, settings, model, store.size(), split, history)));
        failures.attempt(() -> AtomicFiles.writeString(dir.resolve("samples_" + name + ".txt"),
                String.join("\n", samples) + "\n"));
        out.println("samples (temperature " + TEMPERATURE + "): " + String.join(", ", samples.subList(0, Math.min(8, samples.size()))) + ", …");
        List<String> pictures = new ArrayList<>();
        if (outputs.plots()) {
            pictures = TextPictures.write(dir, name, model, runner, history, split, failures);
        }
        List<String> written = pictures;
        failures.attempt(() -> AtomicFiles.writeString(dir.resolve("report.html"),
                TextReport.html(name, file, settings, model, store.size(), history, samples, written)));
        out.println("wrote metrics_" + name + ".json, samples_" + name + ".txt" + (written.isEmpty() ? "" : ", " + String.join(", ", written))
                + " and report.html in " + dir);
        return failures.count() == 0 ? 0 : 1;
    }

    /** The file's base name without its extension: {@code names}. */
    String name() {
        String base = file.getFileName().toString();
        int dot = base.lastIndexOf('.');
        return dot > 0 ? base.substring(0, dot) : base;
    }

    /** At most {@code count} of the documents, evenly spread over them (the file may be sorted, as names.txt is by popularity). */
    static <T> List<T> spread(List<T> docs, int count) {
        if (docs.size() <= count) {
            return docs;
        }
        List<T> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(docs.get((int) ((long) i * docs.size() / count)));
        }
        return out;
    }

    static List<int[]> encode(Vocabulary vocab, List<String> lines) {
        List<int[]> out = new ArrayList<>(lines.size());
        for (String line : lines) {
            out.add(vocab.encode(line));
        }
        return out;
    }
}
