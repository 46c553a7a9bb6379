package grad.playground;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import grad.GradException;
import grad.engine.Graph;
import grad.train.EpochMetrics;
import grad.train.LiveRun;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The playground's one training run and what the page is told of it. A worker thread trains epoch after
 * epoch while the run plays and at least one page watches (so training stops when the last page goes
 * away); every change of a setting starts a new run, except the learning rate, which the optimizer takes
 * on at once (as in TensorFlow Playground). The state is published as JSON a few times a second.
 */
final class Session implements AutoCloseable {
    /** How often, at most, a new state is published while playing. */
    static final long PUBLISH_MILLIS = 200;
    /** Epochs take at least this long, so that a small network's learning can be watched. */
    static final long MIN_EPOCH_MILLIS = 15;
    /** The loss curves keep at most this many points (thinned evenly). */
    static final int HISTORY_POINTS = 400;

    private final ReentrantLock lock = new ReentrantLock(true);
    private final Condition changed = lock.newCondition();
    private final Path saveTarget;
    private Settings settings;
    private LiveRun run;
    private double[] plane;
    private boolean playing = true;
    private boolean stepAsked;
    private boolean closed;
    private int pages;
    private int stopAt;
    private String error;
    private String note;
    private EpochMetrics last;
    private final List<double[]> history = new ArrayList<>();
    private final JsonArray warnings = new JsonArray();
    private String state;
    private long stateVersion;
    private String data;
    private int dataVersion;
    private long lastPublished;
    private Thread worker;

    /**
     * @param saveTarget where "save model" writes
     * @throws GradException when the settings' data cannot be prepared
     */
    Session(Settings settings, Path saveTarget) {
        this.saveTarget = saveTarget;
        this.stopAt = settings.epochsAsked();
        lock.lock();
        try {
            restart(settings);
        } finally {
            lock.unlock();
        }
    }

    /** Starts training (while a page watches). */
    void start() {
        worker = new Thread(this::loop, "grad-playground-training");
        worker.setDaemon(true);
        worker.start();
    }

    /** The published state and data, with their versions. */
    record Snapshot(long stateVersion, String state, int dataVersion, String data, boolean closed) {
    }

    /** Waits up to {@code millis} for a state newer than {@code seenState} or data other than {@code seenData}. */
    Snapshot await(long seenState, int seenData, long millis) throws InterruptedException {
        lock.lock();
        try {
            long left = TimeUnit.MILLISECONDS.toNanos(millis);
            while (!closed && stateVersion == seenState && dataVersion == seenData && left > 0) {
                left = changed.awaitNanos(left);
            }
            return new Snapshot(stateVersion, state, dataVersion, data, closed);
        } finally {
            lock.unlock();
        }
    }

    void pageOpened() {
        locked(() -> pages++);
    }

    void pageClosed() {
        locked(() -> pages--);
    }

    /** Pages watching now. */
    int pages() {
        lock.lock();
        try {
            return pages;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Changes settings (option → value, null for the default) and starts a new run with them, or for the
     * learning rate alone goes on at the new rate.
     *
     * @throws GradException (exit code 2) with the command line's message when a value is refused; nothing changes
     */
    void change(Map<String, String> changes) {
        lock.lock();
        try {
            Settings next = settings.with(changes);
            if (changes.keySet().equals(java.util.Set.of("--lr")) && error == null) {
                settings = next;
                run.setLr(next.plan().optimizer().lr());
                note = "the learning rate changed to " + changes.get("--lr") + " after epoch " + run.epochsDone()
                        + "; the command trains at it from the start";
                publish(false);
            } else {
                restart(next);
            }
        } finally {
            lock.unlock();
        }
    }

    /** play, pause, step or reset. */
    void control(String action) {
        lock.lock();
        try {
            switch (action) {
                case "play" -> playing = error == null;
                case "pause" -> playing = false;
                case "step" -> {
                    playing = false;
                    stepAsked = error == null;
                }
                case "reset" -> restart(settings);
                default -> throw new GradException("unknown action '" + action + "': play, pause, step or reset", 2, null);
            }
            publish(false);
        } finally {
            lock.unlock();
        }
    }

    /** Writes the model as {@code --save-model} would; returns the file and the command that writes the same. */
    String[] save() {
        lock.lock();
        try {
            run.save(saveTarget);
            List<String> args = settings.args(run.epochsDone());
            if (!settings.options().containsKey("--save-model")) {
                args.addAll(List.of("--save-model", saveTarget.toString()));
            }
            return new String[] {saveTarget.toString(), Command.line(args), Integer.toString(run.epochsDone())};
        } finally {
            lock.unlock();
        }
    }

    /** One sample's loss graph at the start of the next epoch, after backward. */
    Graph graph() {
        lock.lock();
        try {
            return run.sampleGraph();
        } finally {
            lock.unlock();
        }
    }

    private void restart(Settings next) {
        LiveRun fresh = new LiveRun(next.plan());
        if (run != null) {
            run.close();
        }
        run = fresh;
        settings = next;
        error = null;
        note = null;
        last = null;
        history.clear();
        while (!warnings.isEmpty()) {
            warnings.remove(warnings.size() - 1);
        }
        plane = Frames.plane(run.trainRows(), run.testRows());
        data = Frames.data(run, plane, ++dataVersion).toString();
        publish(false);
    }

    private void loop() {
        while (true) {
            lock.lock();
            try {
                while (!closed && !stepAsked && !(playing && pages > 0)) {
                    changed.await();
                }
                if (closed) {
                    return;
                }
                boolean step = stepAsked;
                stepAsked = false;
                long started = System.nanoTime();
                trainEpoch();
                publish(!step && playing);
                long rest = TimeUnit.MILLISECONDS.toNanos(MIN_EPOCH_MILLIS) - (System.nanoTime() - started);
                if (rest > 0 && playing) {
                    changed.awaitNanos(rest);
                }
            } catch (InterruptedException e) {
                return;
            } finally {
                lock.unlock();
            }
        }
    }

    private void trainEpoch() {
        try {
            last = run.step();
            double test = last.test() == null ? Double.NaN : last.test().loss();
            history.add(new double[] {last.epoch(), last.loss(), test, last.accuracy()});
            if (history.size() > 2 * HISTORY_POINTS) {
                thin();
            }
            for (String w : run.takeWarnings()) {
                JsonObject o = new JsonObject();
                o.addProperty("epoch", last.epoch());
                o.addProperty("message", w);
                warnings.add(o);
            }
            if (run.epochsDone() == stopAt) {
                playing = false;
            }
        } catch (GradException e) {
            playing = false;
            error = e.getMessage();
        }
    }

    /** Keeps every other point of the curves, and the last. */
    private void thin() {
        List<double[]> kept = new ArrayList<>();
        for (int i = 0; i < history.size(); i++) {
            if (i % 2 == 0 || i == history.size() - 1) {
                kept.add(history.get(i));
            }
        }
        history.clear();
        history.addAll(kept);
    }

    /** Publishes the state now, or when {@code throttled} only if the last was long enough ago. */
    private void publish(boolean throttled) {
        long now = System.nanoTime();
        if (throttled && now - lastPublished < TimeUnit.MILLISECONDS.toNanos(PUBLISH_MILLIS)) {
            return;
        }
        lastPublished = now;
        state = stateJson().toString();
        stateVersion++;
        changed.signalAll();
    }

    private JsonObject stateJson() {
        JsonObject o = Frames.pictures(run, plane);
        o.addProperty("dataVersion", dataVersion);
        o.addProperty("epoch", run.epochsDone());
        o.addProperty("playing", playing);
        o.addProperty("error", error);
        o.addProperty("note", note);
        o.add("sizes", sizes());
        o.add("inputNames", Frames.strings(run.inputNames().toArray(String[]::new)));
        o.add("metrics", metrics());
        JsonArray curves = new JsonArray();
        history.forEach(h -> curves.add(Frames.numbers(h)));
        o.add("history", curves);
        o.add("warnings", warnings.deepCopy());
        JsonObject options = new JsonObject();
        settings.options().forEach(options::addProperty);
        o.add("settings", options);
        o.add("current", current(settings.plan()));
        o.addProperty("csv", settings.csv());
        List<String> datasets = new ArrayList<>(List.of(Settings.generatedNames().split(", ")));
        if (settings.csv() != null) {
            datasets.add(settings.csv());
        }
        o.add("datasets", Frames.strings(datasets.toArray(String[]::new)));
        o.addProperty("command", Command.line(settings.args(run.epochsDone())));
        return o;
    }

    /** Every page setting as the plan resolved it (defaults included), as the command line spells it. */
    static JsonObject current(grad.train.TrainingPlan plan) {
        JsonObject o = new JsonObject();
        o.addProperty("--dataset", plan.data().dataset());
        o.addProperty("--noise", plan.data().noise() == null ? "" : Frames.round(plan.data().noise()) + "");
        o.addProperty("--test-split", Frames.round(plan.data().testFraction()) + "");
        o.addProperty("--batch-size", plan.batchSize() + "");
        o.addProperty("--input-features", plan.model().inputFeatures() == null ? "x,y" : plan.model().inputFeatures().toString());
        o.addProperty("--hidden-units", String.join(",", plan.model().hidden().stream().map(String::valueOf).toList()));
        o.addProperty("--activation", plan.model().activation().id());
        o.addProperty("--loss", plan.model().loss().id());
        grad.train.OptimizerPlan optimizer = plan.optimizer();
        o.addProperty("--lr", plain(optimizer.lr()));
        o.addProperty("--optimizer", optimizer.kind().id());
        o.addProperty("--momentum", plain(optimizer.momentum()));
        o.addProperty("--nesterov", optimizer.nesterov() + "");
        o.addProperty("--l1", plain(optimizer.l1()));
        o.addProperty("--beta1", plain(optimizer.beta1()));
        o.addProperty("--beta2", plain(optimizer.beta2()));
        o.addProperty("--eps", plain(optimizer.eps()));
        o.addProperty("--weight-decay", plain(optimizer.weightDecay()));
        o.addProperty("--seed", plan.seed() + "");
        return o;
    }

    /** {@code v} as one would type it: 0.9, 1e-08 → "1e-8". */
    static String plain(double v) {
        String s = Double.toString(v);
        return s.contains("E") ? s.replace(".0E", "E").replace("E", "e") : s;
    }

    private JsonArray sizes() {
        JsonArray a = new JsonArray();
        for (int s : run.sizes()) {
            a.add(s);
        }
        return a;
    }

    private JsonObject metrics() {
        JsonObject m = new JsonObject();
        if (last != null) {
            m.addProperty("loss", Frames.number(last.loss()));
            m.addProperty("accuracy", Frames.number(last.accuracy()));
            if (last.test() != null) {
                m.addProperty("testLoss", Frames.number(last.test().loss()));
                m.addProperty("testAccuracy", Frames.number(last.test().accuracy()));
            }
        }
        return m;
    }

    private void locked(Runnable action) {
        lock.lock();
        try {
            action.run();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        locked(() -> closed = true);
        if (worker != null) {
            try {
                worker.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        lock.lock();
        try {
            run.close();
        } finally {
            lock.unlock();
        }
    }
}
