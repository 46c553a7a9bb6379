package grad;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every Java example of the documentation — each {@code <pre>{@code ...}</pre>} block of the Javadoc under
 * {@code src/main/java} and each {@code ```java} block of the README — compiled and run, so that they cannot
 * drift from the code (a Javadoc example is read in its class's package). What an example claims is checked where it says it:
 * <ul>
 * <li>a comment {@code // x == 8, y.grad() == -16} (on a line of code, or on a line of its own) is checked
 *     right after that line: each expression must equal its number;</li>
 * <li>a {@code System.out.print...} line's comment is what it prints: the example's output must be those
 *     comments, line by line.</li>
 * </ul>
 */
class DocExamplesTest {
    private static final Pattern JAVADOC = Pattern.compile("<pre>\\{@code\\n(.*?)\\n\\s*\\*?\\s*}</pre>", Pattern.DOTALL);
    private static final Pattern README = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);
    /** {@code expression == number}, the expression running back to the comment's start or a ", ". */
    private static final Pattern CLAIM = Pattern.compile("([^,=]+?)\\s*==\\s*(-?[0-9][0-9.eE+-]*)");

    @TempDir
    Path scratch;

    /** An example: where it is, its imports, its statements. */
    record Example(String where, String code) {
        @Override
        public String toString() {
            return where;
        }
    }

    static List<Example> examples() throws IOException {
        List<Example> all = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                String text = Files.readString(file);
                Matcher pkg = Pattern.compile("(?m)^package ([\\w.]+);").matcher(text);
                // read where it is written: in its class's package
                String context = pkg.find() ? "import " + pkg.group(1) + ".*;\n" : "";
                Matcher m = JAVADOC.matcher(text);
                while (m.find()) {
                    all.add(new Example(file.toString(), context + m.group(1).replaceAll("(?m)^\\s*\\* ?", "")));
                }
            }
        }
        Matcher m = README.matcher(Files.readString(Path.of("README.md")));
        while (m.find()) {
            all.add(new Example("README.md", m.group(1)));
        }
        return all;
    }

    @Test
    void theValueJavadocAndTheReadmeHaveExamples() throws IOException {
        assertThat(examples()).extracting(Example::where)
                .contains(Path.of("src/main/java/grad/engine/Value.java").toString(), "README.md");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void runsAsItSays(Example example) throws Exception {
        List<String> expected = new ArrayList<>();
        int[] claims = new int[1];
        String source = program(example.code(), expected, claims);
        assertThat(claims[0] + expected.size()).as("an example that claims nothing: %s", example.code()).isPositive();

        Path dir = Files.createDirectories(scratch.resolve("classes"));
        Files.writeString(scratch.resolve("Example.java"), source);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter diagnostics = new StringWriter();
        boolean compiled = javac.getTask(diagnostics, null, null,
                List.of("-d", dir.toString(), "-cp", System.getProperty("java.class.path")), null,
                javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)
                        .getJavaFileObjects(scratch.resolve("Example.java"))).call();
        assertThat(compiled).as("%s does not compile:%n%s%n%s", example.where(), diagnostics, source).isTrue();

        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (URLClassLoader loader = new URLClassLoader(new java.net.URL[] {dir.toUri().toURL()}, getClass().getClassLoader());
             PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8)) {
            loader.loadClass("Example").getMethod("run", PrintStream.class).invoke(null, out);
        }
        assertThat(printed.toString(StandardCharsets.UTF_8).lines().toList()).as(example.where()).isEqualTo(expected);
    }

    /**
     * The example as a class {@code Example} with a method {@code run(PrintStream out)}: its imports, then its
     * statements with a check after each line that claims something, and {@code System.out} replaced by
     * {@code out}; {@code expected} gets what the print lines say they print.
     */
    static String program(String code, List<String> expected, int[] claims) {
        StringBuilder imports = new StringBuilder();
        StringBuilder body = new StringBuilder();
        for (String line : code.split("\n")) {
            if (line.startsWith("import ")) {
                imports.append(line).append('\n');
                continue;
            }
            int comment = line.indexOf("//");
            String said = comment < 0 ? "" : line.substring(comment + 2).strip();
            String statement = comment < 0 ? line : line.substring(0, comment);
            body.append(statement.replace("System.out.", "out.")).append('\n');
            if (statement.contains("System.out.print")) {
                expected.add(said);
                continue;
            }
            Matcher m = CLAIM.matcher(said);
            while (m.find()) {
                claims[0]++;
                String expression = m.group(1).strip();
                body.append("check(\"").append(expression.replace("\"", "\\\"")).append("\", ").append(expression)
                        .append(", ").append(m.group(2)).append(");\n");
            }
        }
        return imports + "public class Example {\n"
                + "    static void check(String what, double actual, double expected) {\n"
                + "        if (actual != expected) {\n"
                + "            throw new AssertionError(what + \" is \" + actual + \", not \" + expected + \" as the example says\");\n"
                + "        }\n"
                + "    }\n"
                + "    public static void run(java.io.PrintStream out) throws Exception {\n"
                + body
                + "    }\n"
                + "}\n";
    }
}
