package grad.data;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A hold-out split of a dataset into a training set and a test set.
 *
 * @param train     the training rows
 * @param test      the held-out rows (empty when the test fraction is 0)
 * @param trainRows the rows of the original dataset in {@code train}, ascending
 * @param testRows  the rows of the original dataset in {@code test}, ascending
 */
public record Split(Dataset train, Dataset test, int[] trainRows, int[] testRows) {

    /** Copies the row arrays. */
    public Split {
        trainRows = trainRows.clone();
        testRows = testRows.clone();
    }

    /** A copy of the original rows in the training set. */
    @Override
    public int[] trainRows() {
        return trainRows.clone();
    }

    /** A copy of the original rows in the test set. */
    @Override
    public int[] testRows() {
        return testRows.clone();
    }

    /**
     * Holds out about {@code testFraction} of the rows, at random but reproducibly from {@code seed}.
     *
     * <p>For classification the split is stratified: each class sends {@code round(count × testFraction)}
     * of its rows to the test set, but always keeps at least one in the training set, so every class
     * has the same share in both sets (up to rounding). For regression it is a plain random split of
     * {@code round(n × testFraction)} rows (at most {@code n - 1}). Rows keep their original order in
     * both sets.
     *
     * @param testFraction in {@code [0, 1)}; 0 gives an empty test set
     * @throws DataException if {@code testFraction} is outside {@code [0, 1)}
     */
    public static Split stratified(Dataset data, double testFraction, long seed) {
        if (!(testFraction >= 0 && testFraction < 1)) {
            throw new DataException("test fraction must be at least 0 and less than 1, got " + testFraction);
        }
        SplittableRandom rng = new SplittableRandom(Seeds.derive(seed, Seeds.SPLIT));
        boolean[] inTest = new boolean[data.size()];
        if (data.isRegression()) {
            int[] all = new int[data.size()];
            Arrays.setAll(all, i -> i);
            holdOut(all, all.length, testFraction, rng, inTest);
        } else {
            int[] counts = data.classCounts();
            int[][] byClass = new int[counts.length][];
            int[] filled = new int[counts.length];
            for (int k = 0; k < counts.length; k++) {
                byClass[k] = new int[counts[k]];
            }
            for (int row = 0; row < data.size(); row++) {
                int k = data.label(row);
                byClass[k][filled[k]++] = row;
            }
            for (int[] rows : byClass) {
                holdOut(rows, rows.length, testFraction, rng, inTest);
            }
        }
        int testCount = 0;
        for (boolean t : inTest) {
            testCount += t ? 1 : 0;
        }
        int[] train = new int[data.size() - testCount];
        int[] test = new int[testCount];
        for (int row = 0, a = 0, b = 0; row < data.size(); row++) {
            if (inTest[row]) {
                test[b++] = row;
            } else {
                train[a++] = row;
            }
        }
        return of(data, train, test);
    }

    /** The split of {@code data} into the rows {@code trainRows} and {@code testRows}. */
    public static Split of(Dataset data, int[] trainRows, int[] testRows) {
        return new Split(data.subset(trainRows), data.subset(testRows), trainRows, testRows);
    }

    /** Marks {@code round(n × fraction)} of {@code rows} (at most n - 1) as test rows, chosen by a partial shuffle. */
    private static void holdOut(int[] rows, int n, double fraction, SplittableRandom rng, boolean[] inTest) {
        int k = (int) Math.min(Math.round(n * fraction), Math.max(0, n - 1));
        for (int i = 0; i < k; i++) {
            int j = i + rng.nextInt(n - i);
            int t = rows[i];
            rows[i] = rows[j];
            rows[j] = t;
            inTest[rows[i]] = true;
        }
    }
}
