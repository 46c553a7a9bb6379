package grad.gpt2;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TextStreamTest {

    @Test
    void aCharacterSplitBetweenTokensWaitsForItsLastByte() {
        TextStream text = new TextStream();
        byte[] hug = "🤗".getBytes(StandardCharsets.UTF_8);   // f0 9f a4 97
        assertThat(text.add(new byte[] {'a', hug[0], hug[1]})).isEqualTo("a");
        assertThat(text.add(new byte[] {hug[2]})).isEmpty();
        assertThat(text.add(new byte[] {hug[3], 'b'})).isEqualTo("🤗b");
        assertThat(text.finish()).isEmpty();
    }

    @Test
    void bytesThatCanNeverFormACharacterAreNotHeldBack() {
        TextStream text = new TextStream();
        assertThat(text.add(new byte[] {'a', (byte) 0xff})).isEqualTo("a\ufffd");
        assertThat(text.add(new byte[] {(byte) 0xe6, (byte) 0x9c})).isEmpty();   // two of 本's three bytes
        assertThat(text.finish()).isEqualTo("\ufffd");
    }
}
