package io.agenttelemetry.connect.opensearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.connect.errors.ConnectException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

/** Against a fake OpenSearch that answers PUT _data_stream/{name} as the real one does for each case. */
class DataStreamsTest {
    private HttpServer server;
    private final List<String> requests = new ArrayList<>();
    private BulkWriter writer;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/_data_stream/", exchange -> {
            String name = exchange.getRequestURI().getPath().substring("/_data_stream/".length());
            requests.add(exchange.getRequestMethod() + " " + name);
            int status;
            String body;
            switch (name) {
                case "new-stream": status = 200; body = "{\"acknowledged\":true}"; break;
                case "existing-stream": status = 400;
                    body = "{\"error\":{\"type\":\"resource_already_exists_exception\",\"reason\":\"data_stream [existing-stream] already exists\"},\"status\":400}";
                    break;
                case "busy-stream": status = 503; body = "{\"error\":{\"type\":\"cluster_block_exception\"},\"status\":503}"; break;
                default: status = 400;
                    body = "{\"error\":{\"type\":\"illegal_argument_exception\",\"reason\":\"no matching index template found for data stream ["
                            + name + "]\"},\"status\":400}";
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
        writer = new BulkWriter(new OpenSearchSinkConfig(Map.of("connection.url", "http://127.0.0.1:" + server.getAddress().getPort())));
    }

    @AfterEach
    void stop() throws IOException {
        writer.close();
        server.stop(0);
    }

    @Test
    void aStreamIsCreatedOrFoundOnceAndThenRemembered() throws IOException {
        DataStreams streams = new DataStreams();
        streams.ensure(writer.client(), List.of("new-stream", "existing-stream"));
        streams.ensure(writer.client(), List.of("new-stream", "existing-stream"));
        assertEquals(List.of("PUT new-stream", "PUT existing-stream"), requests);
    }

    @Test
    void anOverloadedClusterIsRetriedAndAStreamWithoutTemplateFailsWithOpenSearchsReason() throws IOException {
        DataStreams streams = new DataStreams();
        assertThrows(IOException.class, () -> streams.ensure(writer.client(), List.of("busy-stream")));
        ConnectException refused = assertThrows(ConnectException.class, () -> streams.ensure(writer.client(), List.of("untemplated")));
        assertTrue(refused.getMessage().contains("no matching index template"), refused.getMessage());
        streams.ensure(writer.client(), List.of("new-stream"));
        assertEquals(List.of("PUT busy-stream", "PUT untemplated", "PUT new-stream"), requests, "failures are not remembered");
    }
}
