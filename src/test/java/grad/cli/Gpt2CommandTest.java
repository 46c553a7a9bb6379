package grad.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import grad.gpt2.Reference;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Gpt2CommandTest {
    private static final JsonObject REFERENCE = Reference.json();
    private static final String PROMPT = REFERENCE.get("prompt").getAsString();
    private static final String MODEL = Reference.tinyModel().toString();

    @TempDir
    Path dir;

    private static Cli gpt2(String... extra) {
        return Cli.ok(List.of("gpt2", "--model", MODEL, "--prompt", PROMPT, "--tokens", "10"), extra);
    }

    @Test
    void greedyGenerationPrintsThePromptAndPyTorchsContinuation() {
        JsonObject json = JsonParser.parseString(gpt2("--json").out()).getAsJsonObject();
        JsonArray generated = json.getAsJsonArray("generated");
        int[] greedy = Reference.ints(REFERENCE, "greedy");
        assertThat(generated).hasSize(greedy.length);
        StringBuilder continuation = new StringBuilder();
        for (int i = 0; i < greedy.length; i++) {
            JsonObject chosen = generated.get(i).getAsJsonObject().getAsJsonObject("chosen");
            assertThat(chosen.get("id").getAsInt()).isEqualTo(greedy[i]);
        }
        continuation.append(json.get("continuation").getAsString());
        assertThat(gpt2().out()).isEqualTo(PROMPT + continuation + System.lineSeparator());
    }

    @Test
    void jsonGivesThePromptTokensAndTheTopFiveWithPyTorchsProbabilities() {
        JsonObject json = JsonParser.parseString(gpt2("--json").out()).getAsJsonObject();
        int[] promptIds = Reference.ints(REFERENCE, "prompt_ids");
        JsonArray tokens = json.getAsJsonArray("prompt_tokens");
        assertThat(tokens.asList().stream().mapToInt(t -> t.getAsJsonObject().get("id").getAsInt()).toArray())
                .containsExactly(promptIds);
        assertThat(tokens.get(0).getAsJsonObject().get("token").getAsString()).isEqualTo("Hello");
        JsonObject first = json.getAsJsonArray("generated").get(0).getAsJsonObject();
        assertThat(first.get("position").getAsInt()).isEqualTo(promptIds.length);
        double[] p = softmax(REFERENCE.getAsJsonArray("logits").get(promptIds.length - 1).getAsJsonArray());
        JsonArray top = first.getAsJsonArray("top5");
        assertThat(top).hasSize(5);
        double previous = 1;
        for (int i = 0; i < 5; i++) {
            JsonObject t = top.get(i).getAsJsonObject();
            double probability = t.get("probability").getAsDouble();
            assertThat(probability).isCloseTo(p[t.get("id").getAsInt()], within(1e-5)).isLessThanOrEqualTo(previous);
            previous = probability;
        }
        assertThat(top.get(0).getAsJsonObject().get("probability").getAsDouble())
                .isCloseTo(java.util.Arrays.stream(p).max().orElseThrow(), within(1e-5));
    }

    private static double[] softmax(JsonArray logits) {
        double[] p = logits.asList().stream().mapToDouble(e -> e.getAsDouble()).toArray();
        double max = java.util.Arrays.stream(p).max().orElseThrow();
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            p[i] = Math.exp(p[i] - max);
            sum += p[i];
        }
        for (int i = 0; i < p.length; i++) {
            p[i] /= sum;
        }
        return p;
    }

    @Test
    void samplingDependsOnTheSeedOnlyAndTopKOneIsGreedy() {
        String a = gpt2("--temperature", "1.5", "--seed", "7").out();
        assertThat(gpt2("--temperature", "1.5", "--seed", "7").out()).isEqualTo(a);
        assertThat(gpt2("--temperature", "1.5", "--seed", "8").out()).isNotEqualTo(a);
        assertThat(a).isNotEqualTo(gpt2().out());
        assertThat(gpt2("--temperature", "1.5", "--top-k", "1", "--seed", "7").out()).isEqualTo(gpt2().out());
    }

    @Test
    void attentionWritesAPictureForEachHeadAndAReport() throws IOException {
        Path out = dir.resolve("att");
        gpt2("--attention", "--output-dir", out.toString(), "--engine", "float");
        byte[] fromFloats = Files.readAllBytes(out.resolve("attention_layer1_head1.png"));
        gpt2("--attention", "--output-dir", out.toString());   // the tensor engine: the same maps
        assertThat(Files.readAllBytes(out.resolve("attention_layer1_head1.png"))).isEqualTo(fromFloats);
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.map(f -> f.getFileName().toString()).sorted()).containsExactly(
                    "attention_layer0_head0.png", "attention_layer0_head1.png",
                    "attention_layer1_head0.png", "attention_layer1_head1.png", "report.html");
        }
        String html = Files.readString(out.resolve("report.html"));
        assertThat(html).contains("<img src=\"attention_layer1_head1.png\"").contains("<code>Hello</code>");
        BufferedImage image = ImageIO.read(out.resolve("attention_layer0_head0.png").toFile());
        assertThat(image.getHeight()).isGreaterThan(8 * 22);   // a row of cells per prompt token
        byte[] again = Files.readAllBytes(out.resolve("attention_layer0_head0.png"));
        gpt2("--attention", "--output-dir", out.toString());
        assertThat(Files.readAllBytes(out.resolve("attention_layer0_head0.png"))).isEqualTo(again);
    }

    @Test
    void inspectPrintsTheConfigAndTheParameterCount() {
        Cli run = Cli.ok(List.of("gpt2", "--model", MODEL, "--inspect"));
        assertThat(run.out()).contains("n_layer 2, n_head 2, n_embd 16, n_positions 32, vocab_size 557")
                .contains(String.format("parameters: %,d", REFERENCE.get("parameters").getAsLong()))
                .contains("engine: tensor");   // 16,016 parameters: under the limit, auto runs the Tensor definition
        assertThat(Cli.ok(List.of("gpt2", "--model", MODEL, "--inspect", "--engine", "float")).out()).contains("engine: float");
    }

    @Test
    void theTensorAndFloatEnginesAgreeTokenForToken() {
        JsonObject tensor = JsonParser.parseString(gpt2("--json", "--engine", "tensor").out()).getAsJsonObject();
        JsonObject floats = JsonParser.parseString(gpt2("--json", "--engine", "float").out()).getAsJsonObject();
        JsonArray a = tensor.getAsJsonArray("generated"), b = floats.getAsJsonArray("generated");
        assertThat(a).hasSize(10);
        for (int i = 0; i < a.size(); i++) {
            JsonObject x = a.get(i).getAsJsonObject(), y = b.get(i).getAsJsonObject();
            assertThat(x.get("chosen")).isEqualTo(y.get("chosen"));
            JsonArray topX = x.getAsJsonArray("top5"), topY = y.getAsJsonArray("top5");
            for (int k = 0; k < 5; k++) {
                assertThat(topX.get(k).getAsJsonObject().get("id")).isEqualTo(topY.get(k).getAsJsonObject().get("id"));
                assertThat(topX.get(k).getAsJsonObject().get("probability").getAsDouble())
                        .isCloseTo(topY.get(k).getAsJsonObject().get("probability").getAsDouble(), within(1e-5));
            }
        }
        assertThat(tensor.get("continuation")).isEqualTo(floats.get("continuation"));
        String text = gpt2("--engine", "float").out();
        assertThat(gpt2().out()).isEqualTo(text).isEqualTo(gpt2("--engine", "tensor").out());
        assertThat(gpt2("--engine", "tensor", "--temperature", "1.5", "--seed", "7").out())
                .isEqualTo(gpt2("--engine", "float", "--temperature", "1.5", "--seed", "7").out())
                .isNotEqualTo(text);
    }

    @Test
    void theTensorEngineRefusesAModelTooLargeForAValuePerWeight() throws IOException {
        Path model = copy();
        Path config = model.resolve("config.json");
        Files.writeString(config, Files.readString(config).replace("\"n_layer\": 2", "\"n_layer\": 400"));
        assertFailsWith(Cli.run("gpt2", "--model", model.toString(), "--prompt", "Hi", "--engine", "tensor"),
                "--engine tensor: 1,321,456 parameters would be as many Value objects, more than the 250,000 it allows");
        // auto takes the float path for it, which then finds the weights do not match the config
        assertFailsWith(Cli.run("gpt2", "--model", model.toString(), "--prompt", "Hi"), "missing tensor h.2.ln_1.weight");
    }

    @Test
    void anUnknownEngineIsAUsageError() {
        Cli run = Cli.run("gpt2", "--model", MODEL, "--prompt", PROMPT, "--engine", "gpu");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--engine must be auto, tensor or float, not 'gpu'");
    }

    /** A copy of the tiny model to break. */
    private Path copy() throws IOException {
        Path copy = dir.resolve("model");
        Files.createDirectories(copy);
        for (String f : List.of("config.json", "model.safetensors", "vocab.json", "merges.txt")) {
            Files.copy(Reference.tinyModel().resolve(f), copy.resolve(f));
        }
        return copy;
    }

    private static void assertFailsWith(Cli run, String message) {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err()).contains(message).doesNotContain("Exception");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void aMissingFileIsOneLine() throws IOException {
        Path model = copy();
        Files.delete(model.resolve("merges.txt"));
        assertFailsWith(Cli.run("gpt2", "--model", model.toString(), "--prompt", "Hi"), "no such file: " + model.resolve("merges.txt"));
        assertFailsWith(Cli.run("gpt2", "--model", dir.resolve("nowhere").toString(), "--prompt", "Hi"), "no such directory");
    }

    @Test
    void aTruncatedSafetensorsFileIsOneLine() throws IOException {
        Path model = copy();
        try (FileChannel f = FileChannel.open(model.resolve("model.safetensors"), StandardOpenOption.WRITE)) {
            f.truncate(f.size() - 100);
        }
        assertFailsWith(Cli.run("gpt2", "--model", model.toString(), "--prompt", "Hi"), "go past the end of the file");
    }

    @Test
    void aConfigThatDoesNotMatchTheWeightsIsOneLine() throws IOException {
        Path model = copy();
        Path config = model.resolve("config.json");
        Files.writeString(config, Files.readString(config).replace("\"n_embd\": 16", "\"n_embd\": 32"));
        assertFailsWith(Cli.run("gpt2", "--model", model.toString(), "--prompt", "Hi"),
                "tensor wte.weight has shape [557, 16] but the config needs [557, 32]");
    }

    @Test
    void aPromptLongerThanTheContextIsOneLine() {
        String longPrompt = "1 2 3 4 5 6 7 8 9 0 ".repeat(4);   // at least 40 tokens: one per digit at least
        assertFailsWith(Cli.run("gpt2", "--model", MODEL, "--prompt", longPrompt),
                "the prompt is 69 tokens, longer than the model's context of 32");
        assertFailsWith(Cli.run("gpt2", "--model", MODEL, "--prompt", PROMPT, "--tokens", "30"),
                "do not fit in the model's context of 32 (at most --tokens 25)");
    }

    @Test
    void aBadOptionIsAUsageError() {
        Cli run = Cli.run("gpt2", "--model", MODEL, "--prompt", PROMPT, "--temperature", "-1");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--temperature must be a finite number >= 0");
        assertThat(Cli.run("gpt2", "--model", MODEL).err()).contains("--prompt is required");
    }
}
