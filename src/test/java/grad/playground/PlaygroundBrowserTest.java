package grad.playground;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import grad.data.Split;
import grad.train.DataPlan;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The page in headless Chromium against a real server: the boundary moves as the network trains, a new
 * learning rate and a new dataset take effect, a bad value is shown in the page, and the command line it
 * shows is the one for what it trains. Skipped, saying how to install one, where there is no browser.
 */
class PlaygroundBrowserTest {
    @TempDir
    Path scratch;

    private Session session;
    private PlaygroundServer server;
    private DevToolsBrowser browser;

    @BeforeEach
    void start() throws Exception {
        Optional<Path> chromium = DevToolsBrowser.executable();
        Assumptions.assumeTrue(chromium.isPresent(), DevToolsBrowser.INSTALL);
        session = new Session(Settings.of(List.of("--dataset", "xor", "--class-size", "200", "--lr", "0.01")),
                scratch.resolve("model.json"));
        server = new PlaygroundServer(session, 0, new GraphSvg(Optional.empty()));
        session.start();
        server.start();
        browser = DevToolsBrowser.start(chromium.get(), 1280, 1000);
    }

    @AfterEach
    void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theBoundaryMovesAndTheLearningRateAndTheDatasetTakeEffect() throws Exception {
        browser.navigate(server.uri());
        JsonObject first = browser.awaitStatus("a first picture", s -> s.has("frames"));
        assertThat(first.get("dataset").getAsString()).isEqualTo("xor");
        assertThat(first.get("points").getAsInt()).as("the training half of xor's 200 points").isEqualTo(trainRows("xor"));
        String boundary = first.get("boundary").getAsString();
        int epoch = first.get("epoch").getAsInt();
        JsonObject later = browser.awaitStatus("a later epoch with another boundary", s -> s.get("epoch").getAsInt() >= epoch + 5
                && !s.get("boundary").getAsString().equals(boundary));
        assertThat(later.get("playing").getAsString()).isEqualTo("true");

        choose("lr", "0.03");
        JsonObject faster = browser.awaitStatus("the new rate", s -> s.get("lr").getAsString().equals("0.03"));
        assertThat(faster.get("command").getAsString()).contains(" --lr 0.03 ");
        assertThat(text("note")).startsWith("the learning rate changed to 0.03 after epoch ");
        int atChange = faster.get("epoch").getAsInt();
        assertThat(browser.awaitStatus("training going on at the new rate", s -> s.get("epoch").getAsInt() > atChange + 3)
                .get("lr").getAsString()).isEqualTo("0.03");

        choose("dataset", "circles");
        JsonObject circles = browser.awaitStatus("circles", s -> s.get("dataset").getAsString().equals("circles"));
        assertThat(circles.get("points").getAsInt()).as("the training half of circles' 2 × 200 points")
                .isEqualTo(trainRows("circles"));
        assertThat(text("note")).as("a new run: the rate is the command's from the start").isEmpty();

        browser.evaluate("document.getElementById('play').click()");
        JsonObject paused = browser.awaitStatus("a pause", s -> s.get("playing").getAsString().equals("false"));
        String shown = text("command");
        assertThat(shown).isEqualTo("java -jar grad.jar --dataset circles --class-size 200 --lr 0.03 --test-split 0.5 --epochs "
                + Math.max(1, paused.get("epoch").getAsInt()));
        assertThat(browser.exceptions).isEmpty();
    }

    @Test
    void aBadValueIsShownInThePageAndChangesNothing() throws Exception {
        browser.navigate(server.uri());
        browser.awaitStatus("a first picture", s -> s.has("frames"));
        browser.evaluate("(() => { const m = document.getElementById('momentum'); m.value = '1.5';"
                + " m.dispatchEvent(new Event('change')); })()");
        browser.awaitStatus("an error", s -> !s.get("error").getAsString().isEmpty());
        assertThat(text("error")).isEqualTo("--momentum must be a number in [0, 1), not '1.5'");
        assertThat(text("command")).doesNotContain("--momentum");
        assertThat(browser.exceptions).isEmpty();
    }

    /** The training rows of a generated dataset of 200 (per class) split half and half, by the split's own code. */
    private static int trainRows(String dataset) {
        return Split.stratified(DataPlan.generate(dataset, 200, 42, null), 0.5, 42).train().size();
    }

    /** Picks {@code value} in the select {@code id} as a user would. */
    private void choose(String id, String value) {
        browser.evaluate("(() => { const s = document.getElementById('" + id + "'); s.value = '" + value + "';"
                + " s.dispatchEvent(new Event('change')); })()");
    }

    private String text(String id) {
        return browser.evaluate("document.getElementById('" + id + "').textContent").getAsString();
    }
}
