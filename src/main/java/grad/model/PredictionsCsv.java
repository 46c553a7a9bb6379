package grad.model;

import grad.GradException;
import grad.io.AtomicFiles;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The writing part of {@link Predictions}: the input's columns, then {@code predicted} and, for
 * classification, one {@code p_<class>} column per class (a name already taken gets {@code _} appended).
 */
final class PredictionsCsv {
    private final SavedModel model;
    private final InputCsv input;
    private final PredictedOutputs outputs;

    PredictionsCsv(SavedModel model, InputCsv input, PredictedOutputs outputs) {
        this.model = model;
        this.input = input;
        this.outputs = outputs;
    }

    /** Writes the predictions as CSV to {@code out} (lines end with {@code \n}). */
    void write(Appendable out) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(input.delimiter()).setRecordSeparator('\n').get();
        CSVPrinter printer = new CSVPrinter(out, format);
        printer.printRecord(header());
        for (int i = 0; i < input.rows().size(); i++) {
            printer.printRecord(record(i));
        }
        printer.flush();
    }

    /** Writes the predictions as a CSV file, atomically; a {@link GradException} names it if it cannot be written. */
    void write(Path file) {
        AtomicFiles.write(file, stream -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8));
            write(writer);
            writer.flush();
        });
    }

    private List<String> record(int i) {
        List<String> record = new ArrayList<>(List.of(input.rows().get(i)));
        if (model.isRegression()) {
            record.add(Double.toString(outputs.values()[i]));
        } else {
            record.add(model.classes().get(outputs.classes()[i]));
            for (double p : outputs.probabilities()[i]) {
                record.add(Double.toString(p));
            }
        }
        return record;
    }

    /** The output's column names: the input's, {@code predicted}, then {@code p_<class>} per class. */
    private List<String> header() {
        List<String> header = new ArrayList<>(input.header());
        Set<String> taken = new HashSet<>(input.names());
        header.add(unique("predicted", taken));
        for (String c : model.classes()) {
            header.add(unique("p_" + c, taken));
        }
        return header;
    }

    private static String unique(String name, Set<String> taken) {
        String n = name;
        while (!taken.add(n)) {
            n += "_";
        }
        return n;
    }
}
