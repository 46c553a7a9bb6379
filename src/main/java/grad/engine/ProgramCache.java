package grad.engine;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Compiled programs kept on disk, as {@code jax}'s persistent compilation cache and Numba's
 * {@code cache=True} keep theirs: a program compiled once is read back by later runs instead of traced and
 * compiled again. A program is filed under a name that determines its graph (a model's kind, sizes,
 * vocabulary size and sequence length: its weights are parameters, not part of the program) together with
 * what identifies this build of grad (its jar's size and time of last change, as CPython's {@code .pyc}
 * files record their source's), so that a program made by another build is not read. The file holds
 * both, and they are compared in full before its steps are read, each slot checked to be one of the
 * program's; a file that cannot be read or written costs only the time the cache would save. A program
 * read back is the compiler's, step for step ({@code ProgramCacheTest}). A directory holds at most
 * {@link #LIMIT_BYTES}: past it, the programs least recently used (by their files' times, refreshed on
 * every read) are deleted.
 *
 * <p>The directory is the system property {@code grad.cache.dir}, else the environment variable
 * {@code GRAD_CACHE_DIR}, else {@code $XDG_CACHE_HOME/grad} or {@code ~/.cache/grad}; {@code off} turns the
 * cache off.
 */
public final class ProgramCache {
    /** What identifies this build of grad ({@link #code()}), read once per process; empty when it cannot be read. */
    private static volatile int[] gradCode;

    /** The most a cache directory holds: past it, the programs least recently used are deleted (as ccache does). */
    static final long LIMIT_BYTES = 512L << 20;

    private final Path dir;
    private final long limit;

    private ProgramCache(Path dir, long limit) {
        this.dir = dir;
        this.limit = limit;
    }

    /** The cache in {@code dir} (made when first written). */
    public static ProgramCache at(Path dir) {
        return new ProgramCache(dir, LIMIT_BYTES);
    }

    /** The cache in {@code dir}, holding at most {@code limit} bytes of programs. */
    static ProgramCache at(Path dir, long limit) {
        return new ProgramCache(dir, limit);
    }

    /** No cache: {@link #get} always makes the program. */
    public static ProgramCache none() {
        return new ProgramCache(null, 0);
    }

    /** The cache the settings name (see the class comment). */
    public static ProgramCache standard() {
        String dir = System.getProperty("grad.cache.dir");
        if (dir == null || dir.isEmpty()) {
            dir = System.getenv("GRAD_CACHE_DIR");
        }
        if (dir != null && dir.equals("off")) {
            return none();
        }
        if (dir != null && !dir.isEmpty()) {
            return at(Path.of(dir));
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        if (xdg != null && Path.of(xdg).isAbsolute()) {   // as the XDG spec says, a relative one is ignored
            return at(Path.of(xdg, "grad"));
        }
        String home = System.getProperty("user.home");   // "?" when the system knows no home
        return home == null || !Path.of(home).isAbsolute() ? none() : at(Path.of(home, ".cache", "grad"));
    }

    /** The directory, or null for none. */
    public Path dir() {
        return dir;
    }

    /**
     * The program called {@code name}: read from the cache when it holds one of that name made by this
     * build of grad, else made by {@code compile} and written there.
     *
     * @param name what determines the graph, given grad's code: e.g. a model's kind, sizes, vocabulary size
     *             and sequence length (its weights are parameters, not part of the program)
     */
    public Program get(String name, Supplier<Program> compile) {
        int[] code = dir == null ? null : code();
        if (code == null) {
            return compile.get();
        }
        int[] key = key(code, name);
        Path file = dir.resolve(fileName(key) + ".program");
        Program cached = ProgramFile.read(file, key);
        if (cached != null) {
            touch(file);
            return cached;
        }
        Program program = compile.get();
        ProgramFile.write(file, key, program);
        evictBeyondLimit(file);
        return program;
    }

    /** A program's file, when it was last used, and its size. */
    private record Kept(Path file, FileTime used, long size) {
    }

    /** Marks a program used now (its file's time), so that it is evicted last. */
    private static void touch(Path file) {
        try {
            Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis()));
        } catch (IOException | RuntimeException e) {
            // a read-only cache is still read
        }
    }

    /** Deletes the programs least recently used until the directory holds at most the limit, {@code kept} aside. */
    private void evictBeyondLimit(Path kept) {
        try {
            List<Path> files;
            try (Stream<Path> list = Files.list(dir)) {
                files = list.filter(f -> f.getFileName().toString().endsWith(".program") && !f.equals(kept)).toList();
            }
            long total = Files.exists(kept) ? Files.size(kept) : 0;
            List<Kept> byAge = new ArrayList<>();
            for (Path f : files) {
                BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class);
                total += a.size();
                byAge.add(new Kept(f, a.lastModifiedTime(), a.size()));
            }
            byAge.sort(Comparator.comparing(Kept::used));
            for (int i = 0; i < byAge.size() && total > limit; i++) {
                if (Files.deleteIfExists(byAge.get(i).file())) {
                    total -= byAge.get(i).size();
                }
            }
        } catch (IOException | RuntimeException e) {
            // another process may be evicting too; the next write tries again
        }
    }

    /** The key a file holds, compared number for number: grad's code, then the name's characters. */
    private static int[] key(int[] code, String name) {
        int[] key = Arrays.copyOf(code, code.length + name.length());
        for (int c = 0; c < name.length(); c++) {
            key[code.length + c] = name.charAt(c);
        }
        return key;
    }

    /** 128 bits of a hash of the key, in hex. */
    private static String fileName(int[] key) {
        long[] h = hash(key);
        return hex16(h[0]) + hex16(h[1]);
    }

    private static String hex16(long h) {
        String s = Long.toHexString(h);
        return "0".repeat(16 - s.length()) + s;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /**
     * What identifies this build of grad, read once: the jar's size and time of last change, as CPython's
     * {@code .pyc} files record their source's (a jar built again, or copied, is another build); for
     * classes in a directory, each file's name, size and time. Null when there is nothing to read (no
     * cache then).
     */
    static int[] code() {
        int[] code = gradCode;
        if (code == null) {
            code = readCode();
            gradCode = code == null ? new int[0] : code;
        }
        return code.length == 0 ? null : code;
    }

    private static int[] readCode() {
        try {
            CodeSource source = ProgramCache.class.getProtectionDomain().getCodeSource();
            if (source == null) {
                return null;
            }
            return codeOf(Path.of(source.getLocation().toURI()));
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    /** {@link #code()} of a jar or a directory of classes ({@code grad/…} under it). */
    static int[] codeOf(Path where) {
        try {
            ProgramFile.Ints code = new ProgramFile.Ints(64);
            if (Files.isRegularFile(where)) {
                stamp(code, where);
            } else {
                List<Path> files;
                try (Stream<Path> walk = Files.walk(where.resolve("grad"))) {
                    files = walk.filter(Files::isRegularFile).sorted().toList();
                }
                if (files.isEmpty()) {
                    return null;
                }
                for (Path f : files) {
                    String name = where.relativize(f).toString();
                    for (int c = 0; c < name.length(); c++) {
                        code.add(name.charAt(c));
                    }
                    stamp(code, f);
                }
            }
            long[] hash = hash(code.done());
            return new int[] {(int) (hash[0] >>> 32), (int) hash[0], (int) (hash[1] >>> 32), (int) hash[1]};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** A file's size and time of last change. */
    private static void stamp(ProgramFile.Ints code, Path file) throws IOException {
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
        long time = a.lastModifiedTime().to(TimeUnit.NANOSECONDS);
        code.add((int) (a.size() >>> 32)).add((int) a.size()).add((int) (time >>> 32)).add((int) time);
    }

    /** 128 bits of a hash of {@code ints} (two 64-bit mixes; the inputs are no adversary's). */
    private static long[] hash(int[] ints) {
        long h1 = 0x9E3779B97F4A7C15L;
        long h2 = 0xC2B2AE3D27D4EB4FL;
        for (int x : ints) {
            h1 = mix(h1 ^ x);
            h2 = mix(h2 + x) ^ h1;
        }
        return new long[] {mix(h1 ^ ints.length), mix(h2 + ints.length)};
    }
}
