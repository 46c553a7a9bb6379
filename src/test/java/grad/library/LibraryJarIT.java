package grad.library;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * The jars that {@code mvn install} puts in the local repository, checked after packaging (failsafe runs
 * this in {@code mvn verify} and {@code mvn install}): the plain library jar is grad's classes only, the
 * {@code -all} jar is runnable, and the sources and Javadoc jars are there.
 */
class LibraryJarIT {
    private static final String BASE = System.getProperty("grad.jarBase", "target/grad-1.0.0");

    private static JarFile jar(String suffix) throws IOException {
        Path path = Path.of(BASE + suffix + ".jar");
        assertThat(path).exists();
        return new JarFile(path.toFile());
    }

    @Test
    void thePlainJarIsTheLibraryWithoutItsDependencies() throws IOException {
        try (JarFile jar = jar("")) {
            assertThat(jar.getEntry("grad/tensor/Tensor.class")).isNotNull();
            assertThat(jar.getEntry("grad/engine/Value.class")).isNotNull();
            assertThat(jar.getEntry("picocli/CommandLine.class")).isNull();
            assertThat(jar.getEntry("com/google/gson/Gson.class")).isNull();
        }
    }

    @Test
    void theAllJarRunsGradsCommandLine() throws IOException {
        try (JarFile jar = jar("-all")) {
            assertThat(jar.getManifest().getMainAttributes().getValue("Main-Class")).isEqualTo("grad.cli.Main");
            assertThat(jar.getEntry("picocli/CommandLine.class")).isNotNull();
            assertThat(jar.getEntry("grad/tensor/Tensor.class")).isNotNull();
        }
    }

    @Test
    void sourcesAndJavadocComeAlong() throws IOException {
        try (JarFile sources = jar("-sources"); JarFile javadoc = jar("-javadoc")) {
            assertThat(sources.getEntry("grad/tensor/Tensor.java")).isNotNull();
            assertThat(javadoc.getEntry("grad/tensor/Tensor.html")).isNotNull();
            assertThat(javadoc.getEntry("index.html")).isNotNull();
        }
    }

    @Test
    void thePlainJarAloneRunsTheTensorExample() throws Exception {
        Path jshell = Path.of(System.getProperty("java.home"), "bin", "jshell");
        Process p = new ProcessBuilder(jshell.toString(), "--class-path", BASE + ".jar", "-J-XX:TieredStopAtLevel=1",
                "-J-Djava.util.prefs.userRoot=target/jshell-prefs").redirectErrorStream(true).start();
        p.getOutputStream().write(("grad.tensor.Tensor x = grad.tensor.Tensor.arange(6).reshape(2, 3);\n"
                + "System.out.println(\"sum \" + x.matmul(x.transpose(0, 1)).sum().item());\n/exit\n").getBytes());
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor();
        // [[0,1,2],[3,4,5]]·its transpose = [[5, 14], [14, 50]]
        assertThat(out).contains("sum 83.0");
        assertThat(Files.exists(Path.of(BASE + "-all.jar"))).isTrue();
    }
}
