package grad.train;

import java.util.List;

/** Tells several listeners, in order. */
final class Listeners implements EpochListener {
    private final List<EpochListener> listeners;

    Listeners(List<EpochListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    @Override
    public void runStarted() {
        listeners.forEach(EpochListener::runStarted);
    }

    @Override
    public void epochStarting(int epoch) {
        listeners.forEach(l -> l.epochStarting(epoch));
    }

    @Override
    public void epochEnded(EpochMetrics metrics) {
        listeners.forEach(l -> l.epochEnded(metrics));
    }

    @Override
    public void runEnded(RunEnd end) {
        listeners.forEach(l -> l.runEnded(end));
    }
}
