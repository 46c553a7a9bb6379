package grad.playground;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import grad.cli.TrainingArguments;
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
        session = new Session(Settings.of(TrainingArguments.READER, List.of("--dataset", "xor", "--class-size", "200", "--lr", "0.01")),
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

    /**
     * The network's and the optimizer's controls, clicked: + and − for layers and for a layer's neurons, each
     * seen in the drawing and in the command line; Adam shows its β₁, β₂ and ε and hides SGD's momentum and L1.
     */
    @Test
    void theLayerAndNeuronButtonsAndTheOptimizerChangeTheCommand() throws Exception {
        browser.navigate(server.uri());
        JsonObject first = browser.awaitStatus("a first picture", s -> s.has("frames"));
        assertThat(first.get("hidden").getAsString()).isEqualTo("10");
        assertThat(first.get("command").getAsString()).doesNotContain("--hidden-units");
        assertThat(count("#links line")).as("2 inputs × 10 + 10 × 2 outputs").isEqualTo(40);

        click("document.getElementById('add-layer')");
        assertThat(browser.awaitStatus("two layers", s -> s.get("hidden").getAsString().equals("10,10"))
                .get("command").getAsString()).contains(" --hidden-units 10,10 ");
        assertThat(browser.awaitStatus("their lines", s -> count("#links line") == 2 * 10 + 10 * 10 + 10 * 2)).isNotNull();
        click("document.querySelectorAll('.layer-head')[0].querySelector('button[title=\"add a neuron\"]')");
        assertThat(browser.awaitStatus("11 neurons", s -> s.get("hidden").getAsString().equals("11,10"))
                .get("command").getAsString()).contains(" --hidden-units 11,10 ");
        click("document.querySelectorAll('.layer-head')[1].querySelector('button[title=\"remove a neuron\"]')");
        assertThat(browser.awaitStatus("9 neurons", s -> s.get("hidden").getAsString().equals("11,9"))
                .get("command").getAsString()).contains(" --hidden-units 11,9 ");
        assertThat(count(".node")).as("7 features, 11 + 9 neurons, 2 outputs").isEqualTo(7 + 11 + 9 + 2);
        click("document.getElementById('remove-layer')");
        assertThat(browser.awaitStatus("one layer again", s -> s.get("hidden").getAsString().equals("11"))
                .get("command").getAsString()).contains(" --hidden-units 11 ");

        assertThat(visible("momentum")).isTrue();
        assertThat(visible("beta1")).isFalse();
        choose("optimizer", "adam");
        JsonObject adam = browser.awaitStatus("Adam", s -> s.get("optimizer").getAsString().equals("adam"));
        assertThat(adam.get("command").getAsString()).contains(" --optimizer adam ").doesNotContain("--momentum");
        assertThat(List.of(visible("beta1"), visible("beta2"), visible("eps"), visible("momentum"), visible("l1"),
                visible("weight-decay")))
                .containsExactly(true, true, true, false, false, true);
        assertThat(text("error")).isEmpty();
        browser.evaluate("(() => { const b = document.getElementById('beta1'); b.value = '0.8';"
                + " b.dispatchEvent(new Event('change')); })()");
        assertThat(browser.awaitStatus("β1 0.8", s -> s.get("command").getAsString().contains(" --beta1 0.8 "))
                .get("command").getAsString()).contains(" --optimizer adam ");
        choose("optimizer", "nesterov");
        JsonObject nesterov = browser.awaitStatus("Nesterov", s -> s.get("optimizer").getAsString().equals("nesterov"));
        assertThat(nesterov.get("command").getAsString()).contains(" --nesterov ").doesNotContain("--beta1")
                .doesNotContain("adam");
        assertThat(List.of(visible("beta1"), visible("momentum"), visible("l1"))).containsExactly(false, true, true);
        assertThat(browser.exceptions).isEmpty();
    }

    /** Hovering a neuron shows its picture large; a rate far too high soon fires a health warning, shown in the page. */
    @Test
    void hoverShowsANeuronLargeAndHealthWarningsAppear() throws Exception {
        browser.navigate(server.uri());
        browser.awaitStatus("a first picture", s -> s.has("frames"));
        browser.evaluate("(() => { const n = document.querySelectorAll('.node')[8];"
                + " n.dispatchEvent(new MouseEvent('mouseenter', {clientX: 300, clientY: 200})); })()");
        assertThat(visible("zoom")).isTrue();
        assertThat(text("zoom-label")).matches("layer 0, neuron 1: largest \\|output\\| [0-9.eE+-]+");
        assertThat(browser.evaluate("document.getElementById('zoom-canvas').width").getAsInt()).isEqualTo(200);
        browser.evaluate("document.querySelectorAll('.node')[8].dispatchEvent(new MouseEvent('mouseleave'))");
        assertThat(visible("zoom")).isFalse();

        assertThat(text("train-loss")).matches("\\d+\\.\\d{3}");
        assertThat(text("test-loss")).matches("\\d+\\.\\d{3}");
        click("document.getElementById('copy')");
        JsonObject copied = browser.awaitStatus("the copy button's answer", s -> !text("copy").equals("Copy"));
        if (text("copy").equals("Press Ctrl-C")) {
            assertThat(browser.evaluate("getSelection().toString()").getAsString()).isEqualTo(text("command"));
        } else {
            assertThat(text("copy")).isEqualTo("Copied");
        }
        assertThat(copied.get("command").getAsString()).startsWith("java -jar grad.jar --dataset xor ");
        click("document.getElementById('save')");
        browser.awaitStatus("the saved file", s -> text("saved").startsWith("saved "));
        assertThat(text("saved")).matches("saved " + java.util.regex.Pattern.quote(scratch.resolve("model.json").toString())
                + " after \\d+ epochs, as  java -jar grad.jar .* --save-model .*  writes it");

        choose("lr", "3");
        browser.awaitStatus("a warning", s -> s.get("warnings").getAsInt() > 0);
        assertThat(text("warnings")).matches("(?s)epoch \\d+: "
                + "(the softmax output is saturated|vanishing gradient|\\d+ of 10 ReLU units)"
                + ".*try .*");
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

    private void click(String element) {
        browser.evaluate(element + ".click()");
    }

    private int count(String selector) {
        return browser.evaluate("document.querySelectorAll('" + selector + "').length").getAsInt();
    }

    /** Whether the element {@code id} and its label are shown. */
    private boolean visible(String id) {
        return browser.evaluate("(() => { const e = document.getElementById('" + id + "');"
                + " return e.offsetParent !== null"
                + " || getComputedStyle(e).position === 'fixed' && getComputedStyle(e).display !== 'none'; })()")
                .getAsBoolean();
    }

    private String text(String id) {
        return browser.evaluate("document.getElementById('" + id + "').textContent").getAsString();
    }
}
