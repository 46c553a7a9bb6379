package grad.text;

import grad.data.DataException;
import grad.io.Text;
import grad.io.TextFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * A file of lines, one document a line (a name of {@code names.txt}), as microgpt reads it: each line
 * stripped of surrounding white space, blank lines skipped.
 *
 * @param file    where the lines came from, for messages
 * @param lines   the documents, in file order
 * @param numbers each document's 1-based line number in the file
 */
public record Documents(Path file, List<String> lines, int[] numbers) {
    /** The most distinct characters a vocabulary may have: beyond, the file is hardly text of lines. */
    static final int MAX_VOCABULARY = 1000;

    public Documents {
        lines = List.copyOf(lines);
        numbers = numbers.clone();
    }

    /**
     * Reads {@code file}.
     *
     * @throws grad.GradException naming the file when it is missing, binary, not UTF-8, or has no line
     */
    public static Documents read(Path file) {
        String text = TextFiles.read(file, "text file of lines");
        List<String> lines = new ArrayList<>();
        int[] numbers = new int[64];
        int number = 0;
        for (int start = 0; start <= text.length(); ) {   // lines end at \r\n, \r or \n
            int end = start;
            while (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
                end++;
            }
            number++;
            String doc = text.substring(start, end).strip();
            if (!doc.isEmpty()) {
                if (lines.size() == numbers.length) {
                    numbers = Arrays.copyOf(numbers, 2 * numbers.length);
                }
                numbers[lines.size()] = number;
                lines.add(doc);
            }
            boolean crlf = end + 1 < text.length() && text.charAt(end) == '\r' && text.charAt(end + 1) == '\n';
            start = end + (crlf ? 2 : 1);
        }
        if (lines.isEmpty()) {
            throw new DataException(file + ": no lines to learn from (the file is empty or blank)");
        }
        return new Documents(file, lines, Arrays.copyOf(numbers, lines.size()));
    }

    /** The characters (code points) of the longest document. */
    public int longest() {
        int longest = 0;
        for (String line : lines) {
            longest = Math.max(longest, line.codePointCount(0, line.length()));
        }
        return longest;
    }

    /** The number of documents. */
    public int size() {
        return lines.size();
    }

    /**
     * The documents cut to at most {@code maxChars} characters (code points); {@link #cutNote} says how
     * many were cut.
     */
    public Documents cutTo(int maxChars) {
        List<String> out = new ArrayList<>(lines.size());
        for (String line : lines) {
            out.add(line.codePointCount(0, line.length()) <= maxChars ? line
                    : line.substring(0, line.offsetByCodePoints(0, maxChars)));
        }
        return new Documents(file, out, numbers);
    }

    /**
     * A one-line note when some documents are longer than {@code maxChars} characters, naming the first,
     * or null when none is.
     */
    public String cutNote(int maxChars, String why) {
        int count = 0;
        int first = -1;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.codePointCount(0, line.length()) > maxChars) {
                count++;
                first = first < 0 ? i : first;
            }
        }
        if (count == 0) {
            return null;
        }
        return file + ":" + numbers[first] + ": " + count + (count == 1 ? " line is" : " lines are") + " longer than "
                + maxChars + " characters (" + why + "); cut to " + maxChars + ", e.g. " + Text.quote(lines.get(first));
    }

    /**
     * A seeded hold-out: every document goes to the training set or, for {@code heldOut} of them
     * (about a tenth), to the held-out set; both keep file order.
     *
     * @throws DataException when there are fewer than two documents to split
     */
    public Split split(long seed) {
        int n = lines.size();
        if (n < 2) {
            throw new DataException(file + ": only one line; at least two are needed, one to train on and one to hold out");
        }
        int held = Math.max(1, (int) Math.round(n * 0.1));
        int[] order = shuffled(n, new Random(seed));
        boolean[] isHeld = new boolean[n];
        for (int i = 0; i < held; i++) {
            isHeld[order[i]] = true;
        }
        List<String> train = new ArrayList<>();
        List<String> val = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            (isHeld[i] ? val : train).add(lines.get(i));
        }
        return new Split(train, val);
    }

    /**
     * 0 … n−1 in the order {@code Collections.shuffle} gives a list of them with {@code random} (the same
     * swaps, on an array of ints).
     */
    static int[] shuffled(int n, Random random) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n; i > 1; i--) {
            int j = random.nextInt(i);
            int t = order[i - 1];
            order[i - 1] = order[j];
            order[j] = t;
        }
        return order;
    }

    /**
     * The training and the held-out documents.
     *
     * @param train the documents trained on, in file order
     * @param val   the held-out documents, in file order
     */
    public record Split(List<String> train, List<String> val) {
        public Split {
            train = List.copyOf(train);
            val = List.copyOf(val);
        }
    }
}
