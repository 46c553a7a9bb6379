package grad.engine;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * One compiled {@link Program} per shape of graph, compiled on first use: a sequence model's graph
 * depends on the sequence's length, not on its token ids (those are inputs, read through
 * {@link Value#pick}), so {@code new Programs<Integer>(length -> compile the graph of that length)} gives
 * every sequence of one length the same program. Thread-safe; a shape is compiled once.
 *
 * @param <K> the shape, e.g. a sequence length
 */
public final class Programs<K> {
    private final Function<K, Program> compile;
    private final Map<K, Program> programs = new ConcurrentHashMap<>();

    /** @param compile traces and compiles the graph of a shape (e.g. {@code Compiler.compile(…)}) */
    public Programs(Function<K, Program> compile) {
        this.compile = compile;
    }

    /** The program of {@code shape}, compiled now if it is the first time. */
    public Program get(K shape) {
        return programs.computeIfAbsent(shape, compile);
    }

    /** The number of shapes compiled so far. */
    public int size() {
        return programs.size();
    }
}
