package grad.playground;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Headless Chromium driven through its DevTools protocol (a WebSocket): a live page (one that keeps an
 * event stream open, so {@code --dump-dom} would never finish) is opened, its DOM read with
 * {@code Runtime.evaluate}, its controls used, and its picture taken. Debian's {@code chromium}; where
 * there is none, {@link #find} is empty and the tests that need it are skipped.
 */
final class DevToolsBrowser implements AutoCloseable {
    static final String INSTALL = "no Chromium on the PATH (chromium, chromium-browser or google-chrome): the browser"
            + " tests need one; install it with  apt-get install -y chromium";
    private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://\\S+)");
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final Process process;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonObject>> pending = new ConcurrentHashMap<>();
    /** Every exception the page threw (Runtime.exceptionThrown), as its description. */
    final List<String> exceptions = new CopyOnWriteArrayList<>();

    private Path profile;

    private DevToolsBrowser(Process process, WebSocket socket) {
        this.process = process;
        this.socket = socket;
    }

    /** The Chromium on the PATH, or empty. */
    static Optional<Path> executable() {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
            for (String d : path.split(File.pathSeparator)) {
                Path candidate = Path.of(d.isEmpty() ? "." : d, name);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Starts {@code chromium} with a window {@code width}×{@code height} and a profile of its own (a temporary
     * directory deleted on {@link #close()}, as far as Chromium's last writes allow: not in a test's
     * {@code @TempDir}, whose deletion would fail on them).
     */
    static DevToolsBrowser start(Path chromium, int width, int height) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("grad-chromium-");
        Process p = new ProcessBuilder(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--no-first-run", "--hide-scrollbars", "--remote-allow-origins=*",
                "--user-data-dir=" + profile, "--remote-debugging-port=0", "--window-size=" + width + "," + height,
                "about:blank").redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            String browser = browserSocket(p);
            URI list = URI.create(browser.replaceFirst("^ws://([^/]+)/.*$", "http://$1/json/list"));
            HttpClient http = HttpClient.newHttpClient();
            JsonArray targets = JsonParser.parseString(http.send(HttpRequest.newBuilder(list).build(),
                    HttpResponse.BodyHandlers.ofString()).body()).getAsJsonArray();
            String page = null;
            for (JsonElement t : targets) {
                if ("page".equals(t.getAsJsonObject().get("type").getAsString())) {
                    page = t.getAsJsonObject().get("webSocketDebuggerUrl").getAsString();
                }
            }
            if (page == null) {
                throw new IOException("Chromium shows no page: " + targets);
            }
            Listener listener = new Listener();
            WebSocket socket = http.newWebSocketBuilder().buildAsync(URI.create(page), listener)
                    .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            DevToolsBrowser b = new DevToolsBrowser(p, socket);
            b.profile = profile;
            listener.browser = b;
            b.call("Runtime.enable", new JsonObject());
            b.call("Page.enable", new JsonObject());
            return b;
        } catch (IOException | InterruptedException | RuntimeException | java.util.concurrent.ExecutionException
                 | java.util.concurrent.TimeoutException e) {
            p.destroyForcibly();
            throw new IOException("cannot drive Chromium: " + e, e);
        }
    }

    /** The browser's DevTools address, from the line Chromium prints on stderr. */
    private static String browserSocket(Process p) throws IOException {
        BufferedReader err = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8));
        long end = System.nanoTime() + TIMEOUT.toNanos();
        String line;
        while (System.nanoTime() < end && (line = err.readLine()) != null) {
            Matcher m = LISTENING.matcher(line);
            if (m.find()) {
                Thread drain = new Thread(() -> {
                    try {
                        err.transferTo(java.io.Writer.nullWriter());
                    } catch (IOException ignored) {
                        // Chromium is gone
                    }
                });
                drain.setDaemon(true);
                drain.start();
                return m.group(1);
            }
        }
        throw new IOException("Chromium did not say where its DevTools listen");
    }

    /** Sends a DevTools command and waits for its result. */
    JsonObject call(String method, JsonObject params) {
        int id = ids.incrementAndGet();
        JsonObject message = new JsonObject();
        message.addProperty("id", id);
        message.addProperty("method", method);
        message.add("params", params);
        CompletableFuture<JsonObject> reply = new CompletableFuture<>();
        pending.put(id, reply);
        socket.sendText(message.toString(), true).join();
        try {
            JsonObject r = reply.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            if (r.has("error")) {
                throw new IllegalStateException(method + ": " + r.get("error"));
            }
            return r.getAsJsonObject("result");
        } catch (InterruptedException | java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException(method + " got no answer: " + e, e);
        }
    }

    void navigate(URI uri) {
        JsonObject params = new JsonObject();
        params.addProperty("url", uri.toString());
        call("Page.navigate", params);
    }

    /** The value of a JavaScript expression in the page (JSON-like values come back as JSON). */
    JsonElement evaluate(String expression) {
        JsonObject params = new JsonObject();
        params.addProperty("expression", expression);
        params.addProperty("returnByValue", true);
        JsonObject result = call("Runtime.evaluate", params);
        if (result.has("exceptionDetails")) {
            throw new IllegalStateException("the page threw: " + result.get("exceptionDetails"));
        }
        JsonElement value = result.getAsJsonObject("result").get("value");
        return value == null ? com.google.gson.JsonNull.INSTANCE : value;
    }

    /** The page's {@code #status} element's data, as strings by name. */
    JsonObject status() {
        JsonElement e = evaluate("JSON.stringify(Object.assign({}, (document.getElementById('status') || {}).dataset || {}))");
        return JsonParser.parseString(e.getAsString()).getAsJsonObject();
    }

    /** Waits (up to a minute) until the page's status satisfies {@code condition}; returns that status. */
    JsonObject awaitStatus(String what, Predicate<JsonObject> condition) throws InterruptedException {
        long end = System.nanoTime() + TIMEOUT.toNanos();
        JsonObject s = status();
        while (!condition.test(s)) {
            if (System.nanoTime() > end) {
                throw new AssertionError("the page never showed " + what + "; it shows " + s);
            }
            Thread.sleep(100);
            s = status();
        }
        return s;
    }

    /** The page as a PNG, the whole of it. */
    byte[] screenshot() {
        JsonObject params = new JsonObject();
        params.addProperty("format", "png");
        params.addProperty("captureBeyondViewport", true);
        return Base64.getDecoder().decode(call("Page.captureScreenshot", params).get("data").getAsString());
    }

    /** Asks Chromium to quit (so its helpers end too), waits for it, and deletes its profile as far as it can. */
    @Override
    public void close() {
        try {
            int id = ids.incrementAndGet();
            socket.sendText("{\"id\":" + id + ",\"method\":\"Browser.close\",\"params\":{}}", true).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            // it is stopped below anyway
        }
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        deleteQuietly(profile);
    }

    private static void deleteQuietly(Path dir) {
        try (java.util.stream.Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | java.io.UncheckedIOException e) {
            // a file Chromium still held: left in the temporary directory
        }
    }

    private static final class Listener implements WebSocket.Listener {
        private final StringBuilder text = new StringBuilder();
        private volatile DevToolsBrowser browser;

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                JsonObject message = JsonParser.parseString(text.toString()).getAsJsonObject();
                text.setLength(0);
                DevToolsBrowser b = browser;
                if (b != null && message.has("id")) {
                    CompletableFuture<JsonObject> f = b.pending.remove(message.get("id").getAsInt());
                    if (f != null) {
                        f.complete(message);
                    }
                } else if (b != null && "Runtime.exceptionThrown".equals(optString(message, "method"))) {
                    b.exceptions.add(message.getAsJsonObject("params").toString());
                }
            }
            webSocket.request(1);
            return null;
        }

        private static String optString(JsonObject o, String key) {
            return o.has(key) ? o.get(key).getAsString() : "";
        }
    }
}
