package grad.playground;

import static org.assertj.core.api.Assertions.assertThat;

import grad.cli.Main;
import grad.cli.TrainingArguments;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * The playground's server, spoken to over raw sockets so that every byte of a request is the test's: the
 * Host and Origin checks, paths that try to leave the assets, bad settings (answered with the command line's
 * own message), garbage, oversized and dropped requests — after each of which the server still answers.
 */
class PlaygroundServerTest {
    @TempDir
    Path dir;

    private Session session;
    private PlaygroundServer server;
    private int port;

    @BeforeEach
    void start() throws IOException {
        session = new Session(Settings.of(TrainingArguments.READER, List.of("--class-size", "50")), dir.resolve("model.json"));
        server = new PlaygroundServer(session, 0, new GraphSvg(Optional.empty()));
        session.start();
        server.start();
        port = server.port();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void servesThePageToItsOwnHostUnderEitherName() throws IOException {
        for (String host : List.of("127.0.0.1:" + port, "localhost:" + port, "LOCALHOST:" + port)) {
            Reply r = get("/", host);
            assertThat(r.status()).as(host).isEqualTo(200);
            assertThat(r.header("content-type")).startsWith("text/html");
            assertThat(r.body()).contains("<title>grad playground</title>");
        }
        assertThat(get("/playground.js", own()).body()).contains("new EventSource('/events')");
        assertThat(get("/playground.css", own()).header("content-type")).startsWith("text/css");
    }

    @ParameterizedTest
    @ValueSource(strings = {"evil.example:PORT", "127.0.0.1", "127.0.0.1:1", "localhost", "127.0.0.1:PORT.evil.example",
        "[::1]:PORT", "0.0.0.0:PORT"})
    void refusesAnyOtherHost(String host) throws IOException {
        Reply r = get("/", host.replace("PORT", Integer.toString(port)));
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.body()).doesNotContain("<title>");
    }

    @Test
    void refusesARequestWithoutHostAndACrossSiteOrigin() throws IOException {
        assertThat(raw("GET / HTTP/1.0\r\n\r\n").status()).isEqualTo(403);
        Reply r = raw(post("/api/control", "{\"action\":\"pause\"}", "Origin: http://evil.example\r\n"));
        assertThat(r.status()).isEqualTo(403);
        assertThat(raw(post("/api/control", "{\"action\":\"pause\"}", "Origin: http://127.0.0.1:" + port + "\r\n")).status())
                .isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/../pom.xml", "/%2e%2e/pom.xml", "/..%2f..%2fetc%2fpasswd", "/grad/playground/index.html",
        "/playground.js/../../../pom.xml", "/index.html/", "//etc/passwd", "/Makefile", "/grad/cli/Main.class",
        "/playground.js%00.html", "/%2fetc%2fpasswd"})
    void noPathReachesAnythingButTheAssets(String path) throws IOException {
        Reply r = get(path, own());
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.body()).doesNotContain("<project").doesNotContain("root:").doesNotContain("grad playground");
    }

    @Test
    void aBadSettingGetsTheCommandLinesOwnMessageAndChangesNothing() throws Exception {
        String before = session.await(-1, -1, 0).state();
        Reply r = raw(post("/api/settings", "{\"--lr\":\"abc\"}", ""));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).isEqualTo("{\"error\":\"" + cliError("--lr", "abc") + "\"}");
        Reply range = raw(post("/api/settings", "{\"--batch-size\":\"0\"}", ""));
        assertThat(range.body()).contains(cliError("--batch-size", "0"));
        assertThat(session.await(-1, -1, 0).state()).isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"--output-dir\":\"/tmp\"}", "{\"--dataset\":\"/etc/passwd\"}", "{\"--dataset\":\"pom.xml\"}",
        "{\"--hidden-units\":\"8,100\"}", "{\"--lr\":\"auto\"}", "{\"--lr\":3}", "{\"--input-features\":\"x,z\"}", "[1,2]",
        "{\"--noise\":\"0.9\"}", "not json", "{\"--lr\":\"0.1\"", ""})
    void refusesWhatThePageMayNotSetWithOneLine(String body) throws IOException {
        Reply r = raw(post("/api/settings", body, ""));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).startsWith("{\"error\":\"").doesNotContain("Exception").doesNotContain("\\n");
        assertThat(get("/", own()).status()).isEqualTo(200);
    }

    @Test
    void aGoodSettingStartsANewRunThatTheCommandLineShows() throws Exception {
        Reply r = raw(post("/api/settings", "{\"--dataset\":\"moons\",\"--hidden-units\":\"4,4\"}", ""));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        String state = session.await(-1, -1, 0).state();
        assertThat(state).contains("\"command\":\"java -jar grad.jar --class-size 50 --test-split 0.5 --dataset moons"
                + " --hidden-units 4,4 --epochs 1\"");
    }

    @Test
    void refusesOtherMethodsAndTypes() throws IOException {
        assertThat(raw("DELETE / HTTP/1.1\r\nHost: " + own() + "\r\n\r\n").status()).isEqualTo(405);
        assertThat(get("/api/control", own()).status()).isEqualTo(405);
        String form = "POST /api/control HTTP/1.1\r\nHost: " + own() + "\r\nContent-Type: text/plain\r\n"
                + "Content-Length: 18\r\n\r\n{\"action\":\"play\"}\n";
        assertThat(raw(form).status()).isEqualTo(415);
        assertThat(raw(post("/api/control", "{\"action\":\"explode\"}", "")).body())
                .isEqualTo("{\"error\":\"unknown action 'explode': play, pause, step or reset\"}");
    }

    @Test
    void oversizedRequestsAreRefusedAndTheServerGoesOn() throws IOException {
        Reply big = raw(post("/api/settings", "{\"--lr\":\"" + "1".repeat(PlaygroundServer.MAX_BODY) + "\"}", ""));
        assertThat(big.status()).isEqualTo(413);
        Reply claimed = raw("POST /api/settings HTTP/1.1\r\nHost: " + own() + "\r\nContent-Type: application/json\r\n"
                + "Content-Length: 999999999\r\n\r\n{}");
        assertThat(claimed.status()).isEqualTo(413);
        Reply headers = raw("GET / HTTP/1.1\r\nHost: " + own() + "\r\nX-Big: " + "a".repeat(100_000) + "\r\n\r\n");
        assertThat(headers.status()).as("too large a header is refused, or the connection closed").isNotEqualTo(200);
        assertThat(get("/", own()).status()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void garbageBytesDoNotStopIt(long seed) throws IOException {
        byte[] junk = new byte[2000];
        new SplittableRandom(seed).nextBytes(junk);
        rawBytes(junk);
        rawBytes("GET\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        rawBytes("GET / HTTP/9.9 extra words\r\nHost\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        assertThat(get("/", own()).status()).isEqualTo(200);
    }

    @Test
    void droppedConnectionsDoNotStopIt() throws Exception {
        for (int i = 0; i < 20; i++) {
            try (Socket s = socket()) {
                s.getOutputStream().write(("POST /api/settings HTTP/1.1\r\nHost: " + own()
                        + "\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"--l").getBytes(StandardCharsets.US_ASCII));
            }
        }
        assertThat(get("/", own()).status()).isEqualTo(200);
    }

    /**
     * Connections that open and say nothing hold no thread, and those that send half a request one each (until
     * {@code sun.net.httpserver.maxReqTime} drops them), fewer than the pool's: the page is still served.
     */
    @Test
    void manySilentConnectionsDoNotStopIt() throws Exception {
        List<Socket> silent = new ArrayList<>();
        try {
            for (int i = 0; i < 200; i++) {
                Socket s = socket();
                if (i % 2 == 1) {
                    s.getOutputStream().write(("GET / HTTP/1.1\r\nHost: " + own() + "\r\n").getBytes(StandardCharsets.US_ASCII));
                }
                silent.add(s);
            }
            assertThat(get("/", own()).status()).isEqualTo(200);
            assertThat(raw(post("/api/control", "{\"action\":\"pause\"}", "")).status()).isEqualTo(200);
        } finally {
            for (Socket s : silent) {
                s.close();
            }
        }
    }

    @Test
    void trainingRunsWhileAPageWatchesAndStopsWhenTheLastGoesAway() throws Exception {
        int before = epoch(session.await(-1, -1, 0).state());
        assertThat(session.pages()).isZero();
        java.net.HttpURLConnection page = events();
        try {
            java.io.BufferedReader in = lines(page);
            List<String> events = new ArrayList<>();
            int epoch = before;
            for (String line = in.readLine(); line != null && epoch < before + 3; line = in.readLine()) {
                if (line.startsWith("event: ")) {
                    events.add(line);
                } else if (line.startsWith("data: ") && events.get(events.size() - 1).equals("event: state")) {
                    epoch = epoch(line);
                }
            }
            assertThat(epoch).as("epochs trained while the page watched").isGreaterThanOrEqualTo(before + 3);
            assertThat(events.get(0)).isEqualTo("event: data");
            assertThat(session.pages()).isEqualTo(1);
        } finally {
            page.disconnect();
        }
        waitFor(() -> session.pages() == 0);
        int stopped = epoch(session.await(-1, -1, 0).state());
        long version = session.await(-1, -1, 0).stateVersion();
        Session.Snapshot later = session.await(version, session.await(-1, -1, 0).dataVersion(), 1500);
        assertThat(later.stateVersion()).as("no new epoch without a page").isEqualTo(version);
        assertThat(epoch(later.state())).isEqualTo(stopped);
    }

    @Test
    void atMostAFewEventStreamsAtOnce() throws Exception {
        List<java.net.HttpURLConnection> pages = new ArrayList<>();
        try {
            for (int i = 0; i < PlaygroundServer.MAX_STREAMS; i++) {
                java.net.HttpURLConnection page = events();
                pages.add(page);
                readUntil(lines(page), "event: state");
            }
            assertThat(get("/events", own()).status()).isEqualTo(503);
            assertThat(get("/", own()).status()).isEqualTo(200);
        } finally {
            pages.forEach(java.net.HttpURLConnection::disconnect);
        }
    }

    @Test
    void saveWritesTheModelFileAndSaysWhichCommandWritesTheSame() throws IOException {
        Reply r = raw(post("/api/save", "{}", ""));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        Path file = dir.resolve("model.json");
        assertThat(Files.readString(file)).contains("\"weights\"");
        assertThat(r.body()).contains("--save-model " + file);
    }

    /** Step trains exactly one epoch each; save writes what the command it names writes; reset starts again. */
    @Test
    void stepSaveAndReset() throws Exception {
        assertThat(raw(post("/api/control", "{\"action\":\"pause\"}", "")).status()).isEqualTo(200);
        for (int i = 1; i <= 3; i++) {
            assertThat(raw(post("/api/control", "{\"action\":\"step\"}", "")).status()).isEqualTo(200);
            int done = i;
            waitFor(() -> epoch(state()) == done);
        }
        Reply saved = raw(post("/api/save", "{}", ""));
        com.google.gson.JsonObject reply = com.google.gson.JsonParser.parseString(saved.body()).getAsJsonObject();
        assertThat(reply.get("epochs").getAsInt()).isEqualTo(3);
        String command = reply.get("command").getAsString();
        assertThat(command).startsWith("java -jar grad.jar ").contains(" --epochs 3 ").doesNotContain("'");
        List<String> args = new ArrayList<>(List.of(command.substring("java -jar grad.jar ".length())
                .replace(dir.resolve("model.json").toString(), dir.resolve("cli.json").toString()).split(" ")));
        args.addAll(List.of("--no-plots", "--no-report", "-o", dir.resolve("out").toString()));
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(new StringWriter(), true));
        cli.setErr(new PrintWriter(new StringWriter(), true));
        assertThat(cli.execute(args.toArray(String[]::new))).isZero();
        assertThat(Files.readString(dir.resolve("model.json"))).isEqualTo(Files.readString(dir.resolve("cli.json")));
        assertThat(raw(post("/api/control", "{\"action\":\"reset\"}", "")).status()).isEqualTo(200);
        assertThat(epoch(state())).isZero();
    }

    private String state() {
        try {
            return session.await(-1, -1, 0).state();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void theGraphIsAnSvgOfOneSample() throws IOException {
        Reply r = get("/graph.svg", own());
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("content-type")).isEqualTo("image/svg+xml");
        assertThat(r.body()).startsWith("<svg").contains("data ").contains("grad ");
    }

    /** An exception nobody expected: a 500 with one generic line, nothing of the exception; one line on the log. */
    @Test
    void anUnexpectedFailureTellsTheClientNothingOfItAndLogsOneLine() throws IOException {
        ByteArrayOutputStream logged = new ByteArrayOutputStream();
        try (PlaygroundServer quiet = new PlaygroundServer(new Session(Settings.of(TrainingArguments.READER, List.of("--class-size", "20")),
                dir.resolve("other.json")), 0, new GraphSvg(Optional.empty()),
                new java.io.PrintStream(logged, true, StandardCharsets.UTF_8))) {
            FailingExchange ex = new FailingExchange(new IllegalStateException("secret /home/someone/.ssh\nat line 2"));
            quiet.handle(ex);
            assertThat(ex.status).isEqualTo(500);
            assertThat(ex.body.toString(StandardCharsets.UTF_8))
                    .isEqualTo("{\"error\":\"" + PlaygroundServer.INTERNAL_ERROR + "\"}")
                    .doesNotContain("IllegalState").doesNotContain("secret");
            assertThat(ex.closed).isTrue();
            assertThat(logged.toString(StandardCharsets.UTF_8)).isEqualTo("grad playground: internal error answering GET"
                    + " /graph.svg: java.lang.IllegalStateException: secret /home/someone/.ssh at line 2" + System.lineSeparator());
        }
        assertThat(get("/", own()).status()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"mailto:someone", "*", "?x", "index.html"})
    void aRequestWithoutAPathIsRefusedOrDropped(String target) throws IOException {
        Reply r = raw("GET " + target + " HTTP/1.1\r\nHost: " + own() + "\r\nConnection: close\r\n\r\n");
        assertThat(r.status()).as("answered 400 or 404, or hung up on (-1)").isIn(-1, 400, 404);
        assertThat(r.body()).doesNotContain("Exception").doesNotContain("grad playground");
        assertThat(get("/", own()).status()).isEqualTo(200);
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    /** A GET /graph.svg whose headers cannot be read: it fails with {@code failure}; the reply is kept. */
    private static final class FailingExchange extends com.sun.net.httpserver.HttpExchange {
        private final RuntimeException failure;
        private final com.sun.net.httpserver.Headers response = new com.sun.net.httpserver.Headers();
        final ByteArrayOutputStream body = new ByteArrayOutputStream();
        int status = -1;
        boolean closed;

        FailingExchange(RuntimeException failure) {
            this.failure = failure;
        }

        @Override
        public com.sun.net.httpserver.Headers getRequestHeaders() {
            throw failure;
        }

        @Override
        public com.sun.net.httpserver.Headers getResponseHeaders() {
            return response;
        }

        @Override
        public java.net.URI getRequestURI() {
            return java.net.URI.create("/graph.svg");
        }

        @Override
        public String getRequestMethod() {
            return "GET";
        }

        @Override
        public com.sun.net.httpserver.HttpContext getHttpContext() {
            return null;
        }

        @Override
        public void close() {
            closed = true;
        }

        @Override
        public InputStream getRequestBody() {
            return InputStream.nullInputStream();
        }

        @Override
        public OutputStream getResponseBody() {
            return body;
        }

        @Override
        public void sendResponseHeaders(int code, long length) {
            status = code;
        }

        @Override
        public java.net.InetSocketAddress getRemoteAddress() {
            return null;
        }

        @Override
        public int getResponseCode() {
            return status;
        }

        @Override
        public java.net.InetSocketAddress getLocalAddress() {
            return null;
        }

        @Override
        public String getProtocol() {
            return "HTTP/1.1";
        }

        @Override
        public Object getAttribute(String name) {
            return null;
        }

        @Override
        public void setAttribute(String name, Object value) {
        }

        @Override
        public void setStreams(InputStream in, OutputStream out) {
        }

        @Override
        public com.sun.net.httpserver.HttpPrincipal getPrincipal() {
            return null;
        }
    }

    /** The command line's one-line message for {@code option value}, without its "grad: " prefix. */
    private static String cliError(String option, String value) {
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setErr(new PrintWriter(err, true));
        cli.setOut(new PrintWriter(new StringWriter(), true));
        int code = cli.execute(option, value);
        assertThat(code).isEqualTo(2);
        return err.toString().lines().findFirst().orElseThrow().replaceFirst("^grad: ", "");
    }

    private static int epoch(String state) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"epoch\":(\\d+),").matcher(state);
        assertThat(m.find()).as("the epoch in %s", state.length() > 300 ? state.substring(0, 300) : state).isTrue();
        return Integer.parseInt(m.group(1));
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 600 && !condition.getAsBoolean(); i++) {
            Thread.sleep(100);
        }
        assertThat(condition.getAsBoolean()).isTrue();
    }

    private String own() {
        return "127.0.0.1:" + port;
    }

    private String post(String path, String body, String extraHeaders) {
        return "POST " + path + " HTTP/1.1\r\nHost: " + own() + "\r\nContent-Type: application/json\r\n" + extraHeaders
                + "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\nConnection: close\r\n\r\n" + body;
    }

    private Reply get(String path, String host) throws IOException {
        return raw("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n");
    }

    private Socket socket() throws IOException {
        Socket s = new Socket(InetAddress.getLoopbackAddress(), port);
        s.setSoTimeout(30_000);
        return s;
    }

    private Reply raw(String request) throws IOException {
        return Reply.parse(rawBytes(request.getBytes(StandardCharsets.UTF_8)));
    }

    /** Sends the bytes and reads the reply until the server closes or one response is complete. */
    private String rawBytes(byte[] request) throws IOException {
        try (Socket s = socket()) {
            OutputStream out = s.getOutputStream();
            try {
                out.write(request);
                out.flush();
                s.shutdownOutput();
            } catch (IOException closedEarly) {
                // the server may hang up before reading it all; what it answered is read below
            }
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            try {
                InputStream in = s.getInputStream();
                byte[] buffer = new byte[8192];
                int n;
                while ((n = in.read(buffer)) > 0) {
                    got.write(buffer, 0, n);
                    if (Reply.complete(got.toString(StandardCharsets.UTF_8))) {
                        break;
                    }
                }
            } catch (SocketTimeoutException | java.net.SocketException e) {
                // closed or silent: what came is the answer
            }
            return got.toString(StandardCharsets.UTF_8);
        }
    }

    /** An event stream, as a browser's EventSource opens it (the JDK's client reads its chunks). */
    private java.net.HttpURLConnection events() throws IOException {
        java.net.HttpURLConnection c = (java.net.HttpURLConnection) java.net.URI.create("http://" + own() + "/events").toURL()
                .openConnection();
        c.setReadTimeout(30_000);
        assertThat(c.getResponseCode()).isEqualTo(200);
        assertThat(c.getContentType()).startsWith("text/event-stream");
        return c;
    }

    private static java.io.BufferedReader lines(java.net.HttpURLConnection c) throws IOException {
        return new java.io.BufferedReader(new java.io.InputStreamReader(c.getInputStream(), StandardCharsets.UTF_8));
    }

    private static void readUntil(java.io.BufferedReader lines, String marker) throws IOException {
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            if (line.startsWith(marker)) {
                return;
            }
        }
        throw new AssertionError("the stream ended before " + marker);
    }

    /** An HTTP response: status, headers (lower-case names), body. */
    private record Reply(int status, java.util.Map<String, String> headers, String body) {
        static Reply parse(String text) {
            if (!text.startsWith("HTTP/1.1 ")) {
                return new Reply(-1, java.util.Map.of(), text);
            }
            int end = text.indexOf("\r\n\r\n");
            String head = end < 0 ? text : text.substring(0, end);
            java.util.Map<String, String> headers = new java.util.HashMap<>();
            head.lines().skip(1).forEach(l -> {
                int colon = l.indexOf(':');
                if (colon > 0) {
                    headers.put(l.substring(0, colon).strip().toLowerCase(java.util.Locale.ROOT), l.substring(colon + 1).strip());
                }
            });
            return new Reply(Integer.parseInt(text.substring(9, 12)), headers, end < 0 ? "" : text.substring(end + 4));
        }

        static boolean complete(String text) {
            Reply r = parse(text);
            String length = r.headers().get("content-length");
            return length != null && r.body().getBytes(StandardCharsets.UTF_8).length >= Integer.parseInt(length);
        }

        String header(String name) {
            return headers.get(name);
        }
    }
}
