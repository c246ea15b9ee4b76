package io.agenttelemetry.connect.s3;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.CompletableFuture;

import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.sink.ErrantRecordReporter;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.agenttelemetry.connect.model.PluginVersion;
import io.agenttelemetry.connect.model.config.TaskConfigs;

/**
 * One object per topic-partition at a time, written when it is full or old enough; an object larger than a part
 * goes by multipart upload, a part as soon as it fills. A full object is written in the background while the next
 * one fills, but a partition's next object is written only once its previous one is known to be in S3 as new: full
 * objects wait their turn in the background, so the task goes on meanwhile (once the partition is past what earlier
 * runs archived; until then it waits for each write). Offsets are
 * committed only up to the end of objects durably in S3; an object found under our key after a crash tells, through
 * its metadata, which records it already holds, and the consumer is moved to just after it.
 */
public class S3ArchiveSinkTask extends SinkTask {
    private static final Logger log = LoggerFactory.getLogger(S3ArchiveSinkTask.class);
    /** Result of a write that did not start: the one before it found other records under its key. */
    private static final long NOT_WRITTEN = Long.MIN_VALUE;

    private S3ArchiveSinkConfig config;
    private ObjectUploader uploader;
    private ErrantRecordReporter reporter;
    private final Map<TopicPartition, PartitionBuffer> open = new HashMap<>();
    /**
     * Each partition's full objects being written in the background, oldest first: one at a time, each once the one
     * before it is in S3, so they land in offset order.
     */
    private final Map<TopicPartition, ArrayDeque<ObjectWrite>> writing = new HashMap<>();
    /**
     * Partitions that have written an object under a key no earlier run had used: past the objects earlier runs
     * left, so their next objects may queue. Until then each waits for the one before, whose result may move the
     * partition on past records already taken (skipped without reading them again).
     */
    private final Set<TopicPartition> pastArchived = new HashSet<>();
    /** Last offset taken into a buffer (or skipped as already archived): redeliveries at or below it are dropped. */
    private final Map<TopicPartition, Long> lastOffset = new HashMap<>();
    /** Records up to this offset are in an object written before a restart, and are skipped. */
    private final Map<TopicPartition, Long> archivedUpTo = new HashMap<>();
    /** Offsets safe to commit: just past the last record durably in S3. */
    private final Map<TopicPartition, Long> committable = new HashMap<>();
    private S3ArchiveSinkTaskMetrics metrics;

    @Override
    public String version() {
        return PluginVersion.get();
    }


    @Override
    public void start(Map<String, String> props) {
        config = new S3ArchiveSinkConfig(props);
        metrics = new S3ArchiveSinkTaskMetrics();
        metrics.register(TaskConfigs.connectorName(props, "s3-archive-sink"), TaskConfigs.taskIndex(props));
        uploader = new ObjectUploader(config, metrics);
        try {
            reporter = context.errantRecordReporter();
        } catch (NoSuchMethodError | NoClassDefFoundError e) {
            reporter = null; // a worker older than Kafka 2.6
        }
    }

    @Override
    public void put(Collection<SinkRecord> records) {
        Set<TopicPartition> rewound = new HashSet<>();
        settleAll(false, rewound);
        for (SinkRecord r : records) {
            TopicPartition tp = new TopicPartition(r.topic(), r.kafkaPartition());
            if (rewound.contains(tp) || r.kafkaOffset() <= lastOffset.getOrDefault(tp, -1L)) {
                continue;
            }
            if (r.value() == null && !keepNull(r)) {
                lastOffset.put(tp, r.kafkaOffset());
                continue;
            }
            long now = System.currentTimeMillis();
            long timestamp = r.timestamp() != null ? r.timestamp() : now;
            Map<String, String> fields = config.keys.recordFields(r);
            PartitionBuffer buffer = open.get(tp);
            if (buffer != null && (buffer.sealed() || otherInterval(buffer, timestamp) || !fields.equals(buffer.recordFields()))) {
                if (!flush(tp, buffer, rewound)) {
                    continue;
                }
                buffer = null;
            }
            long archived = archivedUpTo.getOrDefault(tp, -1L);
            if (r.kafkaOffset() <= archived) {
                lastOffset.put(tp, r.kafkaOffset());
                if (r.kafkaOffset() == archived) {
                    committable.put(tp, archived + 1);
                }
                continue;
            }
            if (buffer == null) {
                buffer = new PartitionBuffer(config.objectFormat, config.keys.key(tp.topic(), tp.partition(), r.kafkaOffset(), timestamp, fields),
                        r.kafkaOffset(), timestamp, now, fields);
                open.put(tp, buffer);
            }
            try {
                buffer.append(r);
            } catch (DataException e) {
                if (buffer.count() == 0) {
                    open.remove(tp);
                }
                unwritable(r, e);
                lastOffset.put(tp, r.kafkaOffset());
                continue;
            }
            lastOffset.put(tp, r.kafkaOffset());
            if (buffer.count() >= config.flushSize || buffer.objectSize() >= config.flushBytes) {
                flush(tp, buffer, rewound);
            } else {
                if (buffer.encodedBytes() >= config.partSize) {
                    uploader.uploadPart(buffer);
                }
                boundMemory(rewound);
            }
        }
        flushExpired(rewound);
    }

    private boolean keepNull(SinkRecord r) {
        switch (config.onNull) {
            case WRITE: return true;
            case FAIL: throw new ConnectException("null value at " + r.topic() + "-" + r.kafkaPartition() + "@" + r.kafkaOffset()
                    + " and " + S3ArchiveSinkConfig.BEHAVIOR_ON_NULL_VALUES_CONFIG + "=fail");
            default: return false;
        }
    }

    /** Event-time rotation: the record belongs to a later interval than the object's first record. */
    private boolean otherInterval(PartitionBuffer buffer, long timestamp) {
        long interval = config.rotateIntervalMs;
        return interval > 0 && Math.floorDiv(timestamp, interval) != Math.floorDiv(buffer.firstTimestampMillis(), interval);
    }

    /** A record the format cannot hold: to the dead letter queue when errors.tolerance allows, else the task fails. */
    private void unwritable(SinkRecord r, DataException e) {
        if (reporter == null) {
            throw e;
        }
        reporter.report(r, e);
    }

    /**
     * While all open objects together hold more than buffer.max.bytes (parts in flight included), the largest gives
     * up its bytes early: as a part of its multipart upload when it holds enough for one, else by being written as
     * it is. Either way it then holds less than a minimum part, so the loop ends.
     */
    private void boundMemory(Set<TopicPartition> rewound) {
        while (true) {
            long total = writing.values().stream().flatMap(ArrayDeque::stream).mapToLong(w -> w.bytes).sum();
            Map.Entry<TopicPartition, PartitionBuffer> largest = null;
            for (Map.Entry<TopicPartition, PartitionBuffer> e : open.entrySet()) {
                total += e.getValue().size();
                if (largest == null || e.getValue().size() > largest.getValue().size()) {
                    largest = e;
                }
            }
            if (total <= config.bufferMaxBytes) {
                return;
            }
            if (!writing.isEmpty()) {
                // One write at a time, plus whatever else has ended by then: the others go on meanwhile, and one
                // may free enough.
                TopicPartition tp = writing.keySet().iterator().next();
                log.debug("Open objects and objects being written hold more than {} bytes; awaiting a write of {}", config.bufferMaxBytes, tp);
                settle(tp, true, rewound);
                settleAll(false, rewound);
                continue;
            }
            if (largest == null) {
                return;
            }
            PartitionBuffer buffer = largest.getValue();
            if (buffer.encodedBytes() >= S3ArchiveSinkConfig.MIN_PART_SIZE) {
                log.debug("Open objects hold more than {} bytes; uploading a part of the largest, {}, early", config.bufferMaxBytes, largest.getKey());
                uploader.uploadPart(buffer);
                uploader.awaitPart(buffer);
            } else {
                log.debug("Open objects hold more than {} bytes; writing the largest, {}, early", config.bufferMaxBytes, largest.getKey());
                flush(largest.getKey(), buffer, rewound);
            }
        }
    }

    private void flushExpired(Set<TopicPartition> rewound) {
        if (config.rotateScheduleMs <= 0) {
            return;
        }
        long now = System.currentTimeMillis();
        for (Map.Entry<TopicPartition, PartitionBuffer> e : new HashMap<>(open).entrySet()) {
            if (e.getValue().ageMillis(now) >= config.rotateScheduleMs) {
                flush(e.getKey(), e.getValue(), rewound);
            }
        }
    }

    /**
     * Hands the buffer over to be written as an object in the background: now if the partition has no write going,
     * else after the objects before it (unless one of those shows the buffer's records archived before a restart:
     * then it is dropped).
     *
     * @return true if the partition may go on with the next record, false if the consumer was rewound
     */
    private boolean flush(TopicPartition tp, PartitionBuffer buffer, Set<TopicPartition> rewound) {
        if (!settle(tp, !pastArchived.contains(tp), rewound)) {
            return false;
        }
        if (open.get(tp) == buffer) {
            open.remove(tp);
            ArrayDeque<ObjectWrite> writes = writing.computeIfAbsent(tp, k -> new ArrayDeque<>());
            writes.add(new ObjectWrite(buffer, buffer.size(), writeAfter(writes.peekLast(), buffer)));
        }
        return true;
    }

    /**
     * The buffer's write, started in the background now if there is no write before it, else once that one lets
     * the partition go on; if it does not, this one never starts and its result is {@link #NOT_WRITTEN}.
     */
    private CompletableFuture<Long> writeAfter(ObjectWrite before, PartitionBuffer buffer) {
        if (before == null) {
            return uploader.startWrite(buffer);
        }
        return before.result.thenCompose(end -> goesOn(end, before.buffer)
                ? uploader.startWrite(buffer) : CompletableFuture.completedFuture(NOT_WRITTEN));
    }

    /** True if a write's result lets its partition go on: its object is new in S3, or held the same records. */
    private static boolean goesOn(long existingEnd, PartitionBuffer written) {
        return existingEnd < 0 || existingEnd == written.endOffset();
    }

    /**
     * Takes the results of the background writes that have ended, in each partition's order; with wait, first
     * awaits each partition's oldest (the objects after it are not awaited).
     */
    private void settleAll(boolean wait, Set<TopicPartition> rewound) {
        for (TopicPartition tp : new ArrayList<>(writing.keySet())) {
            boolean goOn = settle(tp, wait, rewound);
            while (goOn && writing.containsKey(tp) && writing.get(tp).peekFirst().result.isDone()) {
                goOn = settle(tp, false, rewound);
            }
        }
    }

    /**
     * Takes the result of the partition's oldest background write, if there is one and it has ended (or, with wait,
     * once it has). Its offsets become committable. A write that failed retriably starts again, the ones after it
     * wait for it again, and its exception is thrown, so the worker backs off. If an object written before a restart
     * held the key, the partition goes on after that object's end: the objects after it and the open one are dropped,
     * records up to its end are skipped, and if it ends before records already taken, the consumer is rewound to
     * read them again. Connect takes a rewind for a commit, so there is none where skipping will do.
     *
     * @return false if the partition was rewound
     */
    private boolean settle(TopicPartition tp, boolean wait, Set<TopicPartition> rewound) {
        ArrayDeque<ObjectWrite> writes = writing.get(tp);
        ObjectWrite w = writes == null ? null : writes.peekFirst();
        if (w == null || (!wait && !w.result.isDone())) {
            return true;
        }
        PartitionBuffer buffer = w.buffer;
        long existingEnd;
        try {
            existingEnd = w.result.get();
        } catch (ExecutionException e) {
            RuntimeException cause = e.getCause() instanceof RuntimeException ? (RuntimeException) e.getCause() : new ConnectException(e.getCause());
            if (cause instanceof RetriableException) {
                ObjectWrite before = null;
                for (ObjectWrite each : writes) {
                    each.result = writeAfter(before, each.buffer);
                    before = each;
                }
            }
            throw cause;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RetriableException("interrupted while writing s3://" + config.bucket + "/" + buffer.key(), e);
        }
        writes.poll();
        if (writes.isEmpty()) {
            writing.remove(tp);
        }
        if (goesOn(existingEnd, buffer)) {
            if (existingEnd < 0) {
                pastArchived.add(tp);
                metrics.objectWritten(buffer.count(), buffer.objectSize());
                log.debug("Wrote {} records of {} to {} ({} bytes, {} parts)", buffer.count(), tp, buffer.key(), buffer.objectSize(),
                        Math.max(1, buffer.partETags().size()));
            } else {
                log.info("{} already exists with the same records; {} goes on after offset {}", buffer.key(), tp, existingEnd);
            }
            committable.put(tp, buffer.endOffset() + 1);
            return true;
        }
        abandonWrites(tp);
        pastArchived.remove(tp);
        PartitionBuffer next = open.remove(tp);
        if (next != null) {
            uploader.abort(next);
        }
        long taken = lastOffset.getOrDefault(tp, buffer.endOffset());
        if (existingEnd >= taken) {
            log.info("{} already exists up to offset {}; records of {} up to there are archived already", buffer.key(), existingEnd, tp);
            archivedUpTo.put(tp, existingEnd);
            // Committed at the object's end only: a restart from inside it would find no object under its first key
            // and write those records again.
            if (existingEnd == taken) {
                committable.put(tp, existingEnd + 1);
            }
            return true;
        }
        log.info("{} already exists but ends at offset {}; reading {} again from {}", buffer.key(), existingEnd, tp, existingEnd + 1);
        committable.put(tp, existingEnd + 1);
        lastOffset.put(tp, existingEnd);
        context.offset(tp, existingEnd + 1);
        rewound.add(tp);
        return false;
    }

    @Override
    public Map<TopicPartition, OffsetAndMetadata> preCommit(Map<TopicPartition, OffsetAndMetadata> currentOffsets) {
        Set<TopicPartition> rewound = new HashSet<>();
        try {
            flushExpired(rewound);
            settleAll(true, rewound); // what is written by now is committed now, not at the next commit
        } catch (RetriableException e) {
            log.warn("Writing to S3 failed; will retry: {}", e.getMessage());
        }
        Map<TopicPartition, OffsetAndMetadata> out = new HashMap<>();
        for (TopicPartition tp : currentOffsets.keySet()) {
            Long offset = committable.get(tp);
            if (offset != null) {
                out.put(tp, new OffsetAndMetadata(offset));
            }
        }
        return out;
    }

    @Override
    public void close(Collection<TopicPartition> partitions) {
        // Whatever is not in S3 is re-read by the partition's next owner from the committed offset.
        for (TopicPartition tp : partitions) {
            PartitionBuffer buffer = open.remove(tp);
            if (buffer != null) {
                uploader.abort(buffer);
            }
            abandonWrites(tp);
            pastArchived.remove(tp);
            lastOffset.remove(tp);
            archivedUpTo.remove(tp);
            committable.remove(tp);
        }
    }

    @Override
    public void stop() {
        if (uploader != null) {
            open.values().forEach(uploader::abort);
            open.clear();
            new ArrayList<>(writing.keySet()).forEach(this::abandonWrites);
            uploader.close();
        }
        if (metrics != null) {
            metrics.close();
        }
    }

    /**
     * The partition's writes, when it goes or its records are to be read again or are in S3 already: those not
     * started never will be. One running goes on until it ends (or the task stops); should it land, it is an object
     * whose offsets were not committed, which the next reader of the partition finds under its key and skips.
     */
    private void abandonWrites(TopicPartition tp) {
        ArrayDeque<ObjectWrite> writes = writing.remove(tp);
        if (writes != null) {
            for (ObjectWrite w : writes) {
                w.result.cancel(true);
                uploader.abort(w.buffer);
            }
        }
    }

    /** A full object being written in the background, and the bytes it holds in memory until it is. */
    private static final class ObjectWrite {
        final PartitionBuffer buffer;
        final long bytes;
        CompletableFuture<Long> result;

        ObjectWrite(PartitionBuffer buffer, long bytes, CompletableFuture<Long> result) {
            this.buffer = buffer;
            this.bytes = bytes;
            this.result = result;
        }
    }
}
