package grad.cli;

import grad.io.AtomicFiles;
import grad.plot.LrFindPlot;
import grad.train.LrFindReport;
import grad.train.LrFinder;
import grad.train.ModelPlan;
import grad.train.TrainingPlan;
import grad.train.TrainingRun;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/**
 * {@code grad lr-find}: the learning-rate range test ({@link LrFinder}) with the training command's own
 * options, read by the training command itself, so that they are the same options with the same checks.
 */
@Command(name = "lr-find", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Finds a learning rate: from the initial weights of the training run the same options would make,"
                + " raises the rate exponentially from 1e-6 to 10 over 300 minibatches, stops once the loss explodes,"
                + " and suggests a third of the rate where the smoothed loss falls fastest.",
            "Prints 'suggested lr: X' and writes lr_find_<name>.png (loss against learning rate) and report.html"
                    + " (the data, the network, the settings, the suggestion, the picture) in --output-dir;"
                    + " --no-report skips the page.",
            "Takes the options of training (see grad --help): --dataset, --hidden-units, --activation, --loss, --init,"
                    + " --batch-size, --momentum, --seed, CSV options, --output-dir, ...; --lr and --epochs are ignored."},
        footer = {"", "Example:", "  java -jar grad.jar lr-find --dataset moons && java -jar grad.jar --dataset moons --lr <suggested>"})
public final class LrFindCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Unmatched
    List<String> args = new ArrayList<>();

    @Override
    public Integer call() {
        GradCommand training = new GradCommand();
        CommandLine parser = new CommandLine(training);
        parser.setOut(spec.commandLine().getOut());
        parser.setErr(spec.commandLine().getErr());
        try {
            parser.parseArgs(args.toArray(String[]::new));
        } catch (ParameterException e) {
            throw new ParameterException(spec.commandLine(), OptionRanges.message(e), e);
        }
        if (!parser.getParseResult().subcommands().isEmpty() || parser.getParseResult().hasMatchedOption("--load-model")) {
            throw new ParameterException(spec.commandLine(), "lr-find takes the training options only, not a subcommand or --load-model");
        }
        TrainingPlan plan;
        try {
            plan = training.plan();
        } catch (ParameterException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        if (plan.model() instanceof ModelPlan.Loaded) {
            throw new ParameterException(spec.commandLine(), "lr-find does not take --load-model");
        }
        find(plan, spec.commandLine().getOut(), spec.commandLine().getErr(), plan.outputs().report());
        return 0;
    }

    /**
     * Runs the test for {@code plan}, writes its picture (unless {@code --no-plots}), prints what it tried and {@code suggested lr: X};
     * returns X.
     */
    static double find(TrainingPlan plan, PrintWriter out, PrintWriter err) {
        return find(plan, out, err, false);
    }

    /** {@link #find(TrainingPlan, PrintWriter, PrintWriter)}, writing {@code report.html} too if {@code report}. */
    private static double find(TrainingPlan plan, PrintWriter out, PrintWriter err, boolean report) {
        LrFindReport found = new TrainingRun(plan, out, err).lrFind();
        LrFinder.Result r = found.result();
        if (r.lrs().length == 0) {
            throw new grad.GradException("the loss was not finite at the first minibatch, at lr 1e-6; check --init");
        }
        double suggested = rounded(r.suggested());
        Path picture = plan.outputs().dir().resolve("lr_find_" + r.name() + ".png");
        if (plan.outputs().plots()) {
            byte[] png = LrFindPlot.png("learning-rate range test: " + r.name(), r.lrs(), r.losses(), r.smoothed(), suggested);
            AtomicFiles.write(picture, stream -> stream.write(png));
        }
        out.println("tried " + r.lrs().length + " minibatches, lr from " + r.lrs()[0] + " to "
                + rounded(r.lrs()[r.lrs().length - 1]) + (plan.outputs().plots() ? "; wrote " + picture : ""));
        if (report) {
            out.println("wrote " + found.write(plan.outputs().dir(), String.valueOf(suggested),
                    plan.outputs().plots() ? picture.getFileName().toString() : null));
        }
        out.println("suggested lr: " + suggested);
        out.flush();
        return suggested;
    }

    /** {@code --lr auto}: the plan at the rate the test suggests, marked as chosen automatically. */
    static TrainingPlan withAutoLr(TrainingPlan plan, PrintWriter out, PrintWriter err) {
        double lr = find(plan, out, err);
        out.println("--lr auto: training with lr " + lr);
        out.flush();
        return new TrainingPlan(plan.data(), plan.model(), plan.optimizer().withAutoLr(lr), plan.outputs(), plan.epochs(),
                plan.batchSize(), plan.threads(), plan.earlyStopping());
    }

    /** {@code lr} to 2 significant digits. */
    static double rounded(double lr) {
        return new BigDecimal(lr).round(new MathContext(2)).doubleValue();
    }
}
