package grad.data;

/**
 * Derives independent random seeds from one user seed, so that, for instance, the shuffle of epoch 7
 * depends only on (seed, 7) and not on how many numbers earlier epochs drew.
 */
final class Seeds {
    /** The salt of the train/test split; epochs use their number (1, 2, ...) as salt. */
    static final long SPLIT = 0;

    private Seeds() {
    }

    /** A seed for the stream named {@code salt} of the user seed {@code seed}. */
    static long derive(long seed, long salt) {
        return mix64(mix64(seed) + salt * 0x9E3779B97F4A7C15L);
    }

    /** Stafford's "Mix13" finaliser (the one SplittableRandom uses): every input bit affects every output bit. */
    private static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
