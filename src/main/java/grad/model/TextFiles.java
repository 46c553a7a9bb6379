package grad.model;

import grad.GradException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads a whole UTF-8 text file, with one-line errors naming it. */
final class TextFiles {
    /** Files larger than this are not read. */
    private static final long MAX_BYTES = 1L << 30;

    private TextFiles() {
    }

    /**
     * The file's text, a leading byte-order mark dropped.
     *
     * @param kind what the file should be, for messages: {@code "grad model file"}, {@code "CSV file"}
     */
    static String read(Path file, String kind) {
        String where = file.toString();
        if (Files.isDirectory(file)) {
            throw new GradException(where + ": is a directory, not a " + kind);
        }
        byte[] bytes;
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new GradException(where + ": too large (over 1 GB) for a " + kind);
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new GradException(where + ": no such file", e);
        } catch (AccessDeniedException e) {
            throw new GradException(where + ": permission denied", e);
        } catch (IOException | SecurityException e) {
            throw new GradException(where + ": cannot read: " + (e.getMessage() == null
                    ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("")), e);
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new GradException(where + ": not a " + kind + " (not UTF-8 text)", e);
        }
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }
}
