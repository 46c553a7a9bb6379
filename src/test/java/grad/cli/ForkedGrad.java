package grad.cli;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code grad} in a JVM of its own, as {@code java -jar grad.jar} runs it ({@link Main#main}, the test
 * classpath): for what one process cannot show in itself — the PATH it finds programs on, a second process
 * in the same folder, a signal. Its output goes to files in {@code scratch}.
 */
final class ForkedGrad {
    private final Process process;
    private final Path out;
    private final Path err;

    private ForkedGrad(Process process, Path out, Path err) {
        this.process = process;
        this.out = out;
        this.err = err;
    }

    /**
     * Starts {@code grad args} with {@code env} added to this process's environment, its standard output and
     * error in {@code scratch/<name>.out} and {@code .err}.
     */
    static ForkedGrad start(Path scratch, String name, Map<String, String> env, List<String> args) throws IOException {
        return start(scratch, name, env, args, null);
    }

    /** As above, in the working directory {@code workDir} (null: this process's). */
    static ForkedGrad start(Path scratch, String name, Map<String, String> env, List<String> args, Path workDir)
            throws IOException {
        String classPath = Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(entry -> Path.of(entry).toAbsolutePath().toString()).collect(Collectors.joining(File.pathSeparator));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.awt.headless=true", "-Dgrad.cache.dir=" + System.getProperty("grad.cache.dir", "off"), "-cp", classPath, Main.class.getName()));
        command.addAll(args);
        Path out = scratch.resolve(name + ".out");
        Path err = scratch.resolve(name + ".err");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().putAll(env);
        if (workDir != null) {
            builder.directory(workDir.toFile());
        }
        return new ForkedGrad(builder.start(), out, err);
    }

    /** Waits for the process to end (at most ten minutes, far beyond any test's run) and returns its exit code. */
    int waitFor() throws InterruptedException {
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("grad did not end within 10 minutes");
        }
        return process.exitValue();
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    void destroy() {
        process.destroyForcibly();
    }

    String out() throws IOException {
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    String err() throws IOException {
        return Files.readString(err, StandardCharsets.UTF_8);
    }
}
