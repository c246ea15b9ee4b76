package io.agenttelemetry.connect.opensearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;

class BulkPipelineTest {
    /** Remembers each batch sent; its write ends when the test says so. */
    private static final class HeldWrites implements BulkPipeline.Sender {
        final List<List<Document>> batches = new CopyOnWriteArrayList<>();
        final List<CompletableFuture<List<BulkWriter.Rejected>>> results = new CopyOnWriteArrayList<>();

        @Override
        public CompletableFuture<List<BulkWriter.Rejected>> send(List<Document> batch) {
            CompletableFuture<List<BulkWriter.Rejected>> result = new CompletableFuture<>();
            batches.add(batch);
            results.add(result);
            return result;
        }

        void succeed(int i) {
            results.get(i).complete(List.of());
        }

        List<Long> offsets(int i) {
            return batches.get(i).stream().map(d -> d.record.kafkaOffset()).collect(Collectors.toList());
        }
    }

    /** A linger no document reaches: only full batches are due. */
    private static final long FULL_ONLY = Long.MAX_VALUE;
    private final HeldWrites writes = new HeldWrites();
    private long nextOffset;

    private Document document() {
        long offset = nextOffset++;
        SinkRecord r = new SinkRecord("events", 0, null, null, null, "{}", offset);
        return new Document(r, "agent-spans", "id-" + offset, "{}".getBytes(StandardCharsets.UTF_8));
    }

    private void add(BulkPipeline pipeline, int n) {
        for (int i = 0; i < n; i++) {
            pipeline.add(document());
        }
    }

    @Test
    void fullBatchesGoOutWhileTheTaskGoesOnReading() throws Exception {
        BulkPipeline pipeline = new BulkPipeline(writes, 3, 1 << 20, 2, 100, 1L << 30);
        add(pipeline, 7);
        pipeline.send(FULL_ONLY, 0, new ArrayList<>());
        assertEquals(2, writes.batches.size(), "both full batches are being written, none awaited");
        assertEquals(List.of(0L, 1L, 2L), writes.offsets(0));
        assertEquals(List.of(3L, 4L, 5L), writes.offsets(1));
        assertEquals(7, pipeline.pending(), "the last document waits for its batch to fill");
    }

    @Test
    void lingerCountsFromWhenEachDocumentWasBufferedNotFromWhenTheBufferLastFilled() throws Exception {
        long linger = TimeUnit.SECONDS.toNanos(1);
        long twoSeconds = TimeUnit.SECONDS.toNanos(2);
        BulkPipeline pipeline = new BulkPipeline(writes, 3, 1 << 20, 1, 100, 1L << 30);
        for (int i = 0; i < 4; i++) {
            pipeline.add(document(), 0);
        }
        pipeline.send(linger, 0, new ArrayList<>());
        writes.succeed(0);
        // Two seconds on, three more arrive: the one left over is due, and goes out with the first two of them.
        for (int i = 0; i < 3; i++) {
            pipeline.add(document(), twoSeconds);
        }
        pipeline.send(linger, twoSeconds, new ArrayList<>());
        assertEquals(List.of(3L, 4L, 5L), writes.offsets(1));
        assertEquals(2, writes.batches.size(), "the last one waits for its batch to fill");
        writes.succeed(1);
        // It has waited a tenth of a second, not two; after a second of its own it is due.
        assertFalse(pipeline.hasBatchToSend(linger, twoSeconds + TimeUnit.MILLISECONDS.toNanos(100)));
        assertTrue(pipeline.hasBatchToSend(linger, twoSeconds + linger));
        pipeline.send(linger, twoSeconds + linger, new ArrayList<>());
        assertEquals(List.of(6L), writes.offsets(2));
    }

    @Test
    void atMaxInFlightTheTaskWaitsForTheOldestWrite() throws Exception {
        BulkPipeline pipeline = new BulkPipeline(writes, 2, 1 << 20, 1, 100, 1L << 30);
        add(pipeline, 4);
        sendWaitingForTheFirstWrite(pipeline,
                () -> assertEquals(1, writes.batches.size(), "the second batch waits while the first is written"));
        assertEquals(List.of(2L, 3L), writes.offsets(1));
    }

    @Test
    void bufferedAndInFlightDocumentsTogetherStayUnderMaxBufferedRecords() throws Exception {
        BulkPipeline pipeline = new BulkPipeline(writes, 2, 1 << 20, 10, 5, 1L << 30);
        add(pipeline, 4);
        pipeline.send(FULL_ONLY, 0, new ArrayList<>());
        assertEquals(4, pipeline.pending());
        add(pipeline, 1);
        sendWaitingForTheFirstWrite(pipeline, () -> { });
        assertEquals(3, pipeline.pending());
    }

    @Test
    void bufferedAndInFlightBytesTogetherStayUnderMaxBufferedBytes() throws Exception {
        int oneDocument = document().bytes();
        nextOffset = 0;
        BulkPipeline pipeline = new BulkPipeline(writes, 2, 1 << 20, 10, 1000, 3L * oneDocument);
        add(pipeline, 2);
        pipeline.send(FULL_ONLY, 0, new ArrayList<>());
        assertEquals(1, writes.batches.size());
        add(pipeline, 1);
        sendWaitingForTheFirstWrite(pipeline,
                () -> assertEquals(2, writes.batches.size(), "the third document went out alone while the first write runs"));
        assertEquals(1, pipeline.pending());
    }

    @Test
    void aBatchStillFailingAfterItsRetriesIsBufferedAgainAndSentFirst() throws Exception {
        BulkPipeline pipeline = new BulkPipeline(writes, 2, 1 << 20, 2, 100, 1L << 30);
        add(pipeline, 4);
        pipeline.send(FULL_ONLY, 0, new ArrayList<>());
        writes.results.get(0).completeExceptionally(new BulkWriter.StillFailing("down", null));
        writes.succeed(1);
        add(pipeline, 1);
        assertThrows(BulkWriter.StillFailing.class, () -> pipeline.send(FULL_ONLY, 0, new ArrayList<>()));
        assertEquals(3, pipeline.pending(), "the failed batch is kept, the written one is not");

        pipeline.send(0, 0, new ArrayList<>());
        assertEquals(List.of(0L, 1L), writes.offsets(2));
        assertEquals(List.of(4L), writes.offsets(3));
    }

    @Test
    void theOldestDocumentNotYetAcknowledgedHoldsBackItsPartitionsCommitOnly() throws Exception {
        BulkPipeline pipeline = new BulkPipeline(writes, 2, 1 << 20, 4, 100, 1L << 30);
        add(pipeline, 5); // offsets 0-4 of partition 0
        pipeline.add(new Document(new SinkRecord("events", 1, null, null, null, "{}", 40), "agent-spans", "id-p1",
                "{}".getBytes(StandardCharsets.UTF_8)));
        pipeline.send(FULL_ONLY, 0, new ArrayList<>()); // [0, 1], [2, 3], [4, p1:40] in flight
        assertEquals(Map.of(new TopicPartition("events", 0), 0L, new TopicPartition("events", 1), 40L), pipeline.oldestPendingOffsets());
        writes.succeed(1); // [2, 3] acknowledged before [0, 1]: 0 still holds partition 0 back
        pipeline.send(FULL_ONLY, 0, new ArrayList<>());
        assertEquals(0L, pipeline.oldestPendingOffsets().get(new TopicPartition("events", 0)));
        writes.succeed(0);
        writes.succeed(2);
        List<BulkWriter.Rejected> rejected = new ArrayList<>();
        pipeline.send(FULL_ONLY, 0, rejected);
        assertEquals(Map.of(), pipeline.oldestPendingOffsets());
        assertEquals(0, pipeline.pending());
        add(pipeline, 1); // offset 5, buffered, not sent
        assertEquals(Map.of(new TopicPartition("events", 0), 5L), pipeline.oldestPendingOffsets());
    }

    @Test
    void aBatchStopsAtBulkSizeBytes() throws Exception {
        int oneDocument = document().bytes();
        nextOffset = 0;
        BulkPipeline pipeline = new BulkPipeline(writes, 100, 2L * oneDocument, 4, 1000, 1L << 30);
        add(pipeline, 5);
        pipeline.send(FULL_ONLY, 0, new ArrayList<>());
        assertEquals(2, writes.batches.size());
        assertTrue(writes.batches.stream().allMatch(b -> b.size() == 2));
    }

    /** Sends; checks that the send waits for the first write (and {@code whileWaiting}); ends that write; waits for the send. */
    private void sendWaitingForTheFirstWrite(BulkPipeline pipeline, Runnable whileWaiting) throws Exception {
        CompletableFuture<Void> sending = CompletableFuture.runAsync(() -> sendFullBatches(pipeline));
        assertThrows(TimeoutException.class, () -> sending.get(300, TimeUnit.MILLISECONDS), "the send waits for the first write");
        whileWaiting.run();
        writes.succeed(0);
        sending.get(10, TimeUnit.SECONDS);
    }

    private static void sendFullBatches(BulkPipeline pipeline) {
        try {
            pipeline.send(FULL_ONLY, 0, new ArrayList<>());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
