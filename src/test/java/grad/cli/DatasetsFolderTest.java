package grad.cli;

import static org.assertj.core.api.Assertions.assertThat;

import grad.data.SyntheticDataset;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code datasets/} holds every generated dataset, exported as {@code datasets/README.md} says. */
class DatasetsFolderTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(SyntheticDataset.class)
    void eachFileIsTheExportOfItsDatasetAtTheDefaults(SyntheticDataset d) throws IOException {
        Path out = dir.resolve(d.canonicalName() + ".csv");
        Cli run = Cli.run("export", "--dataset", d.canonicalName(), "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        Path committed = Path.of("datasets", d.canonicalName() + ".csv");
        assertThat(Files.readString(committed)).isEqualTo(Files.readString(out));
        assertThat(Files.readString(Path.of("datasets", "README.md"))).contains("`" + d.canonicalName() + ".csv`");
    }
}
