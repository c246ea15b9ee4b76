package io.agenttelemetry.connect.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

class ReadAheadTest {
    private static List<SourceRecord> batch(int number) {
        return List.of(new SourceRecord(Map.of("file", "a"), Map.of("position", (long) number), "t", null, "line " + number));
    }

    private static final long WAIT_MS = 10_000;

    @Test
    void batchesComeOutInTheOrderTheyWereReadAndOneAtMostIsReadAhead() throws Exception {
        AtomicInteger reads = new AtomicInteger();
        ReadAhead readAhead = new ReadAhead(() -> batch(reads.incrementAndGet()), 10, "test-reader");
        try {
            List<Object> values = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                values.add(readAhead.take(WAIT_MS).get(0).value());
            }
            assertEquals(List.of("line 1", "line 2", "line 3", "line 4", "line 5"), values);
            Thread.sleep(200);
            // The sixth is waiting to be taken and the seventh is being read (or waits to be handed over): no more.
            assertTrue(reads.get() <= 7, "read ahead: " + reads.get());
        } finally {
            readAhead.stop(WAIT_MS);
        }
    }

    @Test
    void nothingNewGivesAnEmptyBatchAfterTheTimeout() throws Exception {
        ReadAhead readAhead = new ReadAhead(List::of, 5, "test-reader");
        try {
            assertTrue(readAhead.take(50).isEmpty());
        } finally {
            readAhead.stop(WAIT_MS);
        }
    }

    @Test
    void aReadFailureFailsTheNextTake() throws Exception {
        AtomicInteger reads = new AtomicInteger();
        ReadAhead readAhead = new ReadAhead(() -> {
            if (reads.incrementAndGet() == 2) {
                throw new IOException("disk gone");
            }
            return batch(reads.get());
        }, 5, "test-reader");
        try {
            assertEquals("line 1", readAhead.take(WAIT_MS).get(0).value());
            ConnectException e = assertThrows(ConnectException.class, () -> readAhead.take(WAIT_MS));
            assertTrue(e.getMessage().contains("disk gone"), e.getMessage());
            assertTrue(readAhead.take(50).isEmpty(), "the reader stops after a failure");
            assertEquals(2, reads.get());
        } finally {
            readAhead.stop(WAIT_MS);
        }
    }

    @Test
    void stopWaitsUntilTheReaderNoLongerReads() throws Exception {
        AtomicInteger reads = new AtomicInteger();
        ReadAhead readAhead = new ReadAhead(() -> batch(reads.incrementAndGet()), 5, "test-reader-stopped");
        readAhead.take(WAIT_MS);
        readAhead.stop(WAIT_MS);
        int afterStop = reads.get();
        Thread.sleep(100);
        assertEquals(afterStop, reads.get());
        assertFalse(Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals("test-reader-stopped") && t.isAlive()));
    }
}
