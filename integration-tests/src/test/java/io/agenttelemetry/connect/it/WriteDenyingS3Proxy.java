package io.agenttelemetry.connect.it;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Stands in front of the local S3 server and, while told to, answers every write (PUT, POST, DELETE) with
 * 403 AccessDenied, as S3 does when a bucket policy denies it; reads and, otherwise, all requests pass through
 * unchanged. The Host header is forwarded as the client sent it, so SigV4 signatures stay valid (the test JVM
 * allows that header: jdk.httpclient.allowRestrictedHeaders=host, set in the failsafe configuration).
 */
final class WriteDenyingS3Proxy implements AutoCloseable {
    private static final Set<String> WRITES = Set.of("PUT", "POST", "DELETE");
    /** Headers the HTTP client sets itself, or that concern one hop only. */
    private static final Set<String> HOP_HEADERS = Set.of("connection", "content-length", "expect", "upgrade",
            "transfer-encoding", "keep-alive");
    private static final byte[] ACCESS_DENIED = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>AccessDenied</Code>"
            + "<Message>Access Denied</Message><RequestId>fault-suite</RequestId></Error>").getBytes(StandardCharsets.UTF_8);

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(8);
    private final HttpClient forward = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String target;
    private volatile boolean denying;
    final AtomicInteger denied = new AtomicInteger();

    WriteDenyingS3Proxy(String target) throws IOException {
        this.target = target;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    void denyWrites(boolean deny) {
        denying = deny;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String method = exchange.getRequestMethod();
            if (denying && WRITES.contains(method)) {
                denied.incrementAndGet();
                reply(exchange, 403, Map.of("Content-Type", List.of("application/xml")), ACCESS_DENIED, method);
                return;
            }
            URI uri = exchange.getRequestURI();
            HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(target + uri.getRawPath()
                    + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())))
                    .method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (!HOP_HEADERS.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                    values.forEach(v -> req.header(name, v));
                }
            });
            HttpResponse<byte[]> r;
            try {
                r = forward.send(req.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException e) {
                // The S3 server is down: as a load balancer in front of it would answer.
                reply(exchange, 503, Map.of(), new byte[0], method);
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            reply(exchange, r.statusCode(), r.headers().map(), r.body(), method);
        }
    }

    private static void reply(HttpExchange exchange, int status, Map<String, List<String>> headers, byte[] body, String method) throws IOException {
        headers.forEach((name, values) -> {
            String lower = name.toLowerCase(java.util.Locale.ROOT);
            if (!HOP_HEADERS.contains(lower) && !lower.equals(":status") && !lower.equals("date")) {
                exchange.getResponseHeaders().put(name, values);
            }
        });
        if (method.equals("HEAD") || body.length == 0) {
            headers.getOrDefault("content-length", List.of()).forEach(v -> exchange.getResponseHeaders().set("Content-Length", v));
            exchange.sendResponseHeaders(status, -1);
        } else {
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
