package grad.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CsvExportTest {
    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(SyntheticDataset.class)
    void roundTripIsBitIdentical(SyntheticDataset kind) throws IOException {
        Dataset data = kind.generate(40, 77);
        Path file = tmp.resolve(kind.canonicalName() + ".csv");
        CsvExport.write(data, file);

        Dataset back = CsvDataset.read(file);
        assertThat(back.name()).isEqualTo(kind.canonicalName());
        assertThat(back.featureNames()).containsExactly("x", "y");
        assertThat(back.classNames()).isEqualTo(data.classNames());
        assertThat(back.labels()).isEqualTo(data.labels());
        for (int i = 0; i < data.size(); i++) {
            for (int j = 0; j < 2; j++) {
                assertThat(Double.doubleToRawLongBits(back.feature(i, j)))
                        .isEqualTo(Double.doubleToRawLongBits(data.feature(i, j)));
            }
        }
        assertThat(Files.readAllLines(file).get(0)).isEqualTo("x,y,label");
        try (Stream<Path> files = Files.list(tmp)) {
            assertThat(files).containsExactly(file);   // no temporary file left behind
        }
    }

    @Test
    void awkwardValuesAndNamesSurvive() throws IOException {
        double[][] f = {{-0.0, Double.MIN_VALUE}, {1e300, 0.1 + 0.2}, {-123456.789e-10, 5}};
        Dataset data = Dataset.classification("odd", List.of("a,b", "label"), f, new int[] {0, 1, 0},
                List.of("big cat", "x\"y"));
        Path file = tmp.resolve("odd.csv");
        CsvExport.write(data, file);
        assertThat(Files.readAllLines(file).get(0)).isEqualTo("\"a,b\",label,label_");
        Dataset back = CsvDataset.read(file);
        assertThat(back.featureNames()).containsExactly("a,b", "label");
        assertThat(back.features()).isDeepEqualTo(data.features());
        assertThat(Double.doubleToRawLongBits(back.feature(0, 0))).isEqualTo(Double.doubleToRawLongBits(-0.0));
        assertThat(back.classNames()).containsExactly("big cat", "x\"y");
        assertThat(back.labels()).containsExactly(0, 1, 0);
    }

    @Test
    void regressionTargetsRoundTrip() {
        Dataset data = Dataset.regression("r", List.of("x"), new double[][] {{1}, {2}, {3}},
                new double[] {1.0, 2.0, 1.0 / 3});
        Path file = tmp.resolve("r.csv");
        CsvExport.write(data, file);
        Dataset back = CsvDataset.read(file, CsvOptions.defaults().withTask(Task.REGRESSION));
        assertThat(back.targets()).isEqualTo(data.targets());
    }
}
