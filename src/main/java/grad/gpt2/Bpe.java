package grad.gpt2;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import grad.GradException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GPT-2's byte-level byte-pair encoding, as in OpenAI's {@code encoder.py}: the text is split by GPT-2's
 * pattern, each piece's UTF-8 bytes are spelled with the printable stand-ins of {@link #bytesToUnicode()},
 * and adjacent symbols are merged, lowest merge rank first, until no ranked pair is left. The special token
 * {@code <|endoftext|>} is cut out of the text first and encoded as itself, as Hugging Face's tokenizer does.
 */
public final class Bpe {
    /** GPT-2's pre-tokenizing pattern; {@code \s}, {@code \p{L}}, {@code \p{N}} in their Unicode meaning. */
    static final Pattern PATTERN = Pattern.compile(
            "'s|'t|'re|'ve|'m|'ll|'d| ?\\p{L}+| ?\\p{N}+| ?[^\\s\\p{L}\\p{N}]+|\\s+(?!\\S)|\\s+",
            Pattern.UNICODE_CHARACTER_CLASS);
    /** The special token that separates documents. */
    public static final String END_OF_TEXT = "<|endoftext|>";

    private final Map<String, Integer> ids;
    private final String[] tokens;
    private final Map<String, Integer> ranks;
    private final char[] byteToChar = new char[256];
    private final int[] charToByte = new int[512];
    private final Map<String, int[]> cache = new HashMap<>();

    Bpe(Map<String, Integer> ids, List<String> merges) {
        this.ids = ids;
        int max = ids.values().stream().mapToInt(Integer::intValue).max().orElse(-1);
        this.tokens = new String[max + 1];
        ids.forEach((token, id) -> tokens[id] = token);
        this.ranks = new HashMap<>();
        for (int r = 0; r < merges.size(); r++) {
            ranks.putIfAbsent(merges.get(r), r);
        }
        int[] map = bytesToUnicode();
        java.util.Arrays.fill(charToByte, -1);
        for (int b = 0; b < 256; b++) {
            byteToChar[b] = (char) map[b];
            charToByte[map[b]] = b;
        }
    }

    /**
     * Reads {@code vocab.json} (token to id) and {@code merges.txt} (one merge a line, by rank; a first
     * line starting with {@code #version} is skipped).
     *
     * @throws GradException naming the file, when one is missing or malformed
     */
    public static Bpe load(Path vocabJson, Path mergesTxt) {
        Map<String, Integer> ids = new HashMap<>();
        try {
            JsonObject o = JsonParser.parseString(Files.readString(vocabJson)).getAsJsonObject();
            for (Map.Entry<String, JsonElement> e : o.entrySet()) {
                int id = e.getValue().getAsInt();
                if (id < 0) {
                    throw new GradException(vocabJson + ": token " + e.getKey() + " has a negative id");
                }
                ids.put(e.getKey(), id);
            }
        } catch (NoSuchFileException e) {
            throw new GradException("no such file: " + vocabJson);
        } catch (IOException e) {
            throw new GradException("cannot read " + vocabJson + ": " + e.getMessage(), e);
        } catch (JsonParseException | IllegalStateException | UnsupportedOperationException | NumberFormatException e) {
            throw new GradException(vocabJson + " is not a JSON object of tokens and their ids");
        }
        return new Bpe(ids, merges(mergesTxt));
    }

    private static List<String> merges(Path mergesTxt) {
        List<String> lines;
        try {
            lines = Files.readAllLines(mergesTxt, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new GradException("no such file: " + mergesTxt);
        } catch (IOException e) {
            throw new GradException("cannot read " + mergesTxt + ": " + e.getMessage(), e);
        }
        List<String> merges = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isEmpty() || (i == 0 && line.startsWith("#version"))) {
                continue;
            }
            if (line.split(" ", -1).length != 2) {
                throw new GradException(mergesTxt + " line " + (i + 1) + ": not two symbols separated by a space");
            }
            merges.add(line);
        }
        return merges;
    }

    /** The largest token id plus one. */
    public int size() {
        return tokens.length;
    }

    /** The ids of {@code text}. */
    public int[] encode(String text) {
        List<Integer> out = new ArrayList<>();
        int from = 0;
        Integer special = ids.get(END_OF_TEXT);
        for (int at = special == null ? -1 : text.indexOf(END_OF_TEXT); at >= 0; at = text.indexOf(END_OF_TEXT, from)) {
            encodeOrdinary(text.substring(from, at), out);
            out.add(special);
            from = at + END_OF_TEXT.length();
        }
        encodeOrdinary(text.substring(from), out);
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    private void encodeOrdinary(String text, List<Integer> out) {
        Matcher m = PATTERN.matcher(text);
        while (m.find()) {
            for (int id : cache.computeIfAbsent(m.group(), this::encodePiece)) {
                out.add(id);
            }
        }
    }

    private int[] encodePiece(String piece) {
        byte[] bytes = piece.getBytes(StandardCharsets.UTF_8);
        List<String> word = new ArrayList<>(bytes.length);
        for (byte b : bytes) {
            word.add(String.valueOf(byteToChar[b & 0xff]));
        }
        while (word.size() > 1) {
            int best = -1;
            int bestRank = Integer.MAX_VALUE;
            for (int i = 0; i + 1 < word.size(); i++) {
                Integer rank = ranks.get(word.get(i) + " " + word.get(i + 1));
                if (rank != null && rank < bestRank) {
                    bestRank = rank;
                    best = i;
                }
            }
            if (best < 0) {
                break;
            }
            word = mergeAll(word, word.get(best), word.get(best + 1));
        }
        int[] result = new int[word.size()];
        for (int i = 0; i < result.length; i++) {
            Integer id = ids.get(word.get(i));
            if (id == null) {
                throw new GradException("the vocabulary has no token " + word.get(i) + " (from the merges)");
            }
            result[i] = id;
        }
        return result;
    }

    /** Every left-to-right occurrence of the pair {@code first second} in {@code word} merged, as encoder.py does. */
    private static List<String> mergeAll(List<String> word, String first, String second) {
        List<String> merged = new ArrayList<>(word.size());
        int i = 0;
        while (i < word.size()) {
            if (i + 1 < word.size() && word.get(i).equals(first) && word.get(i + 1).equals(second)) {
                merged.add(first + second);
                i += 2;
            } else {
                merged.add(word.get(i));
                i++;
            }
        }
        return merged;
    }

    /** The text of {@code ids}; bytes that are not valid UTF-8 become U+FFFD, as GPT-2's decoder does. */
    public String decode(int[] ids) {
        return new String(bytes(ids), StandardCharsets.UTF_8);
    }

    /** The raw bytes that {@code ids} stand for (a token may end inside a multi-byte character). */
    public byte[] bytes(int... ids) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int id : ids) {
            String token = token(id);
            for (int i = 0; i < token.length(); i++) {
                char c = token.charAt(i);
                int b = c < charToByte.length ? charToByte[c] : -1;
                if (b < 0) {   // a special token such as <|endoftext|> is spelled in plain characters
                    out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
                } else {
                    out.write(b);
                }
            }
        }
        return out.toByteArray();
    }

    /** The token's spelling in the vocabulary (bytes as their stand-in characters). */
    public String token(int id) {
        if (id < 0 || id >= tokens.length || tokens[id] == null) {
            throw new GradException("no token has id " + id);
        }
        return tokens[id];
    }

    /**
     * GPT-2's map from each byte to a printable character: the printable Latin-1 bytes stand for
     * themselves; the others (controls, space, ...) get the characters from U+0100 on, in byte order.
     */
    static int[] bytesToUnicode() {
        int[] map = new int[256];
        boolean[] printable = new boolean[256];
        for (int b = 0; b < 256; b++) {
            printable[b] = (b >= '!' && b <= '~') || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE && b <= 0xFF);
        }
        int next = 0;
        for (int b = 0; b < 256; b++) {
            map[b] = printable[b] ? b : 256 + next++;
        }
        return map;
    }
}
