package grad.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import grad.GradException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Reading a file of lines as microgpt does, and its vocabulary: expected values written out by hand. */
class DocumentsTest {
    @TempDir
    Path dir;

    private Documents read(String text) throws IOException {
        Path file = dir.resolve("lines.txt");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return Documents.read(file);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 5, 31, 1000})
    void shuffledIsCollectionsShufflesOrder(int n) {
        for (long seed : new long[] {0, 42, 43}) {
            List<Integer> list = new java.util.ArrayList<>(java.util.stream.IntStream.range(0, n).boxed().toList());
            java.util.Collections.shuffle(list, new java.util.Random(seed));
            assertThat(Documents.shuffled(n, new java.util.Random(seed))).as("seed %d", seed)
                    .containsExactly(list.stream().mapToInt(Integer::intValue).toArray());
        }
    }

    @Test
    void linesEndAtAnyLineBreakAreStrippedAndBlankOnesAreSkippedKeepingTheirNumbers() throws IOException {
        Documents docs = read("  emma \r\nolivia\rava\n\n \t \nisabella\r\n\r\nmia");
        assertThat(docs.lines()).containsExactly("emma", "olivia", "ava", "isabella", "mia");
        assertThat(docs.numbers()).containsExactly(1, 2, 3, 6, 8);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ava\n", "ava\r\n", "ava\r", "\nava", "ava"})
    void aLineBreakAtEitherEndAddsNoDocument(String text) throws IOException {
        assertThat(read(text).lines()).containsExactly("ava");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "\n", " \r\n\t\r"})
    void aFileOfNoLinesIsRefusedNamingIt(String text) {
        assertThatThrownBy(() -> read(text)).isInstanceOf(GradException.class)
                .hasMessageContaining("lines.txt").hasMessageContaining("no lines to learn from");
    }

    @Test
    void theVocabularyIsTheSortedDistinctCodePointsAndEncodesEachOne() throws IOException {
        Documents docs = read("bca\nzé😀a\n");
        Vocabulary vocab = Vocabulary.of(docs);
        assertThat(vocab.chars()).containsExactly("a", "b", "c", "z", "é", "😀");
        assertThat(docs.longest()).as("code points, not chars").isEqualTo(4);
        assertThat(vocab.size()).isEqualTo(7);
        assertThat(vocab.bos()).isEqualTo(6);
        assertThat(vocab.encode("😀zéa")).containsExactly(5, 3, 4, 0);
        assertThat(vocab.encode("aqb")).containsExactly(0, -1, 1);
        assertThat(vocab.unknown("ab😃q")).isEqualTo("😃");
        assertThat(vocab.unknown("abc")).isNull();
    }

    @Test
    void aVocabularyInAnyIdOrderEncodesByItsOwnIds() {
        Vocabulary vocab = new Vocabulary(List.of("z", "a", "m"));
        assertThat(vocab.encode("amz")).containsExactly(1, 2, 0);
        assertThat(vocab.decode(0)).isEqualTo("z");
    }
}
