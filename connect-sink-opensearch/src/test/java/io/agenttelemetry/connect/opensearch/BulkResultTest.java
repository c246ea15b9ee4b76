package io.agenttelemetry.connect.opensearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

class BulkResultTest {
    private static List<BulkResult.Failure> failures(String json, int items) throws IOException {
        return BulkResult.failures(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), items);
    }

    @Test
    void noErrorsMeansNoItemIsRead() throws IOException {
        // What follows errors:false is not read: here it is not even JSON.
        assertEquals(List.of(), failures("{\"errors\":false,\"items\":[{\"index\":{\"status\":201}} this is not read", 5));
    }

    @Test
    void failedItemsComeWithTheirPositionStatusAndError() throws IOException {
        // A response as OpenSearch writes it with the sink's filter_path: each item keeps its status.
        String response = "{\"errors\":true,\"items\":["
                + "{\"index\":{\"status\":201}},"
                + "{\"index\":{\"status\":400,\"error\":{\"type\":\"mapper_parsing_exception\",\"reason\":\"failed to parse field [startTime]\","
                + "\"caused_by\":{\"type\":\"illegal_argument_exception\",\"reason\":\"x\"}}}},"
                + "{\"create\":{\"status\":409,\"error\":{\"type\":\"version_conflict_engine_exception\",\"reason\":\"exists\"}}},"
                + "{\"index\":{\"status\":429,\"error\":{\"type\":\"es_rejected_execution_exception\",\"reason\":\"queue full\"}}},"
                + "{\"delete\":{\"status\":404}}]}";
        List<BulkResult.Failure> failures = failures(response, 5);
        assertEquals(3, failures.size());
        assertEquals(1, failures.get(0).item());
        assertEquals(400, failures.get(0).status());
        assertEquals("mapper_parsing_exception", failures.get(0).type());
        assertEquals("failed to parse field [startTime]", failures.get(0).reason());
        assertEquals(2, failures.get(1).item());
        assertEquals(409, failures.get(1).status());
        assertEquals(3, failures.get(2).item());
        assertEquals(429, failures.get(2).status());
    }

    @Test
    void aResponseThatDoesNotMatchTheRequestIsAnError() {
        assertThrows(IOException.class, () -> failures("{\"errors\":true,\"items\":[{\"index\":{\"status\":201}}]}", 2));
        assertThrows(IOException.class, () -> failures("[]", 1));
        IOException e = assertThrows(IOException.class, () -> failures("{\"errors\":true,\"items\":{}}", 1));
        assertTrue(e.getMessage().contains("not a bulk response"), e.getMessage());
    }
}
