package grad.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The steps of a {@link Program} that some of its outputs need ({@link Program#stepsByLength}), in
 * program order: a {@link Replay} runs only those ({@link Replay#forward(StepSet)},
 * {@link Replay#backward(StepSet)}), to the same numbers as the whole program for those outputs. A
 * sequence model padded to its longest document needs, for a shorter one, only the steps of its own
 * positions.
 *
 * <p>A factor multiplied by a 0 of the mask is not needed: the product is 0 whatever it is. Such a
 * factor's slot, written by a step left out, is set to 0 before each run, so that the product is the 0
 * the whole program gives (never {@code NaN} from a stale value).
 */
public final class StepSet {
    /** The steps, ascending. */
    final int[] steps;
    /** The computed slots the steps write: their gradients start at 0 in each backward pass. */
    final int[] written;
    /** The computed slots the steps read but no step of the set writes (factors of a zero). */
    final int[] frontier;
    /** Whether the program's first output is among the outputs, so that a backward pass can start there. */
    final boolean hasFirstRoot;

    private StepSet(int[] steps, int[] written, int[] frontier, boolean hasFirstRoot) {
        this.steps = steps;
        this.written = written;
        this.frontier = frontier;
        this.hasFirstRoot = hasFirstRoot;
    }

    /** The number of steps in the set. */
    public int size() {
        return steps.length;
    }

    /**
     * What {@link Program#stepsByLength} computes. Each step's level is the shortest length that needs
     * it, found in one pass from the last step to the first (a step's readers come after it): an output's
     * step has level 1; a step read by a step of level l has level at most l, or at most t + 1 when what
     * it writes is a factor of mask t's slot (needed only once position t counts).
     */
    static List<StepSet> byLength(Program p, int[] outputs, int[] maskSlots) {
        int[][] reads = new int[p.stepCount()][];
        int[][] writes = new int[p.stepCount()][];
        for (int s = 0; s < reads.length; s++) {
            reads[s] = p.kernel[s].reads();
            writes[s] = p.kernel[s].writes();
        }
        int[] writer = writers(p.slotCount, writes);
        int[] maskPosition = new int[p.slotCount];
        Arrays.fill(maskPosition, -1);
        for (int t = 0; t < maskSlots.length; t++) {
            maskPosition[maskSlots[t]] = t;
        }
        int never = maskSlots.length + 1;
        int[] level = new int[p.stepCount()];
        Arrays.fill(level, never);
        boolean first = false;
        for (int o : outputs) {
            first |= o == 0;
            if (writer[p.roots[o]] >= 0) {
                level[writer[p.roots[o]]] = 1;
            }
        }
        for (int s = level.length - 1; s >= 0; s--) {
            if (level[s] < never) {
                lower(p.kernel[s], reads[s], level[s], level, writer, maskPosition);
            }
        }
        List<StepSet> sets = new ArrayList<>(maskSlots.length);
        int[][] scratch = {new int[level.length], new int[writer.length], new int[writer.length], new int[writer.length]};
        for (int n = 1; n <= maskSlots.length; n++) {
            sets.add(collect(reads, writes, writer, level, n, first, scratch));
        }
        return sets;
    }

    /** Each slot's step, or -1 for a parameter, input, target or constant. */
    private static int[] writers(int slots, int[][] writes) {
        int[] writer = new int[slots];
        Arrays.fill(writer, -1);
        for (int s = 0; s < writes.length; s++) {
            for (int w : writes[s]) {
                writer[w] = s;
            }
        }
        return writer;
    }

    /** Lowers the level of the steps that write what {@code step} (of level {@code l}) reads. */
    private static void lower(Step step, int[] reads, int l, int[] level, int[] writer, int[] maskPosition) {
        if (step instanceof Step.Dot dot) {
            for (int i = 0; i < dot.a().length; i++) {
                int needed = Math.max(l, 1 + Math.max(maskPosition[dot.a()[i]], maskPosition[dot.b()[i]]));
                lower(dot.a()[i], needed, level, writer);
                lower(dot.b()[i], needed, level, writer);
            }
            if (dot.bias() >= 0) {
                lower(dot.bias(), l, level, writer);
            }
        } else if (step instanceof Step.Scalar mul && mul.op() == Op.MUL) {
            int needed = Math.max(l, 1 + Math.max(maskPosition[mul.a()], maskPosition[mul.b()]));
            lower(mul.a(), needed, level, writer);
            lower(mul.b(), needed, level, writer);
        } else {
            for (int r : reads) {
                lower(r, l, level, writer);
            }
        }
    }

    private static void lower(int slot, int l, int[] level, int[] writer) {
        int s = writer[slot];
        if (s >= 0 && l < level[s]) {
            level[s] = l;
        }
    }

    /** The steps of level at most {@code n}, what they write, and what they read that none of them writes. */
    /**
     * @param scratch work arrays, reused from length to length: the steps, the slots written, the frontier,
     *                and for each slot the length it was last put on the frontier at
     */
    private static StepSet collect(int[][] reads, int[][] writes, int[] writer, int[] level, int n, boolean first,
                                   int[][] scratch) {
        int[] steps = scratch[0];
        int[] written = scratch[1];
        int[] frontier = scratch[2];
        int[] cutAt = scratch[3];
        int count = 0;
        int wrote = 0;
        int cut = 0;
        for (int s = 0; s < level.length; s++) {
            if (level[s] <= n) {
                steps[count++] = s;
                for (int w : writes[s]) {
                    written[wrote++] = w;
                }
                for (int r : reads[s]) {
                    if (writer[r] >= 0 && level[writer[r]] > n && cutAt[r] != n) {
                        cutAt[r] = n;   // each once, in order of first reading
                        frontier[cut++] = r;
                    }
                }
            }
        }
        return new StepSet(Arrays.copyOf(steps, count), Arrays.copyOf(written, wrote), Arrays.copyOf(frontier, cut), first);
    }
}
