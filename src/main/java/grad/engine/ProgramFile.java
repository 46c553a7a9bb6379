package grad.engine;

import grad.io.AtomicFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link ProgramCache} file: big-endian ints, a header ({@code grad}, the format), the key it is filed
 * under, then the program: its slot counts, constants, roots, output groups and steps, each step a kind
 * and its slots. Read back, every slot is checked to be one of the program's and every length to fit
 * what is left, so that a damaged file is refused rather than run.
 */
final class ProgramFile {
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

    private ProgramFile() {
    }

    /** Writes the program to {@code file} atomically ({@link AtomicFiles}); quietly does nothing on failure. */
    static void write(Path file, int[] key, Program program) {
        try {
            int[] ints = ints(key, program);
            ByteBuffer bytes = ByteBuffer.allocate(4 * ints.length);
            bytes.asIntBuffer().put(ints);
            AtomicFiles.write(file, out -> out.write(bytes.array()));
        } catch (RuntimeException e) {   // a GradException from AtomicFiles, among others
            // the cache only saves time: a program that cannot be kept is compiled again next time
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

    /** The program after the header, or null when the file is another key's or of another format. */
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
        Map<String, int[]> groups = groups(r, roots.length);
        List<Step> steps = new ArrayList<>();
        for (int n = r.count(), s = 0; s < n; s++) {
            steps.add(step(r));
        }
        if (groups == null || !r.atEnd()) {
            return null;
        }
        return new Program(steps, Compiler.Trace.of(parameters, inputs, targets, constants, roots, groups, r.slots));
    }

    /** The output groups, each its name and {first root, size}, in order and covering the roots; else null. */
    private static Map<String, int[]> groups(In r, int roots) {
        Map<String, int[]> groups = new LinkedHashMap<>();
        int first = 0;
        for (int g = 0, count = r.count(); g < count; g++) {
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
        return first == roots ? Collections.unmodifiableMap(groups) : null;
    }

    private static Step step(In r) {
        int kind = r.next();
        return switch (kind) {
            case SCALAR -> new Step.Scalar(r.op(), r.slot(), r.slot(), r.slot());
            case GATHER -> new Step.Gather(r.slot(), r.slot(), r.slots());
            case DOT -> dot(r);
            case DENSE -> dense(r);
            case BATCHED_LAYER -> batchedLayer(r);
            case BATCHED_SCALAR -> batchedScalar(r);
            default -> throw new IllegalArgumentException("no step of kind " + kind);
        };
    }

    private static Step.Dot dot(In r) {
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

    private static BatchedLayer batchedLayer(In r) {
        DenseLayer[] rows = new DenseLayer[r.count()];
        if (rows.length < 2) {
            throw new IllegalArgumentException("a batch of " + rows.length + " rows");
        }
        for (int i = 0; i < rows.length; i++) {
            rows[i] = dense(r);
        }
        return new BatchedLayer(rows);
    }

    private static BatchedScalar batchedScalar(In r) {
        Op op = r.op();
        int[] out = r.slots();
        int[] a = r.slots();
        int[] b = r.slots();
        if (out.length == 0 || out.length != a.length || out.length != b.length) {
            throw new IllegalArgumentException("a batch of unequal rows");
        }
        return new BatchedScalar(op, out, a, b);
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
    static final class Ints {
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
