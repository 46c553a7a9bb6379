package grad.cli;

import grad.graphviz.DotRenderer;

/** Whether Graphviz's {@code dot} is installed (CI installs it; tests that need it check first). */
final class DotRendererAvailable {
    private DotRendererAvailable() {
    }

    static boolean dot() {
        return new DotRenderer().available();
    }
}
