package grad.train;

import grad.GradException;
import grad.io.AtomicFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A training run's hold on its {@code --output-dir}: a lock on {@value #LOCK} in the folder, so that a second
 * run into it stops at once, naming the run that holds it, rather than mixing its files with the first's; and
 * the files an earlier run left there moved aside to {@value #EARLIER}, so that what the folder shows is this
 * run's alone. The lock file stays (emptied), since deleting it would let a third run lock a new file while a
 * second still holds the old one.
 */
final class OutputFolder implements AutoCloseable {
    static final String LOCK = ".grad.lock";
    static final String EARLIER = "earlier-run";
    /** What a training run writes ({@code lr_find_*.png} is the lr-find command's, kept for {@code --lr auto}). */
    private static final Pattern RUN_FILE = Pattern.compile("(dataset_.+\\.png|decision_boundary_.+\\.(png|gif)"
            + "|curves_.+\\.png|network_.+\\.png|confusion_.+\\.png|predictions_.+\\.png|metrics_.+\\.json"
            + "|weights_epoch_\\d+_.+\\.(dot|svg|png)|report\\.html)");

    private final FileChannel channel;
    private final FileLock lock;

    private OutputFolder(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Locks {@code dir} for the run described by {@code holder}, then moves aside what an earlier run wrote
     * there, telling {@code out} in one line.
     *
     * @throws GradException (exit 1) naming the holder when another run has the folder
     */
    static OutputFolder claim(Path dir, String holder, java.io.PrintWriter out) {
        Path file = dir.resolve(LOCK);
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock = tryLock(channel);
            if (lock == null) {
                String other = Files.readString(file, StandardCharsets.UTF_8).strip();
                throw new GradException("output directory " + dir + " is in use by another run ("
                        + (other.isEmpty() ? "see " + file : other) + "); wait for it to end or choose another --output-dir");
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((holder + "\n").getBytes(StandardCharsets.UTF_8)), 0);
            OutputFolder folder = new OutputFolder(channel, lock);
            channel = null;
            int moved;
            try {
                moved = moveEarlierFiles(dir);
            } catch (IOException e) {
                folder.close();
                throw new GradException("cannot move the files of an earlier run in " + dir + " aside to "
                        + dir.resolve(EARLIER) + ": " + AtomicFiles.reason(e), e);
            }
            if (moved > 0) {
                out.println("moved " + moved + " file" + (moved == 1 ? "" : "s") + " of an earlier run aside to "
                        + dir.resolve(EARLIER) + " (this run writes its own)");
            }
            return folder;
        } catch (IOException e) {
            throw new GradException("cannot lock output directory " + dir + " (" + file + "): " + AtomicFiles.reason(e), e);
        } finally {
            closeQuietly(channel);
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null; // this process holds it already: another run in the same JVM
        }
    }

    /** Moves the files of an earlier run into {@value #EARLIER} (replacing what an even earlier one put there). */
    private static int moveEarlierFiles(Path dir) throws IOException {
        List<Path> earlier = runFiles(dir);
        if (earlier.isEmpty()) {
            return 0;
        }
        Path aside = Files.createDirectories(dir.resolve(EARLIER));
        for (Path old : runFiles(aside)) {
            Files.delete(old);
        }
        for (Path file : earlier) {
            Files.move(file, aside.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
        return earlier.size();
    }

    private static List<Path> runFiles(Path dir) throws IOException {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir,
                p -> RUN_FILE.matcher(p.getFileName().toString()).matches() && Files.isRegularFile(p))) {
            stream.forEach(files::add);
        }
        files.sort(null);
        return files;
    }

    /** Empties the lock file and releases the lock. */
    @Override
    public void close() {
        try {
            channel.truncate(0);
            lock.release();
        } catch (IOException ignored) {
            // the lock goes with the channel
        } finally {
            closeQuietly(channel);
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing to do
            }
        }
    }
}
