package grad.data;

import grad.io.AtomicFiles;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** Writes a {@link Dataset} as a CSV file that {@link CsvDataset} reads back unchanged. */
public final class CsvExport {
    private CsvExport() {
    }

    /**
     * Writes {@code data} to {@code out}, atomically (see {@link AtomicFiles}): a header of the feature
     * names then {@code label}, then one row per example. Numbers are written with
     * {@link Double#toString(double)}, which parses back to the very same double; classes are written by
     * name. The label column is called {@code label} (or {@code label_} ... if a feature already has that
     * name). Lines end with {@code \n}; names are quoted only when they need it.
     *
     * <p>Reading the file back with the label as the last column gives the same features bit for bit and
     * the same class indices whenever the class names are in {@link CsvDataset}'s order (as they are for
     * generated and CSV-read datasets, and each class occurs at least once). Read a regression export with
     * {@link Task#REGRESSION}, since {@link Task#AUTO} may take whole-number targets for classes.
     *
     * @throws grad.GradException naming the file, if it cannot be written
     */
    public static void write(Dataset data, Path out) {
        List<String> header = new ArrayList<>(data.featureNames());
        String labelName = "label";
        while (header.contains(labelName)) {
            labelName += "_";
        }
        header.add(labelName);
        CSVFormat format = CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get();
        AtomicFiles.write(out, stream -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8));
            CSVPrinter printer = new CSVPrinter(writer, format);
            printer.printRecord(header);
            List<String> record = new ArrayList<>(header.size());
            for (int i = 0; i < data.size(); i++) {
                record.clear();
                for (int j = 0; j < data.featureCount(); j++) {
                    record.add(Double.toString(data.feature(i, j)));
                }
                record.add(data.isRegression()
                        ? Double.toString(data.target(i))
                        : data.classNames().get(data.label(i)));
                printer.printRecord(record);
            }
            printer.flush();
        });
    }
}
