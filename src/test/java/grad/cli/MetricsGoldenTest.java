package grad.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The metrics file and the report page of short runs are byte for byte what they were before the metrics
 * became typed records and the page a template (issue 31). The fixtures under
 * {@code src/test/resources/grad/train/golden/<case>/} were written by main's jar at 1676150 with the same
 * arguments, e.g. {@code java -jar grad.jar --dataset xor --epochs 3 --no-plots -o golden/xor}.
 */
class MetricsGoldenTest {
    private static final Path GOLDEN = Path.of("src/test/resources/grad/train/golden");

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "xor    | xor    | --dataset xor --epochs 3 --no-plots",
        "houses | houses | --dataset src/test/resources/grad/cli/houses.csv --delimiter ; --label price --epochs 4 --early-stopping 2 --no-plots",
        "adam   | moons  | --dataset moons --optimizer adam --epochs 2 --no-plots",
    })
    void theMetricsFileAndThePageAreWhatTheyWere(String name, String data, String args) throws IOException {
        List<String> all = new ArrayList<>(List.of(args.split(" ")));
        all.addAll(List.of("-o", dir.toString()));
        Cli.ok(all);

        for (String file : List.of("metrics_" + data + ".json", "report.html")) {
            assertThat(Files.readString(dir.resolve(file))).as(file)
                    .isEqualTo(Files.readString(GOLDEN.resolve(name).resolve(file)));
        }
    }
}
