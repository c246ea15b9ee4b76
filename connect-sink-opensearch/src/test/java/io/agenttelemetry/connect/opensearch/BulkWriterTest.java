package io.agenttelemetry.connect.opensearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

class BulkWriterTest {
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
