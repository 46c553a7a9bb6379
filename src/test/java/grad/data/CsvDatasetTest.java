package grad.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CsvDatasetTest {
    /** Today's defaults before categories and filling: a text or missing feature value is an error. */
    private static final CsvOptions STRICT = CsvOptions.defaults().withMissing(MissingValues.ERROR)
            .withCategorical(false, List.of());
    @TempDir
    Path tmp;

    static Path resource(String name) {
        try {
            return Path.of(CsvDatasetTest.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new AssertionError(e);
        }
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(tmp.resolve(name), text, StandardCharsets.UTF_8);
    }

    // --- files that read

    @Test
    void readsStringLabelsInLexicographicOrder() {
        Dataset d = CsvDataset.read(resource("iris_tiny.csv"));
        assertThat(d.name()).isEqualTo("iris_tiny");
        assertThat(d.size()).isEqualTo(6);
        assertThat(d.featureNames()).containsExactly("sepal_length", "sepal_width", "petal_length", "petal_width");
        assertThat(d.classNames()).containsExactly("setosa", "versicolor", "virginica");
        assertThat(d.labels()).containsExactly(0, 1, 2, 0, 1, 2);
        assertThat(d.row(2)).containsExactly(6.3, 3.3, 6.0, 2.5);
        assertThat(d.isRegression()).isFalse();
    }

    @Test
    void readsIntegerLabelsInNumericOrder() {
        Dataset d = CsvDataset.read(resource("int_labels.csv"));
        assertThat(d.classNames()).containsExactly("0", "2", "10");
        assertThat(d.labels()).containsExactly(2, 1, 0, 1, 2);
        assertThat(d.row(2)).containsExactly(0.3, -4.0);
    }

    @ParameterizedTest
    @CsvSource({"kind", "0", " kind "})
    void readsALabelColumnThatIsNotLast(String label) {
        Dataset d = CsvDataset.read(resource("label_first.csv"), CsvOptions.defaults().withLabel(label));
        assertThat(d.featureNames()).containsExactly("width", "height", "weight");
        assertThat(d.classNames()).containsExactly("a", "b");
        assertThat(d.labels()).containsExactly(1, 0, 1);
        assertThat(d.row(1)).containsExactly(4.0, 5.0, 6.0);
    }

    @Test
    void narrowsAndReordersTheFeatures() {
        CsvOptions options = CsvOptions.defaults().withLabel("kind").withFeatures(List.of("weight", "width"));
        Dataset d = CsvDataset.read(resource("label_first.csv"), options);
        assertThat(d.featureNames()).containsExactly("weight", "width");
        assertThat(d.row(0)).containsExactly(3.0, 1.0);
    }

    @Test
    void readsOtherDelimiters() {
        Dataset semi = CsvDataset.read(resource("semicolon.csv"), CsvOptions.defaults().withDelimiter(';'));
        assertThat(semi.featureNames()).containsExactly("a", "b");
        assertThat(semi.classNames()).containsExactly("no", "yes");
        assertThat(semi.row(2)).containsExactly(5.0, 6.0);

        Dataset tabs = CsvDataset.read(resource("tabs.tsv"),
                CsvOptions.defaults().withDelimiter(CsvOptions.parseDelimiter("tab")));
        assertThat(tabs.name()).isEqualTo("tabs");
        assertThat(tabs.classNames()).containsExactly("cat", "dog");
        assertThat(tabs.row(1)).containsExactly(3.0, 4.0);
    }

    @Test
    void skipsAByteOrderMarkAndBlankLinesAndAcceptsCrLf() {
        Dataset d = CsvDataset.read(resource("bom_crlf.csv"));
        assertThat(d.featureNames()).containsExactly("x", "y");
        assertThat(d.size()).isEqualTo(2);
        assertThat(d.classNames()).containsExactly("a", "b");
    }

    @Test
    void fractionalLabelsMeanRegression() {
        Dataset d = CsvDataset.read(resource("regression.csv"));
        assertThat(d.isRegression()).isTrue();
        assertThat(d.targets()).containsExactly(250.25, 310.0, 180.75);
        assertThat(d.classNames()).isEmpty();
    }

    @Test
    void autoRuleCountsDistinctIntegerLabels() throws IOException {
        StringBuilder twenty = new StringBuilder("x,y\n");
        StringBuilder twentyOne = new StringBuilder("x,y\n");
        for (int i = 0; i < 21; i++) {
            if (i < 20) {
                twenty.append(i).append(',').append(i * 10).append('\n');
            }
            twentyOne.append(i).append(',').append(i * 10).append('\n');
        }
        Dataset classes = CsvDataset.read(write("twenty.csv", twenty.toString()));
        assertThat(classes.isRegression()).isFalse();
        assertThat(classes.classCount()).isEqualTo(20);
        assertThat(classes.classNames().get(19)).isEqualTo("190");
        Dataset numbers = CsvDataset.read(write("twenty_one.csv", twentyOne.toString()));
        assertThat(numbers.isRegression()).isTrue();
        assertThat(numbers.target(20)).isEqualTo(200.0);
    }

    @Test
    void taskCanBeForced() throws IOException {
        Path file = resource("regression.csv");
        Dataset classes = CsvDataset.read(file, CsvOptions.defaults().withTask(Task.CLASSIFY));
        assertThat(classes.classNames()).containsExactly("180.75", "250.25", "310");
        Dataset numbers = CsvDataset.read(resource("int_labels.csv"), CsvOptions.defaults().withTask(Task.REGRESSION));
        assertThat(numbers.targets()).containsExactly(10.0, 2.0, 0.0, 2.0, 10.0);
        Path words = write("words.csv", "a,y\n1,cat\n2,3\n");
        assertThat(CsvDataset.read(words).classNames()).containsExactly("3", "cat");
    }

    @Test
    void readsManyFeatures() throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int c = 0; c < 50; c++) {
            sb.append('f').append(c).append(',');
        }
        sb.append("label\n");
        for (int r = 0; r < 4; r++) {
            for (int c = 0; c < 50; c++) {
                sb.append(r * 100 + c).append(',');
            }
            sb.append(r % 2).append('\n');
        }
        Dataset d = CsvDataset.read(write("wide.csv", sb.toString()));
        assertThat(d.featureCount()).isEqualTo(50);
        assertThat(d.feature(3, 49)).isEqualTo(349.0);
    }

    // --- files that do not

    private static void assertFails(Path file, CsvOptions options, String expectedAfterFileName) {
        assertThatThrownBy(() -> CsvDataset.read(file, options))
                .isInstanceOf(DataException.class)
                .hasMessage(file + expectedAfterFileName)
                .satisfies(e -> assertThat(((DataException) e).exitCode()).isEqualTo(1))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n", "\r"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
        "empty.csv | :1: empty file, expected a header row and data rows",
        "header_only.csv | :1: only a header row, no data rows",
        "ragged.csv | :4: expected 3 fields, found 2",
        "infinity.csv | :3: column 2 \"b\": not a finite number: \"-Infinity\"",
        "overflow.csv | :3: column 2 \"b\": number too large: \"1e999\"",
        "one_class.csv | : column 3 \"label\": only one class, \"same\", in 3 rows; classification needs at least two",
        "empty_label.csv | : column 3 \"label\": only one class, \"x\", in 1 rows; classification needs at least two",
        "duplicate_header.csv | :1: column 3 \"x\": duplicate column name (also column 1)",
        "empty_header_name.csv | :1: column 2: empty column name in the header row",
        "unterminated_quote.csv | :3: malformed CSV: EOF reached before encapsulated token finished",
        "bad_quote.csv | :3: malformed CSV: Invalid character between encapsulated token and delimiter",
        "binary.csv | :4: binary data (NUL byte), expected a UTF-8 text CSV file",
        "latin1.csv | :3: not UTF-8 text (byte 0xE9); save the file as UTF-8",
        "only_label.csv | :1: no feature columns: the only column, \"label\", is the label",
    })
    void reportsBadFilesOnOneLineWithFileLineAndColumn(String fixture, String expected) {
        assertFails(resource("errors/" + fixture), CsvOptions.defaults(), expected);
    }

    /** Without categories (--categorical none) a text value is an error; with --missing error a missing one. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
        "bad_number.csv | :7: column 3 \"petal_width\": not a number: \"abc\"",
        "nan.csv | :2: column 2 \"b\": missing value",
        "missing_value.csv | :2: column 2 \"b\": missing value",
    })
    void reportsTextAndMissingValuesWhenAskedTo(String fixture, String expected) {
        assertFails(resource("errors/" + fixture), STRICT, expected);
    }

    @Test
    void aDecimalCommaIsNotANumber() {
        assertFails(resource("errors/decimal_comma.csv"), CsvOptions.defaults().withDelimiter(';'),
                ":2: column 1 \"a\": not a number: \"1,5\"");
    }

    @Test
    void aLabelThatIsNotANumberFailsRegression() {
        assertFails(resource("iris_tiny.csv"), CsvOptions.defaults().withTask(Task.REGRESSION),
                ":2: column 5 \"species\": not a number: \"setosa\"");
    }

    @Test
    void reportsBadColumnChoices() {
        Path iris = resource("iris_tiny.csv");
        String columns = "columns: \"sepal_length\", \"sepal_width\", \"petal_length\", \"petal_width\", \"species\"";
        assertFails(iris, CsvOptions.defaults().withLabel("specie"),
                ":1: no label column \"specie\"; " + columns);
        assertFails(iris, CsvOptions.defaults().withLabel("5"),
                ":1: label column index 5 is out of range: 5 columns, indices 0-4: "
                        + columns.substring("columns: ".length()));
        assertFails(iris, CsvOptions.defaults().withLabel("99999999999"),
                ":1: label column index 99999999999 is out of range: 5 columns, indices 0-4: "
                        + columns.substring("columns: ".length()));
        assertFails(iris, CsvOptions.defaults().withFeatures(List.of("sepal_length", "petal")),
                ":1: no feature column \"petal\"; " + columns);
        assertFails(iris, CsvOptions.defaults().withFeatures(List.of("sepal_length", "species")),
                ":1: column 5 \"species\" is the label column, it cannot also be a feature");
        assertFails(iris, CsvOptions.defaults().withFeatures(List.of("sepal_length", "sepal_length")),
                ":1: column 1 \"sepal_length\" is listed twice as a feature");
    }

    @Test
    void longColumnListsAreCut() throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int c = 0; c < 30; c++) {
            sb.append(c == 0 ? "" : ",").append('c').append(c);
        }
        Path wide = write("wide.csv", sb + "\n" + "1,".repeat(29) + "1\n");
        assertThatThrownBy(() -> CsvDataset.read(wide, CsvOptions.defaults().withLabel("nope")))
                .hasMessageEndingWith("\"c11\", ... (30 columns)");
    }

    @Test
    void reportsMissingFilesAndDirectories() {
        Path missing = tmp.resolve("nowhere.csv");
        assertFails(missing, CsvOptions.defaults(), ": no such file");
        assertFails(tmp, CsvOptions.defaults(), ": is a directory, not a CSV file");
    }

    @Test
    void quotesOddValuesOnOneLine() throws IOException {
        Path file = write("odd.csv", "a,label\n\"1\n2\",x\n3,y\n");
        assertFails(file, STRICT, ":2: column 1 \"a\": not a number: \"1\\n2\"");
    }

    @ParameterizedTest
    @CsvSource({"'\r\n'", "'\r'", "'\n'"})
    void countsLinesWhateverTheLineEnding(String eol) throws IOException {
        String nl = eol.replace("\\r", "\r").replace("\\n", "\n");
        Path file = write("eol.csv", "a,label" + nl + "1,x" + nl + nl + "\"2" + nl + "\",y" + nl + "zz,y" + nl);
        assertFails(file, STRICT, ":6: column 1 \"a\": not a number: \"zz\"");
    }

    @Test
    void rejectsUnusableDelimiters() {
        assertThatThrownBy(() -> CsvOptions.defaults().withDelimiter('"'))
                .isInstanceOf(DataException.class)
                .hasMessage("invalid CSV delimiter \"\\\"\"");
        assertThatThrownBy(() -> CsvOptions.parseDelimiter(";;"))
                .isInstanceOf(DataException.class)
                .hasMessage("invalid CSV delimiter \";;\"; expected one character such as , or ; or the word tab");
        assertThat(CsvOptions.parseDelimiter("\\t")).isEqualTo('\t');
        assertThat(CsvOptions.parseDelimiter(";")).isEqualTo(';');
    }
}
