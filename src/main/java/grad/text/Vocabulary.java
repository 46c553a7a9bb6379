package grad.text;

import grad.data.DataException;
import grad.io.Text;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * microgpt's tokenizer: the sorted distinct characters (code points) of the documents are the ids
 * 0 … V−1, and one more id, V, marks both the beginning and the end of a document (BOS).
 */
public final class Vocabulary {
    private final List<String> chars;
    /** The code points in increasing order, and the id of each (plain arrays: a run encodes every line with them). */
    private final int[] sortedCodePoints;
    private final int[] idsOfSorted;
    /** The id of each code point below {@link #TABLE} (and below the largest one's), -1 for none: a lookup per character. */
    private final int[] idOfCodePoint;
    private static final int TABLE = 1 << 16;

    /** A vocabulary of these characters, in id order (each one code point, all distinct). */
    public Vocabulary(List<String> chars) {
        this.chars = List.copyOf(chars);
        Map<Integer, Integer> ids = new TreeMap<>();
        for (int i = 0; i < this.chars.size(); i++) {
            String c = this.chars.get(i);
            if (c.codePointCount(0, c.length()) != 1 || ids.put(c.codePointAt(0), i) != null) {
                throw new IllegalArgumentException("vocabulary entry " + i + " " + Text.quote(c)
                        + " is not one character or repeats");
            }
        }
        sortedCodePoints = new int[ids.size()];
        idsOfSorted = new int[ids.size()];
        int k = 0;
        for (Map.Entry<Integer, Integer> e : ids.entrySet()) {
            sortedCodePoints[k] = e.getKey();
            idsOfSorted[k++] = e.getValue();
        }
        int below = k == 0 ? 0 : Math.min(sortedCodePoints[k - 1] + 1, TABLE);
        idOfCodePoint = new int[below];
        Arrays.fill(idOfCodePoint, -1);
        for (int i = 0; i < k && sortedCodePoints[i] < below; i++) {
            idOfCodePoint[sortedCodePoints[i]] = idsOfSorted[i];
        }
    }

    /** The sorted distinct characters of {@code docs}. */
    public static Vocabulary of(Documents docs) {
        BitSet codePoints = new BitSet();
        for (String line : docs.lines()) {
            for (int i = 0; i < line.length(); ) {
                int cp = line.codePointAt(i);
                codePoints.set(cp);
                i += Character.charCount(cp);
            }
        }
        if (codePoints.cardinality() > Documents.MAX_VOCABULARY) {
            throw new DataException(docs.file() + ": " + codePoints.cardinality() + " distinct characters, more than the "
                    + Documents.MAX_VOCABULARY + " a character-level model here can learn; is it a text file of lines?");
        }
        List<String> chars = new ArrayList<>();
        for (int cp = codePoints.nextSetBit(0); cp >= 0; cp = codePoints.nextSetBit(cp + 1)) {
            chars.add(new String(Character.toChars(cp)));
        }
        return new Vocabulary(chars);
    }

    /** The characters in id order, BOS left out. */
    public List<String> chars() {
        return chars;
    }

    /** The number of ids, BOS included: V + 1. */
    public int size() {
        return chars.size() + 1;
    }

    /** The id that begins and ends every document: V. */
    public int bos() {
        return chars.size();
    }

    /** The characters' ids, or -1 for the first character not in the vocabulary (see {@link #unknown}). */
    public int[] encode(String line) {
        int[] out = new int[line.codePointCount(0, line.length())];
        for (int i = 0, k = 0; i < line.length(); k++) {
            int cp = line.codePointAt(i);
            out[k] = id(cp);
            i += Character.charCount(cp);
        }
        return out;
    }

    /** The id of a code point, or -1 when it is not in the vocabulary. */
    private int id(int codePoint) {
        if (codePoint < idOfCodePoint.length) {
            return idOfCodePoint[codePoint];
        }
        int at = Arrays.binarySearch(sortedCodePoints, codePoint);
        return at >= 0 ? idsOfSorted[at] : -1;
    }

    /** The first character of {@code line} that is not in the vocabulary, or null. */
    public String unknown(String line) {
        for (int i = 0; i < line.length(); ) {
            int cp = line.codePointAt(i);
            if (id(cp) < 0) {
                return new String(Character.toChars(cp));
            }
            i += Character.charCount(cp);
        }
        return null;
    }

    /** The character of {@code id} ({@code id < V}). */
    public String decode(int id) {
        return chars.get(id);
    }
}
