package grad.engine;

import static org.assertj.core.api.Assertions.assertThat;

import grad.engine.Networks.Shape;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Programs kept on disk ({@link ProgramCache}): a program read back has the compiled one's steps and runs
 * to its bits (and to {@link Value#backward()}'s), whatever its steps' kinds; a file of another name,
 * another build or damaged is never read, but compiled again and written over; a directory that cannot
 * be written costs only the cache.
 */
class ProgramCacheTest {
    private static final int ROWS = 5;
    private static final int EXPS = 40;

    @TempDir
    Path dir;

    /**
     * A graph whose program has every kind of step: a network applied to {@link #ROWS} rows (one batched
     * layer per layer), an embedding looked up by an input id (a gather), a dot that reads a slot twice,
     * {@link #EXPS} exponentials of inputs (a batch of scalar steps) and scalar steps (a network written as
     * Python's {@code sum} has per-row constants: dense layers, no batch).
     */
    private static final class Graph {
        final Networks net;
        final List<Value> parameters = new ArrayList<>();
        final List<Value> inputs = new ArrayList<>();
        final List<Value> targets;
        final Map<String, List<Value>> outputs = new LinkedHashMap<>();
        final Value loss;

        Graph(Shape shape, double[] p, double[] in, double[] t) {
            net = new Networks(shape, new int[] {3, 4, 2}, Op.TANH, new SplittableRandom(7));
            if (p != null) {
                for (int i = 0; i < net.parameters.size(); i++) {
                    net.parameters.get(i).setData(p[i]);
                }
            }
            parameters.addAll(net.parameters);
            List<Value> table = Networks.leaves(p == null ? new double[] {0.5, -1.25, 2.0} : Arrays.copyOfRange(p,
                    net.parameters.size(), net.parameters.size() + 3));
            parameters.addAll(table);
            inputs.addAll(Networks.leaves(in == null ? new double[1 + ROWS * 3 + EXPS] : in));
            targets = Networks.leaves(t == null ? new double[ROWS * 2] : t);
            List<Value> terms = new ArrayList<>();
            for (int r = 0; r < ROWS; r++) {
                List<Value> out = net.call(inputs.subList(1 + r * 3, 1 + (r + 1) * 3));
                for (int j = 0; j < 2; j++) {
                    terms.add(out.get(j).sub(targets.get(r * 2 + j)).pow(2));
                }
            }
            Value e = Value.pick(inputs.get(0), table);
            terms.add(Value.dot(List.of(e, table.get(1), e), List.of(table.get(2), e, net.parameters.get(0))));
            List<Value> exps = new ArrayList<>();
            for (int i = 0; i < EXPS; i++) {
                exps.add(inputs.get(1 + ROWS * 3 + i).mul(0.01).exp());
            }
            terms.add(Value.sum(exps).log());
            loss = Value.sum(terms).div(terms.size());
            outputs.put("loss", List.of(loss));
            outputs.put("exps", exps);
        }

        Program compile() {
            return Compiler.compile(outputs, parameters, inputs, targets);
        }
    }

    private static Supplier<Program> never() {
        return () -> {
            throw new AssertionError("compiled again: the cache should have held the program");
        };
    }

    @ParameterizedTest
    @EnumSource(Shape.class)
    void aProgramReadBackIsTheCompiledOneAndRunsToItsBits(Shape shape) {
        Graph g = new Graph(shape, null, null, null);
        Program compiled = ProgramCache.at(dir).get("graph " + shape, g::compile);
        assertThat(kinds(compiled)).as(compiled.listing()).contains(Step.Scalar.class, Step.Gather.class, Step.Dot.class,
                BatchedScalar.class, shape == Shape.PYTHON_SUM ? DenseLayer.class : BatchedLayer.class);
        Program read = ProgramCache.at(dir).get("graph " + shape, never());
        assertThat(read).isNotSameAs(compiled);
        assertThat(read.listing()).isEqualTo(compiled.listing());
        assertThat(read.stepCount()).isEqualTo(compiled.stepCount());

        SplittableRandom rng = new SplittableRandom(shape.ordinal());
        double[] p = random(rng, g.parameters.size());
        double[] in = random(rng, g.inputs.size());
        in[0] = 2;   // the id the gather reads
        double[] t = random(rng, g.targets.size());
        double[] fromCompiled = run(compiled.newInterpretedReplay(), p, in, t);
        double[] fromRead = run(read.newInterpretedReplay(), p, in, t);
        assertThat(fromRead).as("loss, exps, then every gradient").containsExactly(fromCompiled);
        assertThat(run(read.newGeneratedReplay(), p, in, t)).as("its generated code").containsExactly(fromCompiled);

        Graph byHand = new Graph(shape, p, in, t);   // the same graph on these numbers, through Value.backward()
        byHand.loss.backward();
        assertThat(fromRead[0]).isEqualTo(byHand.loss.data());
        for (int i = 0; i < p.length; i++) {
            assertThat(fromRead[1 + EXPS + i]).as("gradient %d", i).isEqualTo(byHand.parameters.get(i).grad());
        }
    }

    @Test
    void anotherNameIsCompiledAndFiledApart() throws IOException {
        Graph g = new Graph(Shape.GRAD, null, null, null);
        AtomicInteger compiles = new AtomicInteger();
        Supplier<Program> counted = () -> {
            compiles.incrementAndGet();
            return g.compile();
        };
        ProgramCache cache = ProgramCache.at(dir);
        cache.get("a", counted);
        cache.get("b", counted);
        cache.get("a", counted);
        cache.get("b", counted);
        assertThat(compiles).hasValue(2);
        assertThat(programFiles()).hasSize(2);
    }

    @Test
    void aFileHoldingAnotherNamesProgramIsNotReadButWrittenOver() throws IOException {
        Graph small = new Graph(Shape.GRAD, null, null, null);
        Graph other = new Graph(Shape.X_W, null, null, null);
        ProgramCache cache = ProgramCache.at(dir);
        cache.get("small", small::compile);
        Path smallFile = programFiles().get(0);
        cache.get("other", other::compile);
        Path otherFile = programFiles().stream().filter(f -> !f.equals(smallFile)).findFirst().orElseThrow();
        Files.copy(otherFile, smallFile, java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        AtomicInteger compiles = new AtomicInteger();
        Program got = cache.get("small", () -> {
            compiles.incrementAndGet();
            return small.compile();
        });
        assertThat(compiles).hasValue(1);
        assertThat(got.listing()).isEqualTo(small.compile().listing());
        assertThat(cache.get("small", never()).listing()).as("written over").isEqualTo(got.listing());
    }

    enum Damage { EMPTY, HALF, LAST_SLOT, FORMAT, GARBAGE }

    @ParameterizedTest
    @EnumSource(Damage.class)
    void aDamagedFileIsCompiledAgainAndWrittenOver(Damage damage) throws IOException {
        Graph g = new Graph(Shape.LINEAR, null, null, null);
        ProgramCache cache = ProgramCache.at(dir);
        Program compiled = cache.get("g", g::compile);
        assertThat(compiled.kernel[compiled.kernel.length - 1]).as("the last step, a scalar: its last number is a slot")
                .isInstanceOf(Step.Scalar.class);
        Path file = programFiles().get(0);
        byte[] bytes = Files.readAllBytes(file);
        byte[] damaged = switch (damage) {
            case EMPTY -> new byte[0];
            case HALF -> Arrays.copyOf(bytes, bytes.length / 2);
            case LAST_SLOT -> {
                byte[] b = bytes.clone();
                ByteBuffer.wrap(b).putInt(b.length - 4, Integer.MAX_VALUE);
                yield b;
            }
            case FORMAT -> {
                byte[] b = bytes.clone();
                ByteBuffer.wrap(b).putInt(4, 99);
                yield b;
            }
            case GARBAGE -> {
                byte[] b = new byte[bytes.length];
                new SplittableRandom(3).nextBytes(b);
                yield b;
            }
        };
        Files.write(file, damaged);
        AtomicInteger compiles = new AtomicInteger();
        Program got = cache.get("g", () -> {
            compiles.incrementAndGet();
            return g.compile();
        });
        assertThat(compiles).hasValue(1);
        assertThat(got.listing()).isEqualTo(compiled.listing());
        assertThat(Files.readAllBytes(file)).as("written over").isEqualTo(bytes);
    }

    @Test
    void aDirectoryThatCannotBeWrittenCostsOnlyTheCache() throws IOException {
        Path notADirectory = Files.writeString(dir.resolve("file"), "x");
        Graph g = new Graph(Shape.GRAD, null, null, null);
        AtomicInteger compiles = new AtomicInteger();
        ProgramCache cache = ProgramCache.at(notADirectory.resolve("cache"));
        for (int i = 0; i < 2; i++) {
            Program p = cache.get("g", () -> {
                compiles.incrementAndGet();
                return g.compile();
            });
            assertThat(p.listing()).isEqualTo(g.compile().listing());
        }
        assertThat(compiles).hasValue(2);
        assertThat(Files.readString(notADirectory)).isEqualTo("x");
    }

    @Test
    void anotherBuildOfGradIsAnotherKey() throws IOException {
        Path jar = Files.write(dir.resolve("grad.jar"), new byte[] {1, 2, 3});
        java.nio.file.attribute.FileTime then = java.nio.file.attribute.FileTime.fromMillis(1_700_000_000_000L);
        Files.setLastModifiedTime(jar, then);
        int[] first = ProgramCache.codeOf(jar);
        assertThat(first).isNotNull().isEqualTo(ProgramCache.codeOf(jar));
        Files.write(jar, new byte[] {1, 2, 4});
        Files.setLastModifiedTime(jar, then);
        assertThat(ProgramCache.codeOf(jar)).as("same size and time: the same build, as .pyc files judge").isEqualTo(first);
        Files.setLastModifiedTime(jar, java.nio.file.attribute.FileTime.fromMillis(1_700_000_000_001L));
        assertThat(ProgramCache.codeOf(jar)).as("built again").isNotEqualTo(first);
        Files.write(jar, new byte[] {1, 2, 3, 4});
        Files.setLastModifiedTime(jar, then);
        assertThat(ProgramCache.codeOf(jar)).as("another size").isNotEqualTo(first);

        Path classes = dir.resolve("classes");
        Path one = Files.createDirectories(classes.resolve("grad/engine")).resolve("A.class");
        Files.write(one, new byte[] {1});
        Files.setLastModifiedTime(one, then);
        int[] tree = ProgramCache.codeOf(classes);
        assertThat(tree).isNotNull();
        Files.write(classes.resolve("grad/engine/B.class"), new byte[] {2});
        assertThat(ProgramCache.codeOf(classes)).as("a class more").isNotEqualTo(tree);
        assertThat(ProgramCache.codeOf(dir.resolve("nothing"))).as("no classes: no cache").isNull();
    }

    @Test
    void pastItsLimitTheCacheDeletesTheProgramsLeastRecentlyUsed() throws IOException {
        Graph g = new Graph(Shape.GRAD, null, null, null);
        ProgramCache.at(dir).get("size", g::compile);
        long size = Files.size(programFiles().get(0));
        Files.delete(programFiles().get(0));
        ProgramCache cache = ProgramCache.at(dir, 3 * size);   // room for three
        java.util.Map<String, Path> files = new java.util.HashMap<>();
        long time = 1_700_000_000_000L;
        for (String name : List.of("a", "b", "c")) {
            List<Path> before = programFiles();
            cache.get(name, g::compile);
            Path made = programFiles().stream().filter(f -> !before.contains(f)).findFirst().orElseThrow();
            files.put(name, made);
            Files.setLastModifiedTime(made, java.nio.file.attribute.FileTime.fromMillis(time += 1000));
        }
        cache.get("a", never());   // a read: "a" is now the most recently used
        assertThat(Files.getLastModifiedTime(files.get("a")).toMillis()).isGreaterThan(time);
        cache.get("d", g::compile);
        assertThat(programFiles()).hasSize(3).doesNotContain(files.get("b")).contains(files.get("a"), files.get("c"));
        ProgramCache.at(dir, 1).get("e", g::compile);   // a program larger than the limit is still kept, alone
        assertThat(programFiles()).hasSize(1);
        assertThat(ProgramCache.at(dir, 1).get("e", never()).listing()).isEqualTo(g.compile().listing());
    }

    @Test
    void theStandardCacheIsThePropertysDirectoryOrNone() {
        String before = System.getProperty("grad.cache.dir");
        try {
            System.setProperty("grad.cache.dir", "off");
            assertThat(ProgramCache.standard().dir()).isNull();
            System.setProperty("grad.cache.dir", dir.toString());
            assertThat(ProgramCache.standard().dir()).isEqualTo(dir);
            Graph g = new Graph(Shape.GRAD, null, null, null);
            ProgramCache.none().get("g", g::compile);
            assertThat(dir).isEmptyDirectory();
        } finally {
            if (before == null) {
                System.clearProperty("grad.cache.dir");
            } else {
                System.setProperty("grad.cache.dir", before);
            }
        }
    }

    @Test
    void withoutSettingsTheCacheIsInTheHomesCacheOrNowhere() {
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getenv("GRAD_CACHE_DIR") == null
                && System.getenv("XDG_CACHE_HOME") == null, "the environment names a cache");
        String before = System.getProperty("grad.cache.dir");
        String home = System.getProperty("user.home");
        try {
            System.clearProperty("grad.cache.dir");
            System.setProperty("user.home", dir.toString());
            assertThat(ProgramCache.standard().dir()).isEqualTo(dir.resolve(".cache/grad"));
            System.setProperty("user.home", "?");   // what Java says when the system knows no home
            assertThat(ProgramCache.standard().dir()).isNull();
        } finally {
            System.setProperty("user.home", home);
            if (before == null) {
                System.clearProperty("grad.cache.dir");
            } else {
                System.setProperty("grad.cache.dir", before);
            }
        }
    }

    private List<Path> programFiles() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".program")).sorted().toList();
        }
    }

    private static List<Class<?>> kinds(Program p) {
        return Arrays.stream(p.kernel).<Class<?>>map(Object::getClass).distinct().toList();
    }

    private static double[] random(SplittableRandom rng, int n) {
        return rng.doubles(n, -1, 1).toArray();
    }

    /** The outputs (the loss, the exponentials), then the parameters' gradients. */
    private static double[] run(Replay replay, double[] p, double[] in, double[] t) {
        replay.setParameters(p);
        replay.setInputs(in);
        replay.setTargets(t);
        replay.forward();
        replay.backward();
        double[] grads = new double[p.length];
        replay.takeParameterGradients(grads);
        double[] out = new double[1 + EXPS + p.length];
        for (int i = 0; i <= EXPS; i++) {
            out[i] = replay.output(i);
        }
        System.arraycopy(grads, 0, out, 1 + EXPS, p.length);
        return out;
    }
}
