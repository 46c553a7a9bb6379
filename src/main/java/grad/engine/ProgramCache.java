package grad.engine;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Compiled programs kept on disk, as {@code jax}'s persistent compilation cache and Numba's
 * {@code cache=True} keep theirs: a program compiled once is read back by later runs instead of traced and
 * compiled again. A program is filed under a name that determines its graph (a model's kind, sizes,
 * vocabulary size and sequence length: its weights are parameters, not part of the program) together with
 * what identifies this build of grad (its jar's size and time of last change, as CPython's {@code .pyc}
 * files record their source's), so that a program made by another build is never read. The file holds
 * both, and they are compared in full before its steps are read, each slot checked to be one of the
 * program's; a file that cannot be read or written costs only the time the cache would save. A program
 * read back is the compiler's, step for step ({@code ProgramCacheTest}).
 *
 * <p>The directory is the system property {@code grad.cache.dir}, else the environment variable
 * {@code GRAD_CACHE_DIR}, else {@code $XDG_CACHE_HOME/grad} or {@code ~/.cache/grad}; {@code off} turns the
 * cache off.
 */
public final class ProgramCache {
    /** {@code grad} in ASCII. */
    private static final int MAGIC = 0x67726164;
    private static final int FORMAT = 1;
    private static final int SCALAR = 0;
    private static final int GATHER = 1;
    private static final int DOT = 2;
    private static final int DENSE = 3;
    private static final int BATCHED_LAYER = 4;
    private static final int BATCHED_SCALAR = 5;
    private static final Op[] OPS = Op.values();
    /** The compiler's code, hashed once per process (null when it cannot be read: no cache then). */
    private static volatile int[] gradCode;

    private final Path dir;

    private ProgramCache(Path dir) {
        this.dir = dir;
    }

    /** The cache in {@code dir} (made when first written). */
    public static ProgramCache at(Path dir) {
        return new ProgramCache(dir);
    }

    /** No cache: {@link #compile} always compiles. */
    public static ProgramCache none() {
        return new ProgramCache(null);
    }

    /** The cache the settings name (see the class comment). */
    public static ProgramCache standard() {
        String dir = System.getProperty("grad.cache.dir");
        if (dir == null || dir.isEmpty()) {
            dir = System.getenv("GRAD_CACHE_DIR");
        }
        if (dir != null && dir.equals("off")) {
            return none();
        }
        if (dir != null && !dir.isEmpty()) {
            return at(Path.of(dir));
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        String home = System.getProperty("user.home");
        if (xdg != null && !xdg.isEmpty()) {
            return at(Path.of(xdg, "grad"));
        }
        return home == null || home.isEmpty() ? none() : at(Path.of(home, ".cache", "grad"));
    }

    /** The directory, or null for none. */
    public Path dir() {
        return dir;
    }

    /**
     * The program called {@code name}: read from the cache when it holds one of that name made by this
     * build of grad, else made by {@code compile} and written there.
     *
     * @param name what determines the graph, given grad's code: e.g. a model's kind, sizes, vocabulary size
     *             and sequence length (its weights are parameters, not part of the program)
     */
    public Program get(String name, Supplier<Program> compile) {
        int[] code = dir == null ? null : code();
        if (code == null) {
            return compile.get();
        }
        int[] key = key(code, name);
        Path file = dir.resolve(fileName(key) + ".program");
        Program cached = read(file, key);
        if (cached != null) {
            return cached;
        }
        Program program = compile.get();
        write(file, key, program);
        return program;
    }

    /** The key a file holds, compared number for number: grad's code, then the name's characters. */
    private static int[] key(int[] code, String name) {
        int[] key = Arrays.copyOf(code, code.length + name.length());
        for (int c = 0; c < name.length(); c++) {
            key[code.length + c] = name.charAt(c);
        }
        return key;
    }

    /** 128 bits of a hash of the key, in hex. */
    private static String fileName(int[] key) {
        long[] h = hash(key);
        return hex16(h[0]) + hex16(h[1]);
    }

    private static String hex16(long h) {
        String s = Long.toHexString(h);
        return "0".repeat(16 - s.length()) + s;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /**
     * What identifies this build of grad, read once: the jar's size and time of last change, as CPython's
     * {@code .pyc} files record their source's (a jar built again, or copied, is another build); for
     * classes in a directory, each file's name, size and time. Null when there is nothing to read (no
     * cache then).
     */
    static int[] code() {
        int[] code = gradCode;
        if (code == null) {
            code = readCode();
            gradCode = code == null ? new int[0] : code;
        }
        return code.length == 0 ? null : code;
    }

    private static int[] readCode() {
        try {
            CodeSource source = ProgramCache.class.getProtectionDomain().getCodeSource();
            if (source == null) {
                return null;
            }
            return codeOf(Path.of(source.getLocation().toURI()));
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    /** {@link #code()} of a jar or a directory of classes ({@code grad/…} under it). */
    static int[] codeOf(Path where) {
        try {
            Ints code = new Ints(64);
            if (Files.isRegularFile(where)) {
                stamp(code, where);
            } else {
                List<Path> files;
                try (Stream<Path> walk = Files.walk(where.resolve("grad"))) {
                    files = walk.filter(Files::isRegularFile).sorted().toList();
                }
                if (files.isEmpty()) {
                    return null;
                }
                for (Path f : files) {
                    String name = where.relativize(f).toString();
                    for (int c = 0; c < name.length(); c++) {
                        code.add(name.charAt(c));
                    }
                    stamp(code, f);
                }
            }
            long[] hash = hash(code.done());
            return new int[] {(int) (hash[0] >>> 32), (int) hash[0], (int) (hash[1] >>> 32), (int) hash[1]};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** A file's size and time of last change. */
    private static void stamp(Ints code, Path file) throws IOException {
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
        long time = a.lastModifiedTime().to(TimeUnit.NANOSECONDS);
        code.add((int) (a.size() >>> 32)).add((int) a.size()).add((int) (time >>> 32)).add((int) time);
    }

    /** 128 bits of a hash of {@code ints} (two 64-bit mixes; the inputs are no adversary's). */
    private static long[] hash(int[] ints) {
        long h1 = 0x9E3779B97F4A7C15L;
        long h2 = 0xC2B2AE3D27D4EB4FL;
        for (int x : ints) {
            h1 = mix(h1 ^ x);
            h2 = mix(h2 + x) ^ h1;
        }
        return new long[] {mix(h1 ^ ints.length), mix(h2 + ints.length)};
    }

    // ---- the file: ints, big-endian: a header, the key, then the program

    /** Writes the program to {@code file} under a temporary name, then moves it into place; quietly does nothing on failure. */
    static void write(Path file, int[] key, Program program) {
        Path tmp = null;
        try {
            int[] ints = ints(key, program);
            ByteBuffer bytes = ByteBuffer.allocate(4 * ints.length);
            bytes.asIntBuffer().put(ints);
            Files.createDirectories(file.getParent());
            tmp = Files.createTempFile(file.getParent(), ".program-", ".tmp");
            Files.write(tmp, bytes.array());
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // nothing more to do
                }
            }
        }
    }

    static int[] ints(int[] key, Program p) {
        Ints o = new Ints(1 << 16);
        o.add(MAGIC).add(FORMAT).array(key);
        o.add(p.parameterCount).add(p.inputCount).add(p.targetCount).add(p.slotCount);
        o.add(p.constants.length);
        for (double c : p.constants) {
            long bits = Double.doubleToRawLongBits(c);
            o.add((int) (bits >>> 32)).add((int) bits);
        }
        o.array(p.roots);
        o.add(p.groups().size());
        for (Map.Entry<String, int[]> g : p.groups().entrySet()) {
            o.add(g.getKey().length());
            for (int c = 0; c < g.getKey().length(); c++) {
                o.add(g.getKey().charAt(c));
            }
            o.array(g.getValue());
        }
        o.add(p.kernel.length);
        for (Step step : p.kernel) {
            step(o, step);
        }
        return o.done();
    }

    private static void step(Ints o, Step step) {
        if (step instanceof Step.Scalar s) {
            o.add(SCALAR).add(s.op().ordinal()).add(s.out()).add(s.a()).add(s.b());
        } else if (step instanceof Step.Gather g) {
            o.add(GATHER).add(g.out()).add(g.index()).array(g.options());
        } else if (step instanceof Step.Dot d) {
            o.add(DOT).add(d.out()).array(d.a()).array(d.b()).add(d.bias()).add(d.biasFirst() ? 1 : 0);
        } else if (step instanceof DenseLayer l) {
            dense(o.add(DENSE), l);
        } else if (step instanceof BatchedLayer l) {
            o.add(BATCHED_LAYER).add(l.rows.length);
            for (DenseLayer row : l.rows) {
                dense(o, row);
            }
        } else if (step instanceof BatchedScalar s) {
            o.add(BATCHED_SCALAR).add(s.op.ordinal()).array(s.out).array(s.a).array(s.b);
        } else {
            throw new IllegalArgumentException("no file form for " + step.getClass().getSimpleName());
        }
    }

    private static void dense(Ints o, DenseLayer l) {
        o.array(l.x).array(l.weights()).array(l.bias).add(l.biasMode).array(l.z).array(l.y)
                .add(l.activation == null ? -1 : l.activation.ordinal());
    }

    /** The program in {@code file} when it holds this key and is well formed, else null. */
    static Program read(Path file, int[] key) {
        int[] ints;
        try {
            byte[] bytes = Files.readAllBytes(file);
            if (bytes.length % 4 != 0) {
                return null;
            }
            ints = new int[bytes.length / 4];
            ByteBuffer.wrap(bytes).asIntBuffer().get(ints);
        } catch (IOException | RuntimeException e) {
            return null;
        }
        try {
            return parse(new In(ints), key);
        } catch (RuntimeException e) {
            return null;   // damaged, or of another format: made again, and written over
        }
    }

    private static Program parse(In r, int[] key) {
        if (r.next() != MAGIC || r.next() != FORMAT || !r.same(key)) {
            return null;
        }
        int parameters = r.natural();
        int inputs = r.natural();
        int targets = r.natural();
        r.slots = r.next();
        if (r.slots < parameters + inputs + targets) {
            return null;
        }
        double[] constants = new double[r.count()];
        for (int c = 0; c < constants.length; c++) {
            long hi = r.next();
            constants[c] = Double.longBitsToDouble(hi << 32 | (r.next() & 0xFFFFFFFFL));
        }
        int[] roots = r.slots();
        int groupCount = r.count();
        Map<String, int[]> groups = new LinkedHashMap<>();
        int first = 0;
        for (int g = 0; g < groupCount; g++) {
            char[] name = new char[r.count()];
            for (int c = 0; c < name.length; c++) {
                name[c] = (char) r.next();
            }
            int[] span = r.ints();
            if (span.length != 2 || span[0] != first || span[1] < 0) {
                return null;
            }
            first += span[1];
            groups.put(new String(name), span);
        }
        if (first != roots.length) {
            return null;
        }
        int n = r.count();
        List<Step> steps = new ArrayList<>(n);
        for (int s = 0; s < n; s++) {
            steps.add(step(r));
        }
        if (!r.atEnd()) {
            return null;
        }
        Compiler.Trace trace = Compiler.Trace.of(parameters, inputs, targets, constants, roots,
                Collections.unmodifiableMap(groups), r.slots);
        return new Program(steps, trace);
    }

    private static Step step(In r) {
        int tag = r.next();
        switch (tag) {
            case SCALAR: {
                Op op = r.op();
                int out = r.slot();
                int a = r.slot();
                int b = r.slot();
                return new Step.Scalar(op, out, a, b);
            }
            case GATHER: {
                int out = r.slot();
                int index = r.slot();
                return new Step.Gather(out, index, r.slots());
            }
            case DOT: {
                int out = r.slot();
                int[] a = r.slots();
                int[] b = r.slots();
                int bias = r.next();
                if (bias != -1) {
                    r.check(bias);
                }
                if (a.length == 0 || a.length != b.length) {
                    throw new IllegalArgumentException("a dot of " + a.length + " and " + b.length + " factors");
                }
                return new Step.Dot(out, a, b, bias, r.next() == 1);
            }
            case DENSE:
                return dense(r);
            case BATCHED_LAYER: {
                DenseLayer[] rows = new DenseLayer[r.count()];
                if (rows.length < 2) {
                    throw new IllegalArgumentException("a batch of " + rows.length + " rows");
                }
                for (int i = 0; i < rows.length; i++) {
                    rows[i] = dense(r);
                }
                return new BatchedLayer(rows);
            }
            case BATCHED_SCALAR: {
                Op op = r.op();
                int[] out = r.slots();
                int[] a = r.slots();
                int[] b = r.slots();
                if (out.length == 0 || out.length != a.length || out.length != b.length) {
                    throw new IllegalArgumentException("a batch of unequal rows");
                }
                return new BatchedScalar(op, out, a, b);
            }
            default:
                throw new IllegalArgumentException("no step of kind " + tag);
        }
    }

    private static DenseLayer dense(In r) {
        int[] x = r.slots();
        int[] w = r.slots();
        int[] bias = r.slots();
        int biasMode = r.next();
        int[] z = r.slots();
        int[] y = r.slots();
        int act = r.next();
        if (x.length == 0 || z.length == 0 || w.length != x.length * z.length || y.length != z.length
                || biasMode < DenseLayer.NO_BIAS || biasMode > DenseLayer.BIAS_LAST
                || bias.length != (biasMode == DenseLayer.NO_BIAS ? 0 : z.length) || act >= OPS.length) {
            throw new IllegalArgumentException("a dense layer of the wrong sizes");
        }
        return new DenseLayer(x, w, bias, biasMode, z, y, act < 0 ? null : OPS[act]);
    }

    /** A growing array of ints. */
    private static final class Ints {
        private int[] a;
        private int n;

        Ints(int capacity) {
            a = new int[Math.max(16, capacity)];
        }

        Ints add(int v) {
            if (n == a.length) {
                a = Arrays.copyOf(a, 2 * n);
            }
            a[n++] = v;
            return this;
        }

        /** Its length, then its elements. */
        Ints array(int[] v) {
            add(v.length);
            if (n + v.length > a.length) {
                a = Arrays.copyOf(a, Math.max(2 * a.length, n + v.length));
            }
            System.arraycopy(v, 0, a, n, v.length);
            n += v.length;
            return this;
        }

        int[] done() {
            return Arrays.copyOf(a, n);
        }
    }

    /** The reader: every slot checked to be one of the program's, every length to fit what is left. */
    private static final class In {
        private final int[] a;
        private int at;
        int slots;

        In(int[] a) {
            this.a = a;
        }

        int next() {
            return a[at++];
        }

        boolean atEnd() {
            return at == a.length;
        }

        int natural() {
            int n = next();
            if (n < 0) {
                throw new IllegalArgumentException("a count of " + n);
            }
            return n;
        }

        int count() {
            int n = next();
            if (n < 0 || n > a.length - at) {
                throw new IllegalArgumentException("a length of " + n + " with " + (a.length - at) + " numbers left");
            }
            return n;
        }

        /** Whether the next array equals {@code v}. */
        boolean same(int[] v) {
            int n = count();
            boolean same = Arrays.equals(a, at, at + n, v, 0, v.length);
            at += n;
            return same;
        }

        int[] ints() {
            int n = count();
            int[] v = Arrays.copyOfRange(a, at, at + n);
            at += n;
            return v;
        }

        int[] slots() {
            int[] v = ints();
            for (int s : v) {
                check(s);
            }
            return v;
        }

        int slot() {
            return check(next());
        }

        int check(int s) {
            if (s < 0 || s >= slots) {
                throw new IllegalArgumentException("slot " + s + " of " + slots);
            }
            return s;
        }

        Op op() {
            int o = next();
            if (o < 0 || o >= OPS.length) {
                throw new IllegalArgumentException("no op " + o);
            }
            return OPS[o];
        }
    }
}
