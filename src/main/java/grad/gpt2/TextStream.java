package grad.gpt2;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Turns the bytes of tokens, as they come, into text: a character whose UTF-8 bytes are split between
 * tokens (an emoji often is) is held back until its last byte arrives.
 */
final class TextStream {
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

    /** The text that {@code bytes} complete. */
    String add(byte[] bytes) {
        pending.writeBytes(bytes);
        byte[] all = pending.toByteArray();
        int complete = all.length - incompleteTail(all);
        pending.reset();
        pending.write(all, complete, all.length - complete);
        return new String(all, 0, complete, StandardCharsets.UTF_8);
    }

    /** Whatever is still held back (invalid bytes shown as U+FFFD). */
    String finish() {
        String rest = pending.toString(StandardCharsets.UTF_8);
        pending.reset();
        return rest;
    }

    /** How many bytes at the end start a multi-byte character that is not finished yet. */
    static int incompleteTail(byte[] b) {
        for (int back = 1; back <= Math.min(3, b.length); back++) {
            int lead = b[b.length - back] & 0xff;
            if ((lead & 0xc0) == 0x80) {
                continue;   // a continuation byte: look further back for its lead
            }
            int needed = lead < 0xc0 ? 1 : lead < 0xe0 ? 2 : lead < 0xf0 ? 3 : lead < 0xf8 ? 4 : 1;
            return needed > back ? back : 0;
        }
        return 0;
    }
}
