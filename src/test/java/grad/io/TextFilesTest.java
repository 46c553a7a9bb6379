package grad.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import grad.GradException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link TextFiles#read}: ASCII (read as it is), UTF-8 (decoded, a byte-order mark dropped), and bad bytes named by line. */
class TextFilesTest {
    @TempDir
    Path dir;

    private String read(byte[] bytes) throws IOException {
        return TextFiles.read(Files.write(dir.resolve("f.txt"), bytes), "text file");
    }

    @Test
    void asciiAndUtf8AreTheirCharacters() throws IOException {
        for (String text : new String[] {"", "emma\nolivia\r\nava\rx", "a,b\n1,2\n", "émilie\nzoë 😀\n名前"}) {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            assertThat(read(bytes)).isEqualTo(new String(bytes, StandardCharsets.UTF_8)).isEqualTo(text);
        }
    }

    @Test
    void aByteOrderMarkIsDropped() throws IOException {
        assertThat(read("\uFEFFemma\n".getBytes(StandardCharsets.UTF_8))).isEqualTo("emma\n");
    }

    @Test
    void aNulByteOrABadByteIsNamedByItsLine() {
        assertThatThrownBy(() -> read("a\nb\n\0c".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(GradException.class).hasMessageEndingWith(":3: binary data (NUL byte), expected a UTF-8 text text file");
        assertThatThrownBy(() -> read(new byte[] {'a', '\n', (byte) 0xE9, 't', 'e'}))
                .isInstanceOf(GradException.class).hasMessageEndingWith(":2: not UTF-8 text (byte 0xE9); save the file as UTF-8");
    }
}
