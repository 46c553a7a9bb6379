package grad.gpt2;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BpeTest {
    private static final Bpe BPE = Bpe.load(Reference.tinyModel().resolve("vocab.json"),
            Reference.tinyModel().resolve("merges.txt"));

    static Stream<Arguments> encodings() {
        return Reference.json().getAsJsonArray("encodings").asList().stream().map(JsonElement::getAsJsonObject)
                .map(o -> Arguments.of(o.get("text").getAsString(), Reference.ints(o, "ids")));
    }

    @ParameterizedTest
    @MethodSource("encodings")
    void encodesAsGpt2sAlgorithmDoes(String text, int[] expected) {
        assertThat(BPE.encode(text)).as(text).containsExactly(expected);
    }

    @ParameterizedTest
    @MethodSource("encodings")
    void decodingGivesTheTextBack(String text, int[] ids) {
        assertThat(BPE.decode(ids)).isEqualTo(text);
    }

    @Test
    void theByteMapIsGpt2s() {
        int[] map = Bpe.bytesToUnicode();
        assertThat(Arrays.stream(map).distinct().count()).isEqualTo(256);
        assertThat(map['A']).isEqualTo('A');
        assertThat(map[' ']).isEqualTo(0x120);   // "Ġ", the space that starts GPT-2's words
        assertThat(map['\n']).isEqualTo(0x10A);   // "Ċ"
        assertThat(map[0xAD]).isEqualTo(0x143);   // the soft hyphen, the last non-printable byte
    }

    @Test
    void aTokenCanEndInsideACharacter() {
        byte[] emoji = "🤗".getBytes(StandardCharsets.UTF_8);
        int[] ids = BPE.encode("🤗");
        byte[] joined = new byte[0];
        for (int id : ids) {
            byte[] b = BPE.bytes(id);
            byte[] next = Arrays.copyOf(joined, joined.length + b.length);
            System.arraycopy(b, 0, next, joined.length, b.length);
            joined = next;
        }
        assertThat(joined).isEqualTo(emoji);
    }

    @Test
    void endOfTextIsOneToken() {
        int[] ids = BPE.encode("<|endoftext|>");
        assertThat(ids).hasSize(1);
        assertThat(BPE.token(ids[0])).isEqualTo(Bpe.END_OF_TEXT);
        assertThat(ids[0]).isEqualTo(BPE.size() - 1);   // the fixture script gives it the last id
    }
}
