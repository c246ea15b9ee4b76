package io.agenttelemetry.connect.opensearch;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;

import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.errors.ConnectException;

/**
 * Documents between put() and OpenSearch's acknowledgement: a buffer filling the next bulk request, and the
 * requests being written. A full batch is sent in the background and the task goes on reading, so the worker
 * makes the next batch while OpenSearch indexes this one. The task waits for the oldest write when
 * max.in.flight.requests are running, or when buffered and in-flight documents together reach
 * max.buffered.records or max.buffered.bytes. A batch whose retries are used up goes back to the front of the buffer: nothing taken from
 * Connect is dropped.
 */
final class BulkPipeline {
    /** Writes one batch in the background; the future fails with {@link BulkWriter.StillFailing} when retries are used up. */
    interface Sender {
        CompletableFuture<List<BulkWriter.Rejected>> send(List<Document> batch);
    }

    private static final class Write {
        final List<Document> batch;
        final long bytes;
        final CompletableFuture<List<BulkWriter.Rejected>> result;

        Write(List<Document> batch, long bytes, CompletableFuture<List<BulkWriter.Rejected>> result) {
            this.batch = batch;
            this.bytes = bytes;
            this.result = result;
        }
    }

    private final Sender sender;
    private final int batchSize;
    private final long bulkSizeBytes;
    private final int maxInFlight;
    private final int maxPending;
    private final long maxPendingBytes;
    private final ArrayDeque<Document> buffer = new ArrayDeque<>();
    private long bufferBytes;
    private final ArrayDeque<Write> inFlight = new ArrayDeque<>();
    private int inFlightDocuments;
    private long inFlightBytes;

    BulkPipeline(Sender sender, int batchSize, long bulkSizeBytes, int maxInFlight, int maxPending, long maxPendingBytes) {
        this.sender = sender;
        this.batchSize = batchSize;
        this.bulkSizeBytes = bulkSizeBytes;
        this.maxInFlight = maxInFlight;
        this.maxPending = maxPending;
        this.maxPendingBytes = maxPendingBytes;
    }

    void add(Document d) {
        add(d, System.nanoTime());
    }

    void add(Document d, long nowNanos) {
        d.bufferedNanos = nowNanos;
        buffer.addLast(d);
        bufferBytes += d.bytes();
    }

    /**
     * Whether {@link #send} would send a batch now: a full one, or the first when its oldest document has waited
     * {@code lingerNanos} (0: everything buffered is due). Each document's own wait counts: under load the buffer
     * never empties, and timed from when it last filled, what is left after a full batch would seem to have waited
     * long and go out as a small request of its own.
     */
    boolean hasBatchToSend(long lingerNanos, long nowNanos) {
        return !buffer.isEmpty() && (buffer.size() >= batchSize || bufferBytes >= bulkSizeBytes || full()
                || lingerNanos <= 0 || nowNanos - buffer.peekFirst().bufferedNanos >= lingerNanos);
    }

    /** The indices the buffered documents go to. */
    Set<String> bufferedIndices() {
        Set<String> indices = new LinkedHashSet<>();
        buffer.forEach(d -> indices.add(d.index));
        return indices;
    }

    /**
     * Sends every batch that {@link #hasBatchToSend} finds, waiting for older writes as the bounds require.
     * Documents that writes ended meanwhile found malformed are added to {@code rejected}.
     *
     * @throws BulkWriter.StillFailing if a write waited for failed after its retries; its batch is buffered again
     */
    void send(long lingerNanos, long nowNanos, List<BulkWriter.Rejected> rejected) throws BulkWriter.StillFailing, InterruptedException {
        while (true) {
            collectEnded(rejected);
            boolean sendable = hasBatchToSend(lingerNanos, nowNanos);
            if (sendable && inFlight.size() < maxInFlight) {
                sendBatch();
            } else if (!inFlight.isEmpty() && (sendable || full())) {
                awaitOldest(rejected);
            } else {
                return;
            }
        }
    }

    /** Per partition, the lowest offset of a document buffered or being written. */
    Map<TopicPartition, Long> oldestPendingOffsets() {
        Map<TopicPartition, Long> oldest = new HashMap<>();
        for (Write w : inFlight) {
            w.batch.forEach(d -> oldest.merge(d.partition(), d.record.kafkaOffset(), Math::min));
        }
        buffer.forEach(d -> oldest.merge(d.partition(), d.record.kafkaOffset(), Math::min));
        return oldest;
    }

    /** Forgets the buffered documents of the given records (partitions the task no longer owns). */
    void removeBuffered(Predicate<Document> which) {
        for (Iterator<Document> it = buffer.iterator(); it.hasNext(); ) {
            Document d = it.next();
            if (which.test(d)) {
                it.remove();
                bufferBytes -= d.bytes();
            }
        }
    }

    /** Documents buffered or being written. */
    int pending() {
        return buffer.size() + inFlightDocuments;
    }

    /** Whether what is buffered or being written has reached max.buffered.records or max.buffered.bytes. */
    private boolean full() {
        return pending() >= maxPending || bufferBytes + inFlightBytes >= maxPendingBytes;
    }

    private void sendBatch() {
        List<Document> batch = new ArrayList<>(Math.min(batchSize, buffer.size()));
        long bytes = 0;
        while (!buffer.isEmpty() && batch.size() < batchSize && (batch.isEmpty() || bytes + buffer.peekFirst().bytes() <= bulkSizeBytes)) {
            Document d = buffer.pollFirst();
            bytes += d.bytes();
            batch.add(d);
        }
        bufferBytes -= bytes;
        inFlight.addLast(new Write(batch, bytes, sender.send(batch)));
        inFlightDocuments += batch.size();
        inFlightBytes += bytes;
    }

    /** Takes in the writes that have ended, all of them even when one failed. */
    private void collectEnded(List<BulkWriter.Rejected> rejected) throws BulkWriter.StillFailing, InterruptedException {
        BulkWriter.StillFailing failed = null;
        while (!inFlight.isEmpty() && inFlight.peekFirst().result.isDone()) {
            try {
                awaitOldest(rejected);
            } catch (BulkWriter.StillFailing e) {
                failed = e;
            }
        }
        if (failed != null) {
            throw failed;
        }
    }

    private void awaitOldest(List<BulkWriter.Rejected> rejected) throws BulkWriter.StillFailing, InterruptedException {
        Write w = inFlight.peekFirst();
        try {
            rejected.addAll(w.result.get());
        } catch (InterruptedException e) {
            throw e; // still in flight; a later wait picks it up
        } catch (ExecutionException e) {
            if (e.getCause() instanceof BulkWriter.StillFailing) {
                dequeue();
                bufferAgain(w.batch);
                throw (BulkWriter.StillFailing) e.getCause();
            }
            dequeue();
            if (e.getCause() instanceof RuntimeException) {
                throw (RuntimeException) e.getCause();
            }
            throw new ConnectException(e.getCause());
        }
        dequeue();
    }

    private void dequeue() {
        Write w = inFlight.pollFirst();
        inFlightDocuments -= w.batch.size();
        inFlightBytes -= w.bytes;
    }

    private void bufferAgain(List<Document> batch) {
        for (int i = batch.size() - 1; i >= 0; i--) {
            buffer.addFirst(batch.get(i)); // with the time it was first buffered: it is due
            bufferBytes += batch.get(i).bytes();
        }
    }
}
