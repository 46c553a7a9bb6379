package grad.playground;

import grad.cli.TrainingArguments;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * {@code make gallery}'s picture of the page (docs/playground.png): the README's spiral recipe trained to its last
 * epoch (where the run pauses, so the picture does not depend on timing), drawn by headless Chromium.
 * Run with the test classpath: {@code java -cp … grad.playground.Screenshot docs/playground.png}.
 */
public final class Screenshot {
    /** The README's spiral recipe trains 100 epochs. */
    private static final int EPOCHS = 100;

    private Screenshot() {
    }

    public static void main(String[] args) throws Exception {
        Path png = Path.of(args[0]);
        Optional<Path> chromium = DevToolsBrowser.executable();
        if (chromium.isEmpty()) {
            System.err.println("screenshot: " + DevToolsBrowser.INSTALL);
            System.exit(1);
        }
        Path scratch = Files.createTempDirectory("grad-playground-shot");
        Settings settings = Settings.of(TrainingArguments.READER, List.of("--dataset", "spiral", "--input-features", "x,y,x2,y2,xy,sinx,siny",
                "--standardize", "--hidden-units", "8,8", "--activation", "tanh", "--loss", "cross-entropy", "--lr", "0.01",
                "--epochs", Integer.toString(EPOCHS)));
        try (Session session = new Session(settings, scratch.resolve("model.json"));
             PlaygroundServer server = new PlaygroundServer(session, 0, GraphSvg.onPath());
             DevToolsBrowser browser = DevToolsBrowser.start(chromium.get(), 1280, 1250)) {
            session.start();
            server.start();
            browser.navigate(server.uri());
            browser.awaitStatus("the last epoch, paused", s -> s.has("epoch") && s.get("epoch").getAsInt() == EPOCHS
                    && s.get("playing").getAsString().equals("false"));
            browser.evaluate("document.getElementById('graph-refresh').click()");
            for (int i = 0; i < 300 && !browser.evaluate("(() => { const g = document.getElementById('graph');"
                    + " return g.complete && g.naturalWidth > 0; })()").getAsBoolean(); i++) {
                Thread.sleep(100);
            }
            Files.write(png, browser.screenshot());
        }
        System.out.println("wrote " + png);
    }
}
