package grad.cli;

import grad.data.CsvExport;
import grad.data.Dataset;
import grad.train.DataPlan;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code grad export}: writes a generated dataset as CSV ({@code x,y,label}). */
@Command(name = "export", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Writes a generated dataset as CSV (x,y,label). Training from that file with "
                + "--test-split 0 --no-standardize reproduces training on the generated data with the same seed.")
public final class ExportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DatasetOptions data;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "the CSV file to write")
    Path out;

    @Override
    public Integer call() {
        data.validate(spec, false);
        Dataset dataset = DataPlan.generate(data.dataset, data.classSize, data.seed, data.noise);
        CsvExport.write(dataset, out);
        spec.commandLine().getOut().println("wrote " + dataset.size() + " rows of " + dataset.name() + " to " + out);
        return 0;
    }
}
