package grad.train;

import grad.data.Dataset;
import grad.plot.PlotData;
import java.util.List;
import java.util.Locale;

/** Which rows of a dataset its pictures draw: all of them, or an even sample of a big dataset's. */
final class PlottedRows {
    /** The most points a picture draws: a bigger dataset is drawn by an even sample of its rows. */
    static final int MAX_PLOTTED_POINTS = 10_000;

    private PlottedRows() {
    }

    /** {@code data}, or an evenly spaced sample of {@link #MAX_PLOTTED_POINTS} of its rows when it has more. */
    static Dataset sample(Dataset data) {
        int n = data.size();
        if (n <= MAX_PLOTTED_POINTS) {
            return data;
        }
        int[] rows = new int[MAX_PLOTTED_POINTS];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = (int) ((long) i * n / rows.length);
        }
        return data.subset(rows);
    }

    /** The dataset's name in picture titles, saying when only a sample is drawn. */
    static String title(Dataset data, Dataset shown) {
        return shown.size() == data.size() ? data.name()
                : String.format(Locale.ROOT, "%s (%,d of %,d rows)", data.name(), shown.size(), data.size());
    }

    /**
     * The sampled rows of 2-D data as points on the plane, titled by {@link #title}; for regression, all in
     * one class, {@code value} (the pictures draw them in ink).
     */
    static PlotData points(Dataset all) {
        Dataset shown = sample(all);
        double[] xs = new double[shown.size()];
        double[] ys = new double[shown.size()];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = shown.feature(i, 0);
            ys[i] = shown.feature(i, 1);
        }
        int[] labels = shown.isRegression() ? new int[shown.size()] : shown.labels();
        List<String> classes = shown.isRegression() ? List.of("value") : shown.classNames();
        return new PlotData(title(all, shown), xs, ys, labels, classes, shown.featureNames().get(0),
                shown.featureNames().get(1));
    }
}
