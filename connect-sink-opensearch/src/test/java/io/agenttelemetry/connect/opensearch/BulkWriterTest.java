package io.agenttelemetry.connect.opensearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.connect.errors.ConnectException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

class BulkWriterTest {
    /** Answers bulk requests with the queued status and body, in turn, and keeps what it was sent. */
    private HttpServer server;
    private final Deque<Object[]> answers = new ArrayDeque<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();

    private final List<String> authorizations = new CopyOnWriteArrayList<>();

    private BulkWriter writer(int maxRetries) throws IOException {
        return writer(maxRetries, Map.of());
    }

    /** @param settings more settings; its connection.url, if any, goes before the server's */
    private BulkWriter writer(int maxRetries, Map<String, String> settings) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/_bulk", exchange -> {
            authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            requests.add(exchange.getRequestURI().getQuery() + " " + exchange.getRequestHeaders().getFirst("Content-Type") + "\n"
                    + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            Object[] answer = answers.poll();
            byte[] body = ((String) answer[1]).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders((Integer) answer[0], body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        Map<String, String> config = new java.util.HashMap<>(settings);
        String url = "http://127.0.0.1:" + server.getAddress().getPort();
        config.merge("connection.url", url, (first, then) -> first + "," + then);
        config.put("max.retries", Integer.toString(maxRetries));
        config.put("retry.backoff.ms", "10");
        return new BulkWriter(new OpenSearchSinkConfig(config));
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private void answer(int status, String body) {
        answers.add(new Object[] {status, body});
    }

    private static List<Document> documents(int n) {
        List<Document> docs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            docs.add(new Document(null, "agent-spans", "id-" + i, ("{\"n\":" + i + "}").getBytes(StandardCharsets.UTF_8)));
        }
        return docs;
    }

    private static Throwable failure(BulkWriter w, List<Document> docs) {
        ExecutionException e = assertThrows(ExecutionException.class, () -> w.send(docs).get(10, TimeUnit.SECONDS));
        return e.getCause();
    }

    @Test
    void sendsTheNdjsonAndRetriesOnlyTheItemsThatMayPass() throws Exception {
        try (BulkWriter w = writer(3)) {
            answer(200, "{\"errors\":true,\"items\":[{\"index\":{\"status\":201}},"
                    + "{\"index\":{\"status\":400,\"error\":{\"type\":\"mapper_parsing_exception\",\"reason\":\"bad\"}}},"
                    + "{\"index\":{\"status\":429,\"error\":{\"type\":\"es_rejected_execution_exception\",\"reason\":\"busy\"}}}]}");
            answer(200, "{\"errors\":false,\"items\":[{\"index\":{\"status\":201}}]}");
            List<Document> docs = documents(3);
            List<BulkWriter.Rejected> rejected = w.send(docs).get(10, TimeUnit.SECONDS);
            assertEquals(1, rejected.size());
            assertEquals("id-1", rejected.get(0).document.id);
            assertEquals("mapper_parsing_exception: bad", rejected.get(0).reason);
            assertEquals(2, requests.size());
            assertEquals("filter_path=" + BulkResult.FILTER_PATH + " application/x-ndjson\n"
                    + new String(BulkBody.of(docs, false).readAllBytes(), StandardCharsets.UTF_8), requests.get(0));
            assertTrue(requests.get(1).endsWith(new String(BulkBody.of(docs.subList(2, 3), false).readAllBytes(), StandardCharsets.UTF_8)), requests.get(1));
        }
    }

    @Test
    void aThrottledOrFailingRequestIsSentAgainUntilRetriesAreUsedUp() throws Exception {
        try (BulkWriter w = writer(2)) {
            answer(503, "{\"error\":\"unavailable\"}");
            answer(429, "{\"error\":\"busy\"}");
            answer(200, "{\"errors\":false,\"items\":[]}");
            assertEquals(List.of(), w.send(documents(2)).get(10, TimeUnit.SECONDS));
            assertEquals(3, requests.size());
            answer(503, "{}");
            answer(503, "{}");
            answer(503, "{}");
            Throwable still = failure(w, documents(1));
            assertInstanceOf(BulkWriter.StillFailing.class, still);
            assertTrue(still.getCause().getMessage().contains("503"), still.getCause().getMessage());
        }
    }

    @Test
    void refusedCredentialsAndBadRequestsFailAtOnce() throws Exception {
        try (BulkWriter w = writer(5)) {
            answer(401, "{\"error\":\"unauthorized\"}");
            Throwable refused = failure(w, documents(1));
            assertInstanceOf(ConnectException.class, refused);
            assertTrue(refused.getMessage().contains("refused the request with HTTP 401"), refused.getMessage());
            answer(400, "{\"error\":\"illegal_argument_exception\"}");
            Throwable bad = failure(w, documents(1));
            assertTrue(bad.getMessage().startsWith("OpenSearch refused the bulk request: HTTP 400"), bad.getMessage());
            assertEquals(2, requests.size(), "neither was sent again");
        }
    }

    @Test
    void basicCredentialsGoWithTheFirstRequestSinceAStreamedBodyCannotBeSentTwice() throws Exception {
        try (BulkWriter w = writer(0, Map.of("connection.username", "sink", "connection.password", "pa:ss wörd"))) {
            answer(200, "{\"errors\":false}");
            assertEquals(List.of(), w.send(documents(2)).get(10, TimeUnit.SECONDS));
            String basic = java.util.Base64.getEncoder().encodeToString("sink:pa:ss wörd".getBytes(StandardCharsets.UTF_8));
            assertEquals(List.of("Basic " + basic), authorizations);
        }
    }

    @Test
    void aRequestThatFindsNoServerIsSentAgainToTheNextHost() throws Exception {
        int closedPort;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        try (BulkWriter w = writer(1, Map.of("connection.url", "http://127.0.0.1:" + closedPort))) {
            answer(200, "{\"errors\":false}");
            List<Document> docs = documents(3);
            assertEquals(List.of(), w.send(docs).get(10, TimeUnit.SECONDS));
            assertEquals(1, requests.size());
            assertTrue(requests.get(0).endsWith(new String(BulkBody.of(docs, false).readAllBytes(), StandardCharsets.UTF_8)));
        }
    }

    /** Write calls this process has made (Linux), or -1 where that is not known. */
    private static long writeCalls() throws IOException {
        Path io = Path.of("/proc/self/io");
        if (!Files.isReadable(io)) {
            return -1;
        }
        return Files.readAllLines(io).stream().filter(l -> l.startsWith("syscw:"))
                .mapToLong(l -> Long.parseLong(l.substring(6).trim())).findFirst().orElse(-1);
    }

    @Test
    void aBulkBodyGoesToTheSocketInLargeWrites() throws Exception {
        assumeTrue(writeCalls() >= 0, "no /proc/self/io here");
        try (BulkWriter w = writer(0)) {
            answer(200, "{\"errors\":false}");
            String source = "{\"body\":\"" + "x".repeat(1_000) + "\"}";
            List<Document> docs = new ArrayList<>();
            for (int i = 0; i < 1_000; i++) {
                docs.add(new Document(null, "agent-logs", "id-" + i, source.getBytes(StandardCharsets.UTF_8)));
            }
            long before = writeCalls();
            assertEquals(List.of(), w.send(docs).get(10, TimeUnit.SECONDS));
            long writes = writeCalls() - before;
            // About 1 MB: some 20 writes of WRITE_CHUNK_BYTES, against 500 with the client's default of 2 KiB.
            assertTrue(writes < 150, writes + " write calls for a request of about 1 MB");
            assertTrue(requests.get(0).endsWith(new String(BulkBody.of(docs, false).readAllBytes(), StandardCharsets.UTF_8)));
        }
    }

    @Test
    void throttlingAndServerErrorsAreRetriedClientErrorsAreNot() {
        assertTrue(BulkWriter.retriable(429));
        assertTrue(BulkWriter.retriable(503));
        assertEquals(false, BulkWriter.retriable(400));
        assertEquals(false, BulkWriter.retriable(409));
    }

    @Test
    void backoffDoublesWithJitterAndIsCapped() {
        BulkWriter w = new BulkWriter(new OpenSearchSinkConfig(Map.of("connection.url", "http://127.0.0.1:1", "retry.backoff.ms", "100")));
        for (int i = 0; i < 50; i++) {
            long first = w.backoffMillis(0);
            assertTrue(first >= 50 && first <= 100, "first " + first);
            long third = w.backoffMillis(2);
            assertTrue(third >= 200 && third <= 400, "third " + third);
            assertTrue(w.backoffMillis(40) <= 60_000);
        }
    }
}
