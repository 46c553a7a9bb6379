package grad.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import grad.GradException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Text columns one-hot encoded and missing cells filled, with categories and fill values learned from the
 * training rows only; every expected value below is worked out by hand from the little files.
 */
class FeatureEncodingTest {
    @TempDir
    Path tmp;

    private Path write(String name, String text) throws IOException {
        Path file = tmp.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    private CsvTable table(String text, CsvOptions options) throws IOException {
        return CsvDataset.readTable(write("t.csv", text), options);
    }

    @Test
    void textColumnsAreOneHotInSortedOrder() throws IOException {
        CsvTable t = table("age,sex,port,survived\n22,male,S,0\n38,female,C,1\n26,female,S,1\n35,male,Q,0\n",
                CsvOptions.defaults());
        FeatureEncoding e = FeatureEncoding.fit(t, new int[] {0, 1, 2, 3}, MissingValues.MEAN);
        assertThat(e.inputNames()).containsExactly("age", "sex=female", "sex=male", "port=C", "port=Q", "port=S");
        assertThat(e.describe()).isEqualTo("age, sex (2 categories → 2 columns), port (3 categories → 3 columns)");
        Dataset d = e.encode(t, new int[3]);
        assertThat(d.row(0)).containsExactly(22, 0, 1, 0, 0, 1);
        assertThat(d.row(1)).containsExactly(38, 1, 0, 1, 0, 0);
        assertThat(d.row(3)).containsExactly(35, 0, 1, 0, 1, 0);
        assertThat(d.classNames()).containsExactly("0", "1");
        assertThat(d.labels()).containsExactly(0, 1, 1, 0);
    }

    @Test
    void meanAndMedianComeFromTheTrainingRowsOnly() throws IOException {
        // x: 1, 2, (missing), 10 | 100, 4; the last two rows are held out. Training mean (1+2+10)/3 = 13/3, median 2;
        // were the held-out 100 and 4 leaked, the mean would be 117/5 = 23.4 and the median 4.
        String text = "x,label\n1,a\n2,b\n,a\n10,b\n100,a\n4,b\n";
        int[] train = {0, 1, 2, 3};
        CsvTable t = table(text, CsvOptions.defaults());
        FeatureEncoding mean = FeatureEncoding.fit(t, train, MissingValues.MEAN);
        assertThat(mean.columns().get(0).fill()).isEqualTo(13.0 / 3);
        assertThat(mean.encode(t, new int[1]).feature(2, 0)).isEqualTo(13.0 / 3);
        FeatureEncoding median = FeatureEncoding.fit(t, train, MissingValues.MEDIAN);
        assertThat(median.columns().get(0).fill()).isEqualTo(2.0);
        // an even count: the mean of the two middle values, (2 + 10) / 2
        assertThat(FeatureEncoding.fit(t, new int[] {0, 1, 2, 3, 5}, MissingValues.MEDIAN).columns().get(0).fill())
                .isEqualTo(3.0);
        assertThat(t.missingCounts()).containsExactly(1);
    }

    @Test
    void categoriesComeFromTheTrainingRowsAndAnUnseenOneIsAllZeros() throws IOException {
        CsvTable t = table("port,label\nS,a\nC,b\nS,a\nQ,b\n", CsvOptions.defaults());
        FeatureEncoding e = FeatureEncoding.fit(t, new int[] {0, 1, 2}, MissingValues.MEAN);
        assertThat(e.inputNames()).containsExactly("port=C", "port=S");
        int[] unseen = new int[1];
        Dataset d = e.encode(t, unseen);
        assertThat(d.row(3)).containsExactly(0, 0);
        assertThat(unseen).containsExactly(1);
    }

    @Test
    void missingTextIsACategoryOfItsOwnAndNaNTextIsMissing() throws IOException {
        CsvTable t = table("port,fare,label\nS,1,a\n?,NaN,b\nNA,3,a\nC,na,b\n", CsvOptions.defaults());
        FeatureEncoding e = FeatureEncoding.fit(t, new int[] {0, 1, 2, 3}, MissingValues.MEAN);
        assertThat(e.inputNames()).containsExactly("port=C", "port=S", "port=(missing)", "fare");
        assertThat(e.describe()).isEqualTo("port (2 categories + missing → 3 columns), fare");
        Dataset d = e.encode(t, new int[2]);
        assertThat(d.row(1)).containsExactly(0, 0, 1, 2);   // fare: the mean of 1 and 3
        assertThat(t.missingCounts()).containsExactly(2, 2);
    }

    @Test
    void codesCanBeForcedToBeCategoriesInNumericOrder() throws IOException {
        CsvTable t = table("class,label\n10,a\n2,b\n1,a\n2,b\n", CsvOptions.defaults().withCategorical(true, List.of("class")));
        FeatureEncoding e = FeatureEncoding.fit(t, new int[] {0, 1, 2, 3}, MissingValues.MEAN);
        assertThat(e.inputNames()).containsExactly("class=1", "class=2", "class=10");
        assertThat(e.encode(t, new int[1]).row(0)).containsExactly(0, 0, 1);
    }

    @Test
    void withoutAutoCategoriesTextIsAnError() throws IOException {
        Path file = write("t.csv", "sex,label\nmale,a\nfemale,b\n");
        assertThatThrownBy(() -> CsvDataset.readTable(file, CsvOptions.defaults().withCategorical(false, List.of())))
                .isInstanceOf(DataException.class).hasMessage(file + ":2: column 1 \"sex\": not a number: \"male\"");
    }

    @Test
    void anInfinityInANumberColumnStaysAnError() throws IOException {
        Path file = write("t.csv", "x,label\n1,a\ninf,b\n");
        assertThatThrownBy(() -> CsvDataset.readTable(file, CsvOptions.defaults()))
                .isInstanceOf(DataException.class).hasMessage(file + ":3: column 1 \"x\": not a finite number: \"inf\"");
    }

    @Test
    void dropLeavesOutRowsWithAMissingFeatureAndRowsWithoutALabelAreAlwaysLeftOut() throws IOException {
        String text = "x,y,label\n1,2,a\n,3,b\nNA,4,\n5,?,a\n6,7,b\n8,9,?\n";
        CsvTable dropped = table(text, CsvOptions.defaults().withMissing(MissingValues.DROP));
        assertThat(dropped.size()).isEqualTo(2);
        assertThat(dropped.dropped()).isEqualTo(new CsvTable.Dropped(2, 2));
        assertThat(dropped.line(1)).isEqualTo(6);
        CsvTable filled = table(text, CsvOptions.defaults());
        assertThat(filled.size()).isEqualTo(4);
        assertThat(filled.dropped()).isEqualTo(new CsvTable.Dropped(2, 0));
    }

    @Test
    void aTextColumnWithAThousandDistinctValuesIsRefused() throws IOException {
        StringBuilder sb = new StringBuilder("name,age,label\n");
        for (int i = 0; i < 1000; i++) {
            sb.append("passenger ").append(i).append(',').append(i % 80).append(',').append(i % 2).append('\n');
        }
        Path file = write("ids.csv", sb.toString());
        assertThatThrownBy(() -> CsvDataset.readTable(file, CsvOptions.defaults()))
                .isInstanceOf(DataException.class)
                .hasMessage(file + ": column 1 \"name\": 1000 distinct text values (at most 999 categories); an identifier?"
                        + " leave it out with --features age");
        sb.setLength(sb.lastIndexOf("passenger 999"));
        Files.writeString(file, sb.toString());
        assertThat(CsvDataset.readTable(file, CsvOptions.defaults()).isCategorical(0)).isTrue();
    }

    @Test
    void categoricalColumnsMustBeFeatures() throws IOException {
        Path file = write("t.csv", "x,y,label\n1,2,a\n3,4,b\n");
        assertThatThrownBy(() -> CsvDataset.readTable(file, CsvOptions.defaults().withCategorical(true, List.of("label"))))
                .isInstanceOf(GradException.class).hasMessageContaining("\"label\" is the label column")
                .satisfies(e -> assertThat(((GradException) e).exitCode()).isEqualTo(2));
    }

    @Test
    void oneHotInputsAreNotStandardized() throws IOException {
        CsvTable t = table("x,sex,label\n1,m,a\n3,f,b\n", CsvOptions.defaults());
        FeatureEncoding e = FeatureEncoding.fit(t, new int[] {0, 1}, MissingValues.MEAN);
        Standardizer s = Standardizer.fit(e.encode(t, new int[2]), e.oneHotInputs());
        assertThat(s.means()).containsExactly(2, 0, 0);
        assertThat(s.stds()).containsExactly(1, 1, 1);   // x: population std of 1 and 3 is 1
    }
}
