package grad.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import grad.GradException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A malformed record is named by the line it starts on, counted from the parser's positions. */
class CsvRecordsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
        // a quoted field spanning lines 2-3, blank lines 4-5, the bad record on line 6
        "multi-line record and blank lines before | a,b\\n\"x\\ny\",1\\n\\n\\n3,\"4\"x\\n | 6 | Invalid character between encapsulated token and delimiter",
        "CRLF line ends | a,b\\r\\n1,2\\r\\n3,\"4\"x\\r\\n | 3 | Invalid character between encapsulated token and delimiter",
        "CR line ends | a,b\\r1,2\\r\\r3,\"4\"x\\r | 4 | Invalid character between encapsulated token and delimiter",
        // the open quote is on line 3, but its record starts on line 2
        "open quote in a record's second line | a,b\\n1,\"x\\ny\",\"open\\n5,6\\n | 2 | EOF reached before encapsulated token finished",
        "the first record | \"a\"x,b\\n1,2\\n | 1 | Invalid character between encapsulated token and delimiter",
    })
    void aMalformedRecordIsNamedByTheLineItStartsOn(String name, String escaped, long line, String reason) {
        String text = escaped.replace("\\r", "\r").replace("\\n", "\n");

        assertThatThrownBy(() -> CsvRecords.parse(text, ',', "f.csv"))
                .isInstanceOf(GradException.class)
                .hasMessage("f.csv:" + line + ": malformed CSV: " + reason);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
        "blank lines | \\n\\na,b\\n\\n1,2\\n | 3,5",
        "a quoted line break | a,b\\n\"1\\n2\",3\\n4,5 | 1,2,4",
    })
    void goodRecordsKeepTheLineTheyStartOn(String name, String escaped, String lines) {
        String text = escaped.replace("\\n", "\n");

        assertThat(CsvRecords.parse(text, ',', "f.csv").stream().map(r -> String.valueOf(r.line())))
                .containsExactly(lines.split(","));
    }
}
