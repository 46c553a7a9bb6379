package grad.data;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Feeds arbitrary bytes to {@link CsvDataset#read}: whatever the file holds, the reader must either
 * return a dataset or throw a {@link DataException}, never anything else.
 *
 * <p>{@code mvn test} replays the inputs committed under
 * {@code src/test/resources/grad/data/CsvDatasetFuzzTestInputs/readsAnyBytes/}; {@code mvn -Pfuzz test}
 * lets Jazzer look for new ones.
 */
class CsvDatasetFuzzTest {
    private static final List<CsvOptions> OPTIONS = List.of(
            CsvOptions.defaults(),
            CsvOptions.defaults().withLabel("0").withDelimiter(';'),
            CsvOptions.defaults().withTask(Task.REGRESSION).withDelimiter('\t'),
            CsvOptions.defaults().withLabel("label").withFeatures(List.of("x")).withTask(Task.CLASSIFY));

    @FuzzTest(maxDuration = "30s")
    void readsAnyBytes(byte[] bytes) throws IOException {
        check(bytes);
    }

    /** Reads {@code bytes} as a CSV file with each option set; fails on anything but a DataException. */
    static void check(byte[] bytes) throws IOException {
        Path file = Files.createTempFile("fuzz", ".csv");
        try {
            Files.write(file, bytes);
            for (CsvOptions options : OPTIONS) {
                try {
                    Dataset d = CsvDataset.read(file, options);
                    if (d.size() == 0 || d.featureCount() == 0) {
                        throw new AssertionError("an empty dataset was read without an error: " + d);
                    }
                } catch (DataException e) {
                    if (e.getMessage().contains("\n") || e.getMessage().contains("\r")) {
                        throw new AssertionError("a message on more than one line: " + e.getMessage(), e);
                    }
                }
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
