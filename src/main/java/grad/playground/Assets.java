package grad.playground;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/** The page's files, from the jar's resources, by a fixed list of names: nothing else can be asked for. */
final class Assets {
    /** An asset: its bytes and media type. */
    record Asset(byte[] bytes, String type) {
    }

    private static final Map<String, String[]> FILES = Map.of(
            "/", new String[] {"index.html", "text/html; charset=utf-8"},
            "/index.html", new String[] {"index.html", "text/html; charset=utf-8"},
            "/playground.js", new String[] {"playground.js", "text/javascript; charset=utf-8"},
            "/playground.css", new String[] {"playground.css", "text/css; charset=utf-8"});

    /** The asset served at {@code path}, or null. */
    Asset get(String path) {
        String[] file = FILES.get(path);
        if (file == null) {
            return null;
        }
        try (InputStream in = Assets.class.getResourceAsStream(file[0])) {
            if (in == null) {
                throw new IllegalStateException("the jar lacks grad/playground/" + file[0]);
            }
            return new Asset(in.readAllBytes(), file[1]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
