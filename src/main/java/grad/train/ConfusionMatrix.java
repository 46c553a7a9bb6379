package grad.train;

import grad.io.Text;
import java.util.List;

/** A confusion matrix as aligned text: a row per actual class, a column per predicted class. */
final class ConfusionMatrix {
    private ConfusionMatrix() {
    }

    /** The matrix; a class name with a line break or other control character is shown quoted. */
    static String format(int[][] counts, List<String> names) {
        List<String> classNames = names.stream().map(Text::label).toList();
        int width = 9;
        for (String name : classNames) {
            width = Math.max(width, name.length() + 2);
        }
        for (int[] row : counts) {
            for (int c : row) {
                width = Math.max(width, Integer.toString(c).length() + 2);
            }
        }
        StringBuilder s = new StringBuilder();
        s.append(pad("", width));
        for (String name : classNames) {
            s.append(pad(name, width));
        }
        s.append('\n');
        for (int i = 0; i < counts.length; i++) {
            s.append(pad(classNames.get(i), width));
            for (int c : counts[i]) {
                s.append(pad(Integer.toString(c), width));
            }
            s.append('\n');
        }
        return s.toString();
    }

    private static String pad(String text, int width) {
        return " ".repeat(Math.max(0, width - text.length())) + text;
    }
}
