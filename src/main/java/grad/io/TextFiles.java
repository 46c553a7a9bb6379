package grad.io;

import grad.GradException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads a whole UTF-8 text file — a CSV file, a model file — with one-line errors naming it, and for bad
 * bytes the line they are on: {@code points.csv:3: not UTF-8 text (byte 0xE9); save the file as UTF-8}.
 */
public final class TextFiles {
    /** Files larger than this are not read: about the largest array Java allocates. */
    private static final long MAX_BYTES = Integer.MAX_VALUE - 16;

    private TextFiles() {
    }

    /**
     * The file's text: not a directory, no NUL bytes, valid UTF-8; a leading byte-order mark is dropped.
     *
     * @param kind what the file should be, for messages: {@code "CSV file"}, {@code "grad model file"}
     * @throws GradException naming the file, if it cannot be read or is not UTF-8 text
     */
    public static String read(Path file, String kind) {
        String where = file.toString();
        byte[] bytes = readBytes(file, where, kind);
        boolean ascii = true;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                throw new GradException(where + ":" + lineOfByte(bytes, i)
                        + ": binary data (NUL byte), expected a UTF-8 text " + kind);
            }
            ascii &= bytes[i] > 0;
        }
        if (ascii) {
            return new String(bytes, StandardCharsets.US_ASCII);   // valid UTF-8 as it is, and no byte-order mark
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int bad = in.position();
            throw new GradException(where + ":" + lineOfByte(bytes, bad) + ": not UTF-8 text (byte 0x"
                    + String.format("%02X", bytes[bad] & 0xFF) + "); save the file as UTF-8");
        }
        out.flip();
        String text = out.toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static byte[] readBytes(Path file, String where, String kind) {
        if (Files.isDirectory(file)) {
            throw new GradException(where + ": is a directory, not a " + kind);
        }
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new GradException(where + ": too large (over 2 GB) for a " + kind);
            }
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new GradException(where + ": no such file", e);
        } catch (AccessDeniedException e) {
            throw new GradException(where + ": permission denied", e);
        } catch (IOException | UncheckedIOException | SecurityException e) {
            String m = e.getMessage();
            throw new GradException(where + ": cannot read: "
                    + (m == null ? e.getClass().getSimpleName() : m.replaceAll("[\\r\\n]+", " ")), e);
        }
    }

    private static long lineOfByte(byte[] bytes, int position) {
        long line = 1;
        for (int i = 0; i < position; i++) {
            if (bytes[i] == '\n' || (bytes[i] == '\r' && bytes[i + 1] != '\n')) {
                line++;
            }
        }
        return line;
    }
}
