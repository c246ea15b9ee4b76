package io.agenttelemetry.connect.opensearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.Proxy;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTaskContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

class OpenSearchSinkTaskTest {
    /** A bulk item's document id, in its action line. */
    private static final Pattern BULK_ID = Pattern.compile("\"_id\":\"([^\"]+)\"");

    /** Answers template PUTs with the queued statuses in turn (200 once they run out), bulk requests with success. */
    private HttpServer server;
    private final Deque<Integer> templateAnswers = new ArrayDeque<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    /** The document ids of the bulk requests, in the order they came. */
    private final List<String> bulkIds = new CopyOnWriteArrayList<>();
    private OpenSearchSinkTask task;

    private Map<String, String> startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String request = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String path = exchange.getRequestURI().getPath();
            Matcher id = BULK_ID.matcher(request);
            while (path.equals("/_bulk") && id.find()) {
                bulkIds.add(id.group(1));
            }
            Integer status = path.startsWith("/_index_template/") ? templateAnswers.poll() : null;
            status = status == null ? 200 : status;
            requests.add(exchange.getRequestMethod() + " " + path + " " + status);
            byte[] body = (path.equals("/_bulk") ? "{\"errors\":false}" : status == 200 ? "{\"acknowledged\":true}" : "{\"error\":\"no\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        Map<String, String> config = new HashMap<>();
        config.put("connection.url", "http://127.0.0.1:" + server.getAddress().getPort());
        config.put("index.name.template", "agent-{kind}");
        config.put("batch.size", "2");
        config.put("linger.ms", "0");
        config.put("retry.backoff.ms", "10");
        return config;
    }

    @AfterEach
    void stop() {
        if (task != null) {
            task.stop();
        }
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void theTemplatesAreInstalledAtStartBeforeAnyRecord() throws Exception {
        startTask(startServer());
        assertEquals(Set.of("PUT /_index_template/agent-spans 200", "PUT /_index_template/agent-logs 200"), Set.copyOf(requests));
        put(2);
        assertEquals(3, requests.size(), "installed once: " + requests);
        assertEquals("POST /_bulk 200", requests.get(2));
    }

    @Test
    void templatesOpenSearchCannotTakeYetAreInstalledBeforeTheFirstWrite() throws Exception {
        Map<String, String> config = startServer();
        templateAnswers.add(503);
        startTask(config); // does not fail: OpenSearch is busy or starting
        assertEquals(1, requests.size(), requests.toString());
        assertTrue(requests.get(0).matches("PUT /_index_template/agent-(spans|logs) 503"), requests.get(0));
        put(2);
        assertEquals(Set.of("PUT /_index_template/agent-spans 200", "PUT /_index_template/agent-logs 200"),
                Set.copyOf(requests.subList(1, 3)), "tried again before the first write: " + requests);
        assertEquals("POST /_bulk 200", requests.get(3));
        assertEquals(4, requests.size(), requests.toString());
    }

    @Test
    void refusedCredentialsFailTheTaskAtStart() throws Exception {
        Map<String, String> config = startServer();
        templateAnswers.add(401);
        ConnectException e = assertThrows(ConnectException.class, () -> startTask(config));
        assertTrue(e.getMessage().contains("HTTP 401"), e.getMessage());
    }

    @Test
    void recordsDeliveredAgainAreTakenOnce() throws Exception {
        startTask(startServer());
        // Connect delivers a poll's records again after put threw RetriableException, with new ones behind them.
        task.put(List.of(record(0, 0), record(0, 1), record(1, 0), record(0, 2)));
        task.put(List.of(record(0, 0), record(0, 1), record(0, 2), record(0, 3), record(1, 0), record(1, 1), record(0, 4)));
        task.put(List.of(record(1, 1), record(1, 2)));
        for (int i = 0; i < 100 && bulkIds.size() < 8; i++) {
            task.preCommit(Map.of());
            sleep();
        }
        assertEquals(List.of("t+0+0", "t+0+1", "t+0+2", "t+0+3", "t+0+4", "t+1+0", "t+1+1", "t+1+2"),
                bulkIds.stream().sorted().collect(Collectors.toList()));
    }

    private static SinkRecord record(int partition, long offset) {
        return new SinkRecord("t", partition, null, null, null, Map.of("message", "m"), offset);
    }

    private void startTask(Map<String, String> config) {
        task = new OpenSearchSinkTask();
        task.initialize(context());
        task.start(config);
    }

    private void put(int n) {
        List<SinkRecord> records = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            records.add(new SinkRecord("t", 0, null, null, null, Map.of("message", "m" + i), i));
        }
        task.put(records);
        task.preCommit(Map.of()); // waits for nothing, but takes in the write that ended
        for (int i = 0; i < 100 && requests.stream().noneMatch(r -> r.startsWith("POST /_bulk")); i++) {
            sleep();
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A context that answers nothing: all the task does with it here is set a timeout. */
    private static SinkTaskContext context() {
        return (SinkTaskContext) Proxy.newProxyInstance(SinkTaskContext.class.getClassLoader(),
                new Class<?>[] {SinkTaskContext.class}, (proxy, method, args) -> null);
    }
}
