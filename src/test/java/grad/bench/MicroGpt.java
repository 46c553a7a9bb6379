package grad.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * The baseline of {@code grad text}'s speed: microgpt ported to Java line for line, as anyone would port
 * it: one object per {@link V}alue holding its children and local gradients, a recursive topological
 * sort, lists of Values for vectors, the keys and values of earlier positions kept per layer; the same
 * GPT, Adam, linear decay, one name per step and samples at temperature 0.5 as {@code bench/microgpt.py}.
 *
 * <p>{@code java -cp target/test-classes grad.bench.MicroGpt [names.txt] [steps]}
 */
public final class MicroGpt {
    /** microgpt's Value. */
    static final class V {
        double data;
        double grad;
        final V[] children;
        final double[] localGrads;

        V(double data, V[] children, double[] localGrads) {
            this.data = data;
            this.children = children;
            this.localGrads = localGrads;
        }

        V(double data) {
            this(data, new V[0], new double[0]);
        }

        V add(V o) { return new V(data + o.data, new V[] {this, o}, new double[] {1, 1}); }
        V add(double o) { return add(new V(o)); }
        V mul(V o) { return new V(data * o.data, new V[] {this, o}, new double[] {o.data, data}); }
        V mul(double o) { return mul(new V(o)); }
        V pow(double p) { return new V(Math.pow(data, p), new V[] {this}, new double[] {p * Math.pow(data, p - 1)}); }
        V log() { return new V(Math.log(data), new V[] {this}, new double[] {1 / data}); }
        V exp() { return new V(Math.exp(data), new V[] {this}, new double[] {Math.exp(data)}); }
        V relu() { return new V(Math.max(0, data), new V[] {this}, new double[] {data > 0 ? 1 : 0}); }
        V neg() { return mul(-1); }
        V sub(V o) { return add(o.neg()); }
        V sub(double o) { return add(-o); }
        V div(V o) { return mul(o.pow(-1)); }
        V div(double o) { return mul(1 / o); }

        void backward() {
            List<V> topo = new ArrayList<>();
            buildTopo(this, new HashSet<>(), topo);
            grad = 1;
            for (int i = topo.size() - 1; i >= 0; i--) {
                V v = topo.get(i);
                for (int c = 0; c < v.children.length; c++) {
                    v.children[c].grad += v.localGrads[c] * v.grad;
                }
            }
        }

        private static void buildTopo(V v, Set<V> visited, List<V> topo) {
            if (visited.add(v)) {
                for (V child : v.children) {
                    buildTopo(child, visited, topo);
                }
                topo.add(v);
            }
        }
    }

    static final int N_LAYER = 1;
    static final int N_EMBD = 16;
    static final int BLOCK_SIZE = 16;
    static final int N_HEAD = 4;
    static final int HEAD_DIM = N_EMBD / N_HEAD;

    final Random random = new Random(42);
    final Map<String, V[][]> stateDict = new LinkedHashMap<>();
    final List<V> params = new ArrayList<>();

    V[][] matrix(int nout, int nin) {
        V[][] m = new V[nout][nin];
        for (int i = 0; i < nout; i++) {
            for (int j = 0; j < nin; j++) {
                m[i][j] = new V(random.nextGaussian() * 0.08);
            }
        }
        return m;
    }

    MicroGpt(int vocabSize) {
        stateDict.put("wte", matrix(vocabSize, N_EMBD));
        stateDict.put("wpe", matrix(BLOCK_SIZE, N_EMBD));
        stateDict.put("lm_head", matrix(vocabSize, N_EMBD));
        for (int i = 0; i < N_LAYER; i++) {
            for (String w : List.of("attn_wq", "attn_wk", "attn_wv", "attn_wo")) {
                stateDict.put("layer" + i + "." + w, matrix(N_EMBD, N_EMBD));
            }
            stateDict.put("layer" + i + ".mlp_fc1", matrix(4 * N_EMBD, N_EMBD));
            stateDict.put("layer" + i + ".mlp_fc2", matrix(N_EMBD, 4 * N_EMBD));
        }
        for (V[][] m : stateDict.values()) {
            for (V[] row : m) {
                Collections.addAll(params, row);
            }
        }
    }

    static List<V> linear(List<V> x, V[][] w) {
        List<V> out = new ArrayList<>(w.length);
        for (V[] row : w) {
            V s = new V(0);
            for (int i = 0; i < x.size(); i++) {
                s = s.add(row[i].mul(x.get(i)));
            }
            out.add(s);
        }
        return out;
    }

    static List<V> softmax(List<V> logits) {
        double max = Double.NEGATIVE_INFINITY;
        for (V v : logits) {
            max = Math.max(max, v.data);
        }
        List<V> exps = new ArrayList<>();
        V total = new V(0);
        for (V v : logits) {
            V e = v.sub(max).exp();
            exps.add(e);
            total = total.add(e);
        }
        List<V> out = new ArrayList<>();
        for (V e : exps) {
            out.add(e.div(total));
        }
        return out;
    }

    static List<V> rmsnorm(List<V> x) {
        V ms = new V(0);
        for (V xi : x) {
            ms = ms.add(xi.mul(xi));
        }
        V scale = ms.div(x.size()).add(1e-5).pow(-0.5);
        List<V> out = new ArrayList<>();
        for (V xi : x) {
            out.add(xi.mul(scale));
        }
        return out;
    }

    static List<V> add(List<V> a, List<V> b) {
        List<V> out = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            out.add(a.get(i).add(b.get(i)));
        }
        return out;
    }

    List<V> gpt(int tokenId, int posId, List<List<List<V>>> keys, List<List<List<V>>> values) {
        List<V> x = rmsnorm(add(List.of(stateDict.get("wte")[tokenId]), List.of(stateDict.get("wpe")[posId])));
        for (int li = 0; li < N_LAYER; li++) {
            String p = "layer" + li + ".";
            List<V> residual = x;
            x = rmsnorm(x);
            List<V> q = linear(x, stateDict.get(p + "attn_wq"));
            keys.get(li).add(linear(x, stateDict.get(p + "attn_wk")));
            values.get(li).add(linear(x, stateDict.get(p + "attn_wv")));
            List<V> attn = new ArrayList<>();
            for (int h = 0; h < N_HEAD; h++) {
                int hs = h * HEAD_DIM;
                List<V> logits = new ArrayList<>();
                for (List<V> k : keys.get(li)) {
                    V s = new V(0);
                    for (int j = 0; j < HEAD_DIM; j++) {
                        s = s.add(q.get(hs + j).mul(k.get(hs + j)));
                    }
                    logits.add(s.div(Math.sqrt(HEAD_DIM)));
                }
                List<V> weights = softmax(logits);
                for (int j = 0; j < HEAD_DIM; j++) {
                    V s = new V(0);
                    for (int t = 0; t < weights.size(); t++) {
                        s = s.add(weights.get(t).mul(values.get(li).get(t).get(hs + j)));
                    }
                    attn.add(s);
                }
            }
            x = add(linear(attn, stateDict.get(p + "attn_wo")), residual);
            residual = x;
            List<V> hidden = new ArrayList<>();
            for (V v : linear(rmsnorm(x), stateDict.get(p + "mlp_fc1"))) {
                hidden.add(v.relu());
            }
            x = add(linear(hidden, stateDict.get(p + "mlp_fc2")), residual);
        }
        return linear(x, stateDict.get("lm_head"));
    }

    public static void main(String[] args) throws Exception {
        Thread t = new Thread(null, () -> {
            try {
                run(args);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }, "microgpt", 1L << 28);
        t.start();
        t.join();
    }

    static void run(String[] args) throws IOException {
        List<String> docs = new ArrayList<>();
        for (String l : Files.readAllLines(Path.of(args.length > 0 ? args[0] : "datasets/names.txt"))) {
            if (!l.strip().isEmpty()) {
                docs.add(l.strip());
            }
        }
        int numSteps = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        Collections.shuffle(docs, new Random(42));
        TreeSet<Character> set = new TreeSet<>();
        for (String d : docs) {
            for (char c : d.toCharArray()) {
                set.add(c);
            }
        }
        List<Character> uchars = new ArrayList<>(set);
        int bos = uchars.size();
        MicroGpt model = new MicroGpt(bos + 1);
        model.train(docs, uchars, numSteps);
        model.sample(uchars);
    }

    void train(List<String> docs, List<Character> uchars, int numSteps) {
        int bos = uchars.size();
        double lr = 0.01, beta1 = 0.85, beta2 = 0.99, eps = 1e-8;
        double[] m = new double[params.size()];
        double[] v = new double[params.size()];
        for (int step = 0; step < numSteps; step++) {
            String doc = docs.get(step % docs.size());
            List<Integer> tokens = new ArrayList<>();
            tokens.add(bos);
            for (char c : doc.toCharArray()) {
                tokens.add(uchars.indexOf(c));
            }
            tokens.add(bos);
            int n = Math.min(BLOCK_SIZE, tokens.size() - 1);
            List<List<List<V>>> keys = layers();
            List<List<List<V>>> values = layers();
            V sum = new V(0);
            for (int pos = 0; pos < n; pos++) {
                List<V> probs = softmax(gpt(tokens.get(pos), pos, keys, values));
                sum = sum.add(probs.get(tokens.get(pos + 1)).log().neg());
            }
            V loss = sum.mul(1.0 / n);
            loss.backward();
            double lrT = lr * (1 - (double) step / numSteps);
            for (int i = 0; i < params.size(); i++) {
                V p = params.get(i);
                m[i] = beta1 * m[i] + (1 - beta1) * p.grad;
                v[i] = beta2 * v[i] + (1 - beta2) * p.grad * p.grad;
                double mHat = m[i] / (1 - Math.pow(beta1, step + 1));
                double vHat = v[i] / (1 - Math.pow(beta2, step + 1));
                p.data -= lrT * mHat / (Math.sqrt(vHat) + eps);
                p.grad = 0;
            }
            if ((step + 1) % 100 == 0 || step + 1 == numSteps) {
                System.out.printf(Locale.ROOT, "step %4d / %4d | loss %.4f%n", step + 1, numSteps, loss.data);
            }
        }
    }

    void sample(List<Character> uchars) {
        int bos = uchars.size();
        for (int s = 0; s < 20; s++) {
            List<List<List<V>>> keys = layers();
            List<List<List<V>>> values = layers();
            int token = bos;
            StringBuilder out = new StringBuilder();
            for (int pos = 0; pos < BLOCK_SIZE; pos++) {
                List<V> logits = gpt(token, pos, keys, values);
                List<V> scaled = new ArrayList<>();
                for (V l : logits) {
                    scaled.add(l.div(0.5));
                }
                List<V> probs = softmax(scaled);
                double u = random.nextDouble(), c = 0;
                token = probs.size() - 1;
                for (int i = 0; i < probs.size(); i++) {
                    c += probs.get(i).data;
                    if (u < c) {
                        token = i;
                        break;
                    }
                }
                if (token == bos) {
                    break;
                }
                out.append(uchars.get(token));
            }
            System.out.printf(Locale.ROOT, "sample %2d: %s%n", s + 1, out);
        }
    }

    private static List<List<List<V>>> layers() {
        List<List<List<V>>> l = new ArrayList<>();
        for (int i = 0; i < N_LAYER; i++) {
            l.add(new ArrayList<>());
        }
        return l;
    }
}
