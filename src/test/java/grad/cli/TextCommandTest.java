package grad.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import grad.text.Documents;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code grad text}, {@code text sample} and {@code text score} on a tiny file of names, with a tiny GPT. */
class TextCommandTest {
    @TempDir
    Path dir;
    Path names;

    @BeforeEach
    void tinyFile() throws IOException {
        names = dir.resolve("tiny.txt");
        Files.write(names, Files.readAllLines(Path.of("datasets/names.txt")).subList(0, 60));
    }

    private List<String> gpt(Path out, String... extra) {
        List<String> args = new ArrayList<>(List.of("text", "--file", names.toString(), "--steps", "12",
                "--n-embd", "8", "--n-head", "2", "-o", out.toString()));
        args.addAll(List.of(extra));
        return args;
    }

    private static JsonObject json(Path file) throws IOException {
        return JsonParser.parseString(Files.readString(file)).getAsJsonObject();
    }

    @Test
    void aRunWritesItsMetricsSamplesPicturesAndReport() throws IOException {
        Path out = dir.resolve("out");
        Cli run = Cli.ok(gpt(out));
        assertThat(run.out()).contains("held-out loss").contains("final: train loss");
        JsonObject metrics = json(out.resolve("metrics_tiny.json"));
        assertThat(metrics.getAsJsonArray("train_loss")).hasSize(12);
        assertThat(metrics.getAsJsonObject("val_loss").getAsJsonArray("steps").toString()).isEqualTo("[1,2,3,4,5,6,7,8,9,10,11,12]");
        assertThat(metrics.getAsJsonObject("data").get("val_lines").getAsInt()).isEqualTo(6);
        assertThat(metrics.getAsJsonObject("config").toString()).isEqualTo("{\"n_layer\":1,\"n_embd\":8,\"n_head\":2,\"block_size\":16}");
        JsonObject fin = metrics.getAsJsonObject("final");
        assertThat(fin.get("val_loss").getAsDouble()).isBetween(1.0, Math.log(27) + 1);
        assertThat(Files.readAllLines(out.resolve("samples_tiny.txt"))).hasSize(20);
        for (String png : List.of("loss_tiny.png", "attention_tiny.png", "embeddings_tiny.png")) {
            assertThat(ImageIO.read(out.resolve(png).toFile())).as(png).isNotNull();
            assertThat(Files.readString(out.resolve("report.html"))).contains("src=\"" + png + "\"");
        }
    }

    @Test
    void scoreOfTheHeldOutLinesIsTheMetricsValLoss() throws IOException {
        Path out = dir.resolve("out");
        Path model = dir.resolve("m.json");
        Cli.ok(gpt(out, "--save-model", model.toString(), "--no-plots"));
        Path held = dir.resolve("held.txt");
        Files.write(held, Documents.read(names).split(42).val());
        Cli score = Cli.ok(List.of("text", "score", "--model", model.toString(), held.toString(), "--json"));
        JsonObject fin = json(out.resolve("metrics_tiny.json")).getAsJsonObject("final");
        JsonObject scored = JsonParser.parseString(score.out()).getAsJsonObject();
        assertThat(scored.get("loss").getAsDouble()).isEqualTo(fin.get("val_loss").getAsDouble());
        assertThat(scored.get("tokens").getAsLong()).isEqualTo(fin.get("val_tokens").getAsLong());
    }

    @Test
    void samplesAreSeededRepeatableAndThoseOfTheRun() throws IOException {
        Path out = dir.resolve("out");
        Path model = dir.resolve("m.json");
        Cli.ok(gpt(out, "--save-model", model.toString(), "--no-plots"));
        List<String> sample = List.of("text", "sample", "--model", model.toString());
        String first = Cli.ok(sample, "--count", "20", "--seed", "42").out();
        assertThat(first.lines().toList()).isEqualTo(Files.readAllLines(out.resolve("samples_tiny.txt")));
        assertThat(Cli.ok(sample, "--count", "20", "--seed", "42").out()).isEqualTo(first);
        assertThat(Cli.ok(sample, "--count", "20", "--seed", "43").out()).isNotEqualTo(first);
        assertThat(Cli.ok(sample, "--count", "5", "--prefix", "ma").out().lines()).hasSize(5).allMatch(l -> l.startsWith("ma"));
    }

    @Test
    void theSameArgumentsWriteTheSameFilesAndTheValueEngineTrainsTheSameNumbers() throws IOException {
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        Path c = dir.resolve("c");
        Cli.ok(gpt(a, "--save-model", a.resolve("m.json").toString()));
        Cli.ok(gpt(b, "--save-model", b.resolve("m.json").toString()));
        Cli.ok(gpt(c, "--no-plots", "--engine", "value"));
        for (String f : List.of("metrics_tiny.json", "samples_tiny.txt", "m.json", "loss_tiny.png", "report.html")) {
            assertThat(Files.readAllBytes(b.resolve(f))).as(f).isEqualTo(Files.readAllBytes(a.resolve(f)));
        }
        JsonObject compiled = json(a.resolve("metrics_tiny.json"));
        JsonObject value = json(c.resolve("metrics_tiny.json"));
        assertThat(value.get("train_loss")).isEqualTo(compiled.get("train_loss"));
        assertThat(value.get("final")).isEqualTo(compiled.get("final"));
        assertThat(Files.readString(c.resolve("samples_tiny.txt"))).isEqualTo(Files.readString(a.resolve("samples_tiny.txt")));
    }

    @Test
    void aProgramReadFromTheCacheTrainsTheSameNumbersAsOneCompiled() throws IOException {
        Path cache = dir.resolve("cache");
        String before = System.getProperty("grad.cache.dir");
        try {
            System.setProperty("grad.cache.dir", cache.toString());
            Cli.ok(gpt(dir.resolve("filled"), "--save-model", dir.resolve("filled/m.json").toString()));
            Map<Path, Object> written = programFiles(cache);
            assertThat(written).as("the lines' program, and longer ones for samples past the longest line").isNotEmpty();
            Cli.ok(gpt(dir.resolve("read"), "--save-model", dir.resolve("read/m.json").toString()));
            assertThat(programFiles(cache)).as("read, none compiled and written again").isEqualTo(written);
            System.setProperty("grad.cache.dir", "off");
            Cli.ok(gpt(dir.resolve("compiled"), "--save-model", dir.resolve("compiled/m.json").toString()));
        } finally {
            System.setProperty("grad.cache.dir", before == null ? "off" : before);
        }
        for (String f : List.of("metrics_tiny.json", "samples_tiny.txt", "m.json")) {
            byte[] compiled = Files.readAllBytes(dir.resolve("compiled").resolve(f));
            assertThat(Files.readAllBytes(dir.resolve("filled").resolve(f))).as(f).isEqualTo(compiled);
            assertThat(Files.readAllBytes(dir.resolve("read").resolve(f))).as(f).isEqualTo(compiled);
        }
    }

    /** Each program file, with its file key (a file written again under the same name has another). */
    private static Map<Path, Object> programFiles(Path cache) throws IOException {
        Map<Path, Object> keys = new java.util.TreeMap<>();
        try (Stream<Path> files = Files.list(cache)) {
            for (Path f : files.toList()) {
                keys.put(f, Files.readAttributes(f, java.nio.file.attribute.BasicFileAttributes.class).fileKey());
            }
        }
        return keys;
    }

    @Test
    void everyModelTrainsBelowTheUniformLoss() throws IOException {
        for (String model : List.of("bigram", "mlp", "rnn", "gru")) {
            Path out = dir.resolve(model);
            Cli.ok(List.of("text", "--file", names.toString(), "--model", model, "--steps", "15", "--no-plots",
                    "-o", out.toString()));
            JsonObject fin = json(out.resolve("metrics_tiny.json")).getAsJsonObject("final");
            assertThat(fin.get("train_loss").getAsDouble()).as(model).isLessThan(Math.log(27));
        }
    }

    @Test
    void linesLongerThanTheBlockAreCutAndSaidOnce() throws IOException {
        Files.write(names, List.of("abcdefghij", "ab", "abcdefghijkl", "ba", "abcdefgh", "b", "a", "aab", "bba", "abab"));
        Path out = dir.resolve("out");
        Cli run = Cli.ok(List.of("text", "--file", names.toString(), "--block-size", "8", "--n-embd", "8", "--n-head", "2",
                "--steps", "3", "--no-plots", "-o", out.toString()));
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err()).contains("tiny.txt:1: 3 lines are longer than 7 characters").contains("cut to 7");
    }

    static Stream<Object[]> badInputs() {
        return Stream.of(
                new Object[] {"empty", new String[] {}, 1, "no lines"},
                new Object[] {"binary", new String[] {}, 1, "binary"},
                new Object[] {"missing", new String[] {}, 1, "no such file"},
                new Object[] {"ok", new String[] {"--n-embd", "10", "--n-head", "4"}, 2, "--n-embd 10 is not divisible by --n-head 4"},
                new Object[] {"ok", new String[] {"--steps", "0"}, 2, "--steps must be a whole number from 1"},
                new Object[] {"ok", new String[] {"--model", "lstm"}, 2, "'--model': expected bigram, mlp, rnn, gru or gpt, not 'lstm'"},
                new Object[] {"ok", new String[] {"--model", "rnn", "--n-layer", "2"}, 2, "--n-layer is not a size of --model rnn"});
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.MethodSource("badInputs")
    void badInputIsOneLineANonZeroExitAndNoFile(String file, String[] options, int exit, String message) throws IOException {
        Path input = dir.resolve(file + ".txt");
        switch (file) {
            case "empty" -> Files.writeString(input, "\n  \n");
            case "binary" -> Files.write(input, new byte[] {'a', 'b', '\n', 0, 1, 2, '\n'});
            case "ok" -> Files.copy(names, input);
            default -> { }
        }
        Path out = dir.resolve("out");
        List<String> args = new ArrayList<>(List.of("text", "--file", input.toString(), "-o", out.toString()));
        args.addAll(List.of(options));
        if (!args.contains("--steps")) {
            args.addAll(List.of("--steps", "2"));
        }
        Cli run = Cli.run(args);
        assertThat(run.exitCode()).as(run.err()).isEqualTo(exit);
        assertThat(run.errLines().get(0)).startsWith("grad: ").contains(message);
        assertThat(run.errLines()).hasSize(exit == 2 ? 2 : 1);
        assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(out).doesNotExist();
    }

    @Test
    void aModelFileOfAnotherKindIsOneLine() throws IOException {
        Path other = dir.resolve("other.json");
        Files.writeString(other, "{\"format\": \"grad-model\", \"version\": 1}");
        for (List<String> args : List.of(List.of("text", "sample", "--model", other.toString()),
                List.of("text", "score", "--model", other.toString(), names.toString()))) {
            Cli run = Cli.run(args);
            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.errLines()).containsExactly("grad: " + other + ": not a grad text model file (format \"grad-model\","
                    + " expected \"grad-text\"); it is a model of plain grad: use grad predict");
        }
    }
}
