package grad.train;

import grad.data.InputFeatures;
import grad.model.SavedModel;
import grad.nn.Activation;
import grad.nn.Initializer;
import grad.nn.Loss;
import java.nio.file.Path;
import java.util.List;

/** The network a run trains: a new one, or a saved one it continues (read once, when the plan is made). */
public sealed interface ModelPlan {

    /** Hidden layer sizes. */
    List<Integer> hidden();

    /** The hidden layers' activation. */
    Activation activation();

    /** The loss function (classification; regression always uses squared error). */
    Loss loss();

    /** How the weights were (or are to be) initialized. */
    Initializer init();

    /**
     * The inputs the network computes from 2-D data, or null: {@code x,y} for 2-D data, and the features
     * as they are for other data.
     */
    InputFeatures inputFeatures();

    /**
     * A network made from the seed.
     *
     * @param inputFeatures {@code --input-features}, or null when not given
     */
    record New(List<Integer> hidden, Activation activation, Loss loss, Initializer init, InputFeatures inputFeatures)
            implements ModelPlan {
        public New {
            hidden = List.copyOf(hidden);
        }

        /** A network that reads the data's features as they are. */
        public New(List<Integer> hidden, Activation activation, Loss loss, Initializer init) {
            this(hidden, activation, loss, init, null);
        }
    }

    /**
     * A saved model, continued from its next epoch.
     *
     * @param file  where it was read from (messages name it)
     * @param saved the model, as read
     */
    record Loaded(Path file, SavedModel saved) implements ModelPlan {
        @Override
        public List<Integer> hidden() {
            return saved.hidden();
        }

        @Override
        public Activation activation() {
            return saved.activation();
        }

        @Override
        public Loss loss() {
            return saved.loss();
        }

        @Override
        public Initializer init() {
            return saved.training().init();
        }

        @Override
        public InputFeatures inputFeatures() {
            return saved.inputFeatures();
        }
    }
}
