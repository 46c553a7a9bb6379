package grad.io;

import grad.GradException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes a file under a temporary name in the same directory and moves it into place only once it is
 * complete, so a crash or a {@code kill -9} never leaves a truncated file under the final name.
 */
public final class AtomicFiles {

    /** Writes the content of a file; may throw {@link IOException}. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFiles() {
    }

    /** Writes {@code text} as UTF-8 to {@code target}, atomically. */
    public static void writeString(Path target, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        write(target, out -> out.write(bytes));
    }

    /**
     * Writes {@code target} atomically: {@code content} writes to a temporary file beside it, which then
     * replaces {@code target}. If {@code content} fails, the temporary file is deleted and any earlier
     * {@code target} is left as it was.
     *
     * @throws GradException naming the file, when it cannot be written
     */
    public static void write(Path target, Content content) {
        if (Files.isDirectory(target)) {
            throw new GradException("cannot write " + target + ": it is a directory");
        }
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            // not Files.createTempFile: its files are private (0600), and the file keeps them once moved
            Path candidate = dir.resolve("." + target.getFileName() + "."
                    + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36) + ".tmp");
            try (OutputStream out = Files.newOutputStream(candidate, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                tmp = candidate;
                content.writeTo(out);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
        } catch (IOException | RuntimeException e) {
            if (e instanceof GradException ge) {
                throw ge;
            }
            throw new GradException("cannot write " + target + ": " + reason(e), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the write already failed; that is the error to report
                }
            }
        }
    }

    /**
     * Checks, before a long run, that {@link #write} will be able to write {@code target}: it is not a
     * directory, and a file can be created beside it (its directory is created if missing). Leaves
     * {@code target} as it is.
     *
     * @throws GradException naming the file, as {@link #write} would
     */
    public static void checkWritable(Path target) {
        if (Files.isDirectory(target)) {
            throw new GradException("cannot write " + target + ": it is a directory");
        }
        Path dir = target.toAbsolutePath().getParent();
        try {
            Files.createDirectories(dir);
            Path probe = dir.resolve("." + target.getFileName() + "."
                    + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36) + ".tmp");
            Files.newOutputStream(probe, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
            Files.delete(probe);
        } catch (IOException | RuntimeException e) {
            throw new GradException("cannot write " + target + ": " + reason(e), e);
        }
    }

    /**
     * Why a file operation failed, for a one-line message: the system's reason ("Permission denied",
     * "Not a directory") rather than the bare file name that many {@link FileSystemException}s carry.
     */
    public static String reason(Exception e) {
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileAlreadyExistsException fae) {
            return fae.getFile() + " is in the way: it is not a directory";
        }
        if (e instanceof FileSystemException fse && fse.getReason() != null) {
            return fse.getReason();
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message.lines().findFirst().orElse("");
    }
}
