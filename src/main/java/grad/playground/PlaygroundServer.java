package grad.playground;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import grad.GradException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The playground's web server, on the loopback only. Every request must name this server in its
 * {@code Host} (so a page of another site that rebinds its name to 127.0.0.1 is refused) and, when it
 * says where it comes from, come from the page itself ({@code Origin}); changes come as JSON, which a form of
 * another site cannot send. Only the page's own assets are served, from a fixed list of names; no part of
 * a request reaches the file system. Bodies, headers, concurrent requests and event streams are bounded.
 */
final class PlaygroundServer implements AutoCloseable {
    static final int MAX_BODY = 4096;
    static final int MAX_REQUESTS = 16;
    static final int MAX_STREAMS = 4;
    static final int MAX_THREADS = 128;
    /** All a client is told of an unexpected failure. */
    static final String INTERNAL_ERROR = "internal error: the playground could not answer this request (its console says more)";
    private static final long HEARTBEAT_MILLIS = 1000;
    private static final int MAX_LOGGED = 300;

    private final Session session;
    private final HttpServer server;
    private final ExecutorService threads;
    private final Assets assets = new Assets();
    private final GraphSvg graphs;
    private final Semaphore requests = new Semaphore(MAX_REQUESTS);
    private final Semaphore streams = new Semaphore(MAX_STREAMS);
    private final int port;
    private final PrintStream log;

    static {
        // read once, when the JDK's server is first used: bounded headers, slow requests dropped, few idle connections
        System.setProperty("sun.net.httpserver.maxReqHeaders", "64");
        System.setProperty("sun.net.httpserver.maxReqHeaderSize", "16384");
        System.setProperty("sun.net.httpserver.maxReqTime", "10");
        System.setProperty("sun.net.httpserver.maxIdleConnections", "16");
    }

    /** Listens on 127.0.0.1:{@code port} (0: any free port); unexpected failures are logged on standard error. */
    PlaygroundServer(Session session, int port, GraphSvg graphs) throws IOException {
        this(session, port, graphs, System.err);
    }

    /** As above, logging unexpected failures, one line each, on {@code log}. */
    PlaygroundServer(Session session, int port, GraphSvg graphs, PrintStream log) throws IOException {
        this.session = session;
        this.log = log;
        this.graphs = graphs;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 32);
        // the JDK's server reads a request's headers on these threads: a client that sends half a request holds one
        // until maxReqTime; beyond MAX_THREADS at once, a new connection is closed (the request limit is below)
        this.threads = new ThreadPoolExecutor(MAX_REQUESTS + MAX_STREAMS, MAX_THREADS, 30, TimeUnit.SECONDS,
                new SynchronousQueue<>(), r -> {
                    Thread t = new Thread(r, "grad-playground-http");
                    t.setDaemon(true);
                    return t;
                });
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        this.port = server.getAddress().getPort();
    }

    void start() {
        server.start();
    }

    int port() {
        return port;
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + port + "/");
    }

    /** Answers one request; whatever happens, the server goes on. */
    void handle(HttpExchange ex) {
        try (ex) {
            if (!requests.tryAcquire()) {
                send(ex, 503, "busy: too many requests at once");
                return;
            }
            try {
                route(ex);
            } catch (RuntimeException | StackOverflowError e) {
                internalError(ex, e);
            } finally {
                requests.release();
            }
        } catch (IOException | RuntimeException e) {
            // a dropped connection, or a response already begun: the server goes on
        }
    }

    /**
     * A failure the server did not expect: one line on the log says what it was; the client is told only
     * that there was one (nothing of the exception's class or message reaches it).
     */
    private void internalError(HttpExchange ex, Throwable e) throws IOException {
        String what = String.valueOf(e).replaceAll("\\s+", " ");
        log.println("grad playground: internal error answering " + ex.getRequestMethod() + " " + ex.getRequestURI() + ": "
                + (what.length() > MAX_LOGGED ? what.substring(0, MAX_LOGGED) + "…" : what));
        log.flush();
        send(ex, 500, INTERNAL_ERROR);
    }

    private void route(HttpExchange ex) throws IOException {
        if (!isOwnHost(ex.getRequestHeaders().getFirst("Host")) || !isOwnOrigin(ex.getRequestHeaders().getFirst("Origin"))) {
            send(ex, 403, "forbidden: this server answers only its own page at " + uri());
            return;
        }
        String path = ex.getRequestURI().getRawPath();
        String method = ex.getRequestMethod();
        if (path == null || !path.startsWith("/")) {
            send(ex, 400, "bad request: ask for a path, such as /");
        } else if (path.startsWith("/api/")) {
            if (!"POST".equals(method)) {
                send(ex, 405, "use POST");
            } else {
                api(ex, path.substring(5));
            }
        } else if (!"GET".equals(method) && !"HEAD".equals(method)) {
            send(ex, 405, "use GET");
        } else if ("/events".equals(path)) {
            events(ex);
        } else if ("/graph.svg".equals(path)) {
            graph(ex);
        } else {
            asset(ex, path);
        }
    }

    /** Whether {@code host} names this server: 127.0.0.1 or localhost, and its port. */
    boolean isOwnHost(String host) {
        if (host == null) {
            return false;
        }
        String h = host.strip().toLowerCase(Locale.ROOT);
        return h.equals("127.0.0.1:" + port) || h.equals("localhost:" + port);
    }

    /** Whether {@code origin} is absent (not a cross-site request) or this server's own. */
    boolean isOwnOrigin(String origin) {
        return origin == null || isOwnHost(origin.replaceFirst("^http://", "")) && origin.startsWith("http://");
    }

    private void asset(HttpExchange ex, String path) throws IOException {
        Assets.Asset asset = assets.get(path);
        if (asset == null) {
            send(ex, 404, "not found");
            return;
        }
        Headers h = ex.getResponseHeaders();
        h.set("Content-Type", asset.type());
        h.set("Cache-Control", "no-store");
        h.set("X-Content-Type-Options", "nosniff");
        h.set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'");
        byte[] body = asset.bytes();
        if ("HEAD".equals(ex.getRequestMethod())) {
            ex.sendResponseHeaders(200, -1);
            return;
        }
        ex.sendResponseHeaders(200, body.length);
        ex.getResponseBody().write(body);
    }

    private void api(HttpExchange ex, String action) throws IOException {
        String type = ex.getRequestHeaders().getFirst("Content-Type");
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            send(ex, 415, "send JSON (Content-Type: application/json)");
            return;
        }
        byte[] body = body(ex);
        if (body == null) {
            send(ex, 413, "request too large: at most " + MAX_BODY + " bytes");
            return;
        }
        try {
            JsonObject request = parse(body);
            JsonObject reply = switch (action) {
                case "settings" -> settings(request);
                case "control" -> control(request);
                case "save" -> save();
                default -> null;
            };
            if (reply == null) {
                send(ex, 404, "not found");
            } else {
                sendJson(ex, 200, reply);
            }
        } catch (GradException e) {
            send(ex, 400, e.getMessage());
        }
    }

    private JsonObject settings(JsonObject request) {
        Map<String, String> changes = new LinkedHashMap<>();
        for (Map.Entry<String, JsonElement> e : request.entrySet()) {
            JsonElement v = e.getValue();
            if (!v.isJsonNull() && !(v.isJsonPrimitive() && v.getAsJsonPrimitive().isString())) {
                throw new GradException(e.getKey() + ": give the value as a string, as on the command line", 2, null);
            }
            changes.put(e.getKey(), v.isJsonNull() ? null : v.getAsString());
        }
        session.change(changes);
        return ok();
    }

    private JsonObject control(JsonObject request) {
        JsonElement action = request.get("action");
        if (action == null || !action.isJsonPrimitive()) {
            throw new GradException("say which action: {\"action\": \"play\"}", 2, null);
        }
        session.control(action.getAsString());
        return ok();
    }

    private JsonObject save() {
        String[] saved = session.save();
        JsonObject o = ok();
        o.addProperty("file", saved[0]);
        o.addProperty("command", saved[1]);
        o.addProperty("epochs", Integer.parseInt(saved[2]));
        return o;
    }

    private static JsonObject ok() {
        JsonObject o = new JsonObject();
        o.addProperty("ok", true);
        return o;
    }

    private static JsonObject parse(byte[] body) {
        try {
            JsonElement e = JsonParser.parseString(new String(body, StandardCharsets.UTF_8));
            if (!e.isJsonObject()) {
                throw new GradException("send a JSON object", 2, null);
            }
            return e.getAsJsonObject();
        } catch (JsonParseException | IllegalStateException e) {
            throw new GradException("the request is not JSON", 2, null);
        }
    }

    /** The body, or null when longer than {@link #MAX_BODY}. */
    private static byte[] body(HttpExchange ex) throws IOException {
        String length = ex.getRequestHeaders().getFirst("Content-Length");
        try {
            if (length != null && Long.parseLong(length.strip()) > MAX_BODY) {
                return null;
            }
        } catch (NumberFormatException e) {
            return null;
        }
        InputStream in = ex.getRequestBody();
        byte[] body = in.readNBytes(MAX_BODY + 1);
        return body.length > MAX_BODY ? null : body;
    }

    /** Server-Sent Events: the data when it changes, then each new state; a comment every second shows who is gone. */
    private void events(HttpExchange ex) throws IOException {
        if (!streams.tryAcquire()) {
            send(ex, 503, "busy: at most " + MAX_STREAMS + " pages at once");
            return;
        }
        session.pageOpened();
        try {
            Headers h = ex.getResponseHeaders();
            h.set("Content-Type", "text/event-stream; charset=utf-8");
            h.set("Cache-Control", "no-store");
            ex.sendResponseHeaders(200, 0);
            OutputStream out = ex.getResponseBody();
            long seenState = -1;
            int seenData = -1;
            while (true) {
                Session.Snapshot s = session.await(seenState, seenData, HEARTBEAT_MILLIS);
                if (s.closed()) {
                    return;
                }
                StringBuilder sb = new StringBuilder();
                if (s.dataVersion() != seenData) {
                    sb.append("event: data\ndata: ").append(s.data()).append("\n\n");
                    seenData = s.dataVersion();
                }
                if (s.stateVersion() != seenState) {
                    sb.append("event: state\ndata: ").append(s.state()).append("\n\n");
                    seenState = s.stateVersion();
                }
                out.write((sb.length() == 0 ? ": ping\n\n" : sb.toString()).getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            session.pageClosed();
            streams.release();
        }
    }

    private void graph(HttpExchange ex) throws IOException {
        String svg = graphs.svg(session.graph(), "one training sample's loss, after backward, before the next step");
        byte[] body = svg.getBytes(StandardCharsets.UTF_8);
        Headers h = ex.getResponseHeaders();
        h.set("Content-Type", "image/svg+xml");
        h.set("Cache-Control", "no-store");
        h.set("X-Content-Type-Options", "nosniff");
        h.set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'");
        ex.sendResponseHeaders(200, body.length);
        ex.getResponseBody().write(body);
    }

    private static void send(HttpExchange ex, int status, String message) throws IOException {
        JsonObject o = new JsonObject();
        o.addProperty("error", message);
        sendJson(ex, status, o);
    }

    private static void sendJson(HttpExchange ex, int status, JsonObject o) throws IOException {
        byte[] body = o.toString().getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        ex.sendResponseHeaders(status, body.length);
        ex.getResponseBody().write(body);
    }

    @Override
    public void close() {
        session.close();
        server.stop(0);
        threads.shutdownNow();
        try {
            threads.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
