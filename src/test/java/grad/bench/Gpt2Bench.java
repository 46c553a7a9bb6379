package grad.bench;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import grad.gpt2.Gpt2;
import grad.gpt2.Gpt2Config;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * {@code make bench}, part 6: GPT-2 small's shape (12 layers, 12 heads, width 768, 1024 positions, 50,257
 * tokens) with random weights written here as safetensors: tokens per second of greedy generation after a
 * 10-token prompt, warm, in this JVM, against {@code bench/torch_gpt2.py} (PyTorch float32, the same
 * weights, the same number of threads); and the peak memory of {@code grad gpt2} as a whole process against
 * the weights' size.
 */
final class Gpt2Bench {
    static final Gpt2Config SMALL = new Gpt2Config(12, 12, 768, 1024, 50257, 1e-5);
    private static final int THREADS = 2;
    private static final int TOKENS = 50;
    /** Ten single-byte tokens: the bench's vocabulary has the 256 bytes and no merges. */
    private static final String PROMPT = "abcdefghij";

    private Gpt2Bench() {
    }

    /** Runs part 6 alone: {@code java -cp ... grad.bench.Gpt2Bench [grad.jar]}. */
    public static void main(String[] args) throws Exception {
        Bench.gpt2Only(args.length > 0 ? args[0] : "grad.jar");
    }

    static void print(Bench bench, String jar, Path scratch) throws Exception {
        Path dir = scratch.resolve("gpt2");
        writeModel(dir, SMALL);
        long weightBytes = SMALL.parameters() * 4;
        int[] prompt = ids(PROMPT);
        double warmJava = tokensPerSecond(dir, prompt);
        System.out.printf(Locale.ROOT, "   grad: %.1f tokens/s (greedy, %d tokens after a %d-token prompt, %d threads, warm)%n",
                warmJava, TOKENS, prompt.length, THREADS);
        String python = Bench.python("import torch, numpy");
        if (python == null) {
            System.out.println("   against PyTorch: baseline missing (no python3 that imports torch and numpy;"
                    + " apt-get install -y python3-torch)");
        } else {
            List<String> command = new ArrayList<>(List.of(python, "bench/torch_gpt2.py", dir.toString(),
                    Integer.toString(THREADS), Integer.toString(TOKENS)));
            Arrays.stream(prompt).forEach(id -> command.add(Integer.toString(id)));
            Bench.Measurement torch = bench.run(command);
            String last = torch.output().strip().lines().reduce((a, b) -> b).orElse("{}");
            JsonObject result = JsonParser.parseString(last).getAsJsonObject();
            double torchSpeed = result.get("tokens_per_second").getAsDouble();
            System.out.printf(Locale.ROOT, "   PyTorch %s float32: %.1f tokens/s, %s: grad / PyTorch = %.2fx (goal >= 0.5x)%n",
                    torchVersion(python), torchSpeed, Bench.mib(torch.peakKiB()), warmJava / torchSpeed);
        }
        Bench.Measurement process = bench.run(bench.command("-jar", jar, "gpt2", "--model", dir.toString(),
                "--prompt", PROMPT, "--tokens", "20"));
        System.out.printf(Locale.ROOT, "   grad gpt2 --tokens 20 as a process: %.1f s, %s; weights %.0f MiB: %.2fx (goal <= 1.5x)%n",
                process.seconds(), Bench.mib(process.peakKiB()), weightBytes / 1048576.0,
                process.peakKiB() * 1024.0 / weightBytes);
    }

    private static String torchVersion(String python) {
        try {
            Process p = new ProcessBuilder(python, "-c", "import torch; print(torch.__version__)").start();
            return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return "?";
        }
    }

    /** The ids of single bytes in the bench's vocabulary: a byte's id is its position in GPT-2's byte map. */
    private static int[] ids(String ascii) {
        return ascii.chars().map(c -> c - '!').toArray();   // printable ASCII comes first, from '!'
    }

    /** The best of three timed generations after a warm-up one. */
    static double tokensPerSecond(Path dir, int[] prompt) {
        try (Gpt2 gpt2 = Gpt2.load(SMALL, dir.resolve("model.safetensors"), THREADS)) {
            double best = 0;
            for (int run = 0; run < 4; run++) {
                double speed = generate(gpt2, prompt, run == 0 ? 10 : TOKENS);
                best = run == 0 ? 0 : Math.max(best, speed);
            }
            return best;
        }
    }

    private static double generate(Gpt2 gpt2, int[] prompt, int tokens) {
        Gpt2.State state = gpt2.newState(prompt.length + tokens);
        float[] logits = null;
        for (int id : prompt) {
            logits = gpt2.step(state, id, true, null);
        }
        long start = System.nanoTime();
        for (int g = 0; g < tokens - 1; g++) {
            int next = argmax(logits);
            logits = gpt2.step(state, next, true, null);
        }
        argmax(logits);
        return (tokens - 1) / ((System.nanoTime() - start) / 1e9);
    }

    private static int argmax(float[] logits) {
        int best = 0;
        for (int v = 1; v < logits.length; v++) {
            if (logits[v] > logits[best]) {
                best = v;
            }
        }
        return best;
    }

    /** Writes config.json, model.safetensors (random F32 weights, seeded), vocab.json (the 256 bytes) and merges.txt. */
    static void writeModel(Path dir, Gpt2Config c) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("config.json"), String.format(Locale.ROOT,
                "{\"n_layer\": %d, \"n_head\": %d, \"n_embd\": %d, \"n_positions\": %d, \"vocab_size\": %d}",
                c.layers(), c.heads(), c.width(), c.context(), c.vocabulary()));
        writeVocabulary(dir);
        Map<String, int[]> shapes = shapes(c);
        Map<String, Object> header = new LinkedHashMap<>();
        long offset = 0;
        for (Map.Entry<String, int[]> e : shapes.entrySet()) {
            long bytes = 4L * Arrays.stream(e.getValue()).asLongStream().reduce(1, (a, b) -> a * b);
            header.put(e.getKey(), Map.of("dtype", "F32", "shape", e.getValue(), "data_offsets", new long[] {offset, offset + bytes}));
            offset += bytes;
        }
        byte[] json = new Gson().toJson(header).getBytes(StandardCharsets.UTF_8);
        SplittableRandom random = new SplittableRandom(29);
        ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 20).order(ByteOrder.LITTLE_ENDIAN);
        try (FileChannel out = FileChannel.open(dir.resolve("model.safetensors"), StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            out.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(json.length).flip());
            out.write(ByteBuffer.wrap(json));
            for (Map.Entry<String, int[]> e : shapes.entrySet()) {
                long n = Arrays.stream(e.getValue()).asLongStream().reduce(1, (a, b) -> a * b);
                boolean gain = e.getKey().contains("ln_") && e.getKey().endsWith("weight");
                for (long i = 0; i < n; i++) {
                    if (!buffer.hasRemaining()) {
                        writeAll(out, buffer);
                    }
                    // uniform with GPT-2's initial standard deviation, 0.02; LayerNorm gains around 1
                    buffer.putFloat((gain ? 1 : 0) + (float) ((random.nextDouble() * 2 - 1) * 0.0346));
                }
            }
            writeAll(out, buffer);
        }
    }

    private static void writeAll(FileChannel out, ByteBuffer buffer) throws IOException {
        buffer.flip();
        while (buffer.hasRemaining()) {
            out.write(buffer);
        }
        buffer.clear();
    }

    private static Map<String, int[]> shapes(Gpt2Config c) {
        int w = c.width();
        Map<String, int[]> s = new LinkedHashMap<>();
        s.put("wte.weight", new int[] {c.vocabulary(), w});
        s.put("wpe.weight", new int[] {c.context(), w});
        for (int l = 0; l < c.layers(); l++) {
            String p = "h." + l + ".";
            s.put(p + "ln_1.weight", new int[] {w});
            s.put(p + "ln_1.bias", new int[] {w});
            s.put(p + "attn.c_attn.weight", new int[] {w, 3 * w});
            s.put(p + "attn.c_attn.bias", new int[] {3 * w});
            s.put(p + "attn.c_proj.weight", new int[] {w, w});
            s.put(p + "attn.c_proj.bias", new int[] {w});
            s.put(p + "ln_2.weight", new int[] {w});
            s.put(p + "ln_2.bias", new int[] {w});
            s.put(p + "mlp.c_fc.weight", new int[] {w, 4 * w});
            s.put(p + "mlp.c_fc.bias", new int[] {4 * w});
            s.put(p + "mlp.c_proj.weight", new int[] {4 * w, w});
            s.put(p + "mlp.c_proj.bias", new int[] {w});
        }
        s.put("ln_f.weight", new int[] {w});
        s.put("ln_f.bias", new int[] {w});
        return s;
    }

    /** The 256 byte tokens in GPT-2's order (printable bytes first), two-byte fillers and <|endoftext|> last; no merges. */
    private static void writeVocabulary(Path dir) throws IOException {
        JsonObject vocab = new JsonObject();
        List<Integer> order = new ArrayList<>();
        for (int b = 0; b < 256; b++) {
            if ((b >= '!' && b <= '~') || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE)) {
                order.add(b);
            }
        }
        int next = 0;
        int[] map = new int[256];
        for (int b = 0; b < 256; b++) {
            map[b] = order.contains(b) ? b : 256 + next++;
        }
        for (int b = 0; b < 256; b++) {
            if (!order.contains(b)) {
                order.add(b);
            }
        }
        for (int i = 0; i < order.size(); i++) {
            vocab.addProperty(new String(Character.toChars(map[order.get(i)])), i);
        }
        for (int id = 256; id < SMALL.vocabulary() - 1; id++) {   // fillers, so that every id a random model picks prints
            int k = id - 256;
            vocab.addProperty(new String(Character.toChars(map[k / 256])) + new String(Character.toChars(map[k % 256])), id);
        }
        vocab.addProperty("<|endoftext|>", SMALL.vocabulary() - 1);
        Files.writeString(dir.resolve("vocab.json"), vocab.toString());
        Files.writeString(dir.resolve("merges.txt"), "#version: 0.2\n");
    }
}
