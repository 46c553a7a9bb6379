package grad.text;

import grad.data.DataException;
import grad.io.Text;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * microgpt's tokenizer: the sorted distinct characters (code points) of the documents are the ids
 * 0 … V−1, and one more id, V, marks both the beginning and the end of a document (BOS).
 */
public final class Vocabulary {
    private final List<String> chars;
    private final Map<Integer, Integer> ids = new HashMap<>();

    /** A vocabulary of these characters, in id order (each one code point, all distinct). */
    public Vocabulary(List<String> chars) {
        this.chars = List.copyOf(chars);
        for (int i = 0; i < this.chars.size(); i++) {
            String c = this.chars.get(i);
            if (c.codePointCount(0, c.length()) != 1 || ids.put(c.codePointAt(0), i) != null) {
                throw new IllegalArgumentException("vocabulary entry " + i + " " + Text.quote(c)
                        + " is not one character or repeats");
            }
        }
    }

    /** The sorted distinct characters of {@code docs}. */
    public static Vocabulary of(Documents docs) {
        TreeSet<Integer> codePoints = new TreeSet<>();
        for (String line : docs.lines()) {
            line.codePoints().forEach(codePoints::add);
        }
        if (codePoints.size() > Documents.MAX_VOCABULARY) {
            throw new DataException(docs.file() + ": " + codePoints.size() + " distinct characters, more than the "
                    + Documents.MAX_VOCABULARY + " a character-level model here can learn; is it a text file of lines?");
        }
        List<String> chars = new ArrayList<>();
        for (int cp : codePoints) {
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
        return line.codePoints().map(cp -> ids.getOrDefault(cp, -1)).toArray();
    }

    /** The first character of {@code line} that is not in the vocabulary, or null. */
    public String unknown(String line) {
        return line.codePoints().filter(cp -> !ids.containsKey(cp)).mapToObj(cp -> new String(Character.toChars(cp)))
                .findFirst().orElse(null);
    }

    /** The character of {@code id} ({@code id < V}). */
    public String decode(int id) {
        return chars.get(id);
    }
}
