package io.agenttelemetry.connect.opensearch;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.errors.RetriableException;
import org.opensearch.client.opensearch._types.OpenSearchException;
import org.apache.kafka.connect.sink.ErrantRecordReporter;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.agenttelemetry.connect.model.PluginVersion;
import io.agenttelemetry.connect.opensearch.OpenSearchSinkConfig.BehaviorOnMalformedDocuments;

/**
 * Buffers documents up to batch.size × max.in.flight.requests, max.buffered.records or linger.ms, then writes them
 * in parallel bulk requests. Everything buffered is written in {@code preCommit} before offsets are committed, so
 * Connect commits only offsets of records OpenSearch acknowledged. When a write still fails after its retries, the
 * buffer is kept and put throws a RetriableException; Connect redelivers the batch, the records already buffered
 * are skipped by offset, and idempotent ids make any rewrite harmless.
 */
public class OpenSearchSinkTask extends SinkTask {
    private static final Logger log = LoggerFactory.getLogger(OpenSearchSinkTask.class);

    private OpenSearchSinkConfig config;
    private DocumentMapper mapper;
    private BulkWriter writer;
    private ErrantRecordReporter reporter;
    private boolean templatesInstalled;
    private final DataStreams dataStreams = new DataStreams();
    private final List<Document> buffer = new ArrayList<>();
    private long oldestBufferedNanos;
    /** Highest offset taken into the buffer per partition: redeliveries at or below it are skipped. */
    private final Map<TopicPartition, Long> bufferedUpTo = new HashMap<>();

    @Override
    public String version() {
        return PluginVersion.get();
    }

    @Override
    public void start(Map<String, String> props) {
        config = new OpenSearchSinkConfig(props);
        if (config.onMalformed == BehaviorOnMalformedDocuments.REPORT) {
            reporter = context.errantRecordReporter();
            if (reporter == null) {
                throw new ConnectException(OpenSearchSinkConfig.BEHAVIOR_ON_MALFORMED_DOCS_CONFIG
                        + "=report needs a worker with ErrantRecordReporter (Kafka 2.6+) and errors.deadletterqueue.topic.name set");
            }
        }
        mapper = new DocumentMapper(config.indexTemplate, config.sensitivityHeader, config.findingsHeader, config.dataStreams);
        writer = new BulkWriter(config);
    }

    @Override
    public void put(Collection<SinkRecord> records) {
        for (SinkRecord r : records) {
            TopicPartition tp = new TopicPartition(r.topic(), r.kafkaPartition());
            if (r.kafkaOffset() <= bufferedUpTo.getOrDefault(tp, -1L)) {
                continue; // a redelivery of a record already buffered
            }
            bufferedUpTo.put(tp, r.kafkaOffset());
            Document d = toDocument(r);
            if (d != null) {
                if (buffer.isEmpty()) {
                    oldestBufferedNanos = System.nanoTime();
                }
                buffer.add(d);
            }
        }
        boolean full = buffer.size() >= config.maxBufferedRecords || buffer.size() >= (long) config.batchSize * config.maxInFlightRequests;
        boolean lingered = !buffer.isEmpty() && System.nanoTime() - oldestBufferedNanos >= config.lingerMs * 1_000_000L;
        if (full || lingered) {
            flushBuffer();
        }
    }

    /** Writes everything buffered, or throws RetriableException and keeps it. */
    private void flushBuffer() {
        if (buffer.isEmpty()) {
            return;
        }
        prepareIndices();
        List<BulkWriter.Rejected> rejected;
        try {
            rejected = writer.write(buffer);
        } catch (BulkWriter.StillFailing e) {
            context.timeout(config.retryBackoffMs * 10);
            throw new RetriableException("OpenSearch not reachable or overloaded; " + buffer.size()
                    + " buffered documents will be written again: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RetriableException("interrupted while writing to OpenSearch", e);
        }
        buffer.clear();
        for (BulkWriter.Rejected r : rejected) {
            malformed(r.document.record, r.reason, null);
        }
    }

    /** Writes the buffer first, so the offsets Connect commits are only those of acknowledged records. */
    @Override
    public Map<TopicPartition, OffsetAndMetadata> preCommit(Map<TopicPartition, OffsetAndMetadata> currentOffsets) {
        try {
            flushBuffer();
        } catch (RetriableException e) {
            log.warn("Not committing offsets: {}", e.getMessage());
            return Map.of();
        }
        return currentOffsets;
    }

    @Override
    public void close(Collection<TopicPartition> partitions) {
        // preCommit ran for them; whatever is still buffered is re-read by the partition's next owner.
        buffer.removeIf(d -> partitions.contains(new TopicPartition(d.record.topic(), d.record.kafkaPartition())));
        partitions.forEach(bufferedUpTo::remove);
    }

    /**
     * Before a write: the index templates (once, so new indices get the shipped mappings) and the data streams the
     * buffer writes to. A failure is retried like a failed write.
     */
    private void prepareIndices() {
        try {
            if (!templatesInstalled && config.installTemplates) {
                IndexTemplates.install(writer.client(), config.dataStreams
                        ? IndexTemplates.dataStreamBodies(config.templateReplicas, config.indexTemplate)
                        : IndexTemplates.bodies(config.templateReplicas, config.indexTemplate));
                if (config.retentionDays > 0) {
                    IsmPolicy.install(writer.client(), config.retentionDays, IndexTemplates.patterns(config.indexTemplate));
                }
                templatesInstalled = true;
            }
            if (config.dataStreams) {
                Set<String> streams = new LinkedHashSet<>();
                buffer.forEach(d -> streams.add(d.index));
                dataStreams.ensure(writer.client(), streams);
            }
        } catch (java.io.IOException | OpenSearchException e) {
            ConnectException permanent = ConnectionFailures.permanent(String.join(",", config.urls), e);
            if (permanent != null) {
                throw permanent;
            }
            if (e instanceof OpenSearchException && !BulkWriter.retriable(((OpenSearchException) e).status())) {
                throw new ConnectException("OpenSearch refused the index templates or a data stream: " + e.getMessage(), e);
            }
            context.timeout(config.retryBackoffMs * 10);
            throw new RetriableException("cannot prepare the index templates or data streams yet: " + e.getMessage(), e);
        }
    }

    private Document toDocument(SinkRecord r) {
        if (r.value() == null) {
            switch (config.onNull) {
                case DELETE: return r.key() == null ? null : mapper.toDelete(r);
                case FAIL: throw new ConnectException("null value at " + DocumentMapper.fallbackId(r)
                        + " and " + OpenSearchSinkConfig.BEHAVIOR_ON_NULL_VALUES_CONFIG + "=fail");
                default: return null;
            }
        }
        try {
            return mapper.toDocument(r);
        } catch (DataException e) {
            malformed(r, e.getMessage(), e);
            return null;
        }
    }

    private void malformed(SinkRecord record, String reason, Throwable cause) {
        String where = DocumentMapper.fallbackId(record);
        switch (config.onMalformed) {
            case REPORT:
                reporter.report(record, cause != null ? cause : new DataException("OpenSearch rejected " + where + ": " + reason));
                break;
            case WARN:
                log.warn("Skipping {}: {}", where, reason);
                break;
            case IGNORE:
                break;
            default:
                throw new ConnectException("OpenSearch rejected " + where + ": " + reason + " (set "
                        + OpenSearchSinkConfig.BEHAVIOR_ON_MALFORMED_DOCS_CONFIG + " to report, warn or ignore to go on)");
        }
    }

    @Override
    public void stop() {
        if (writer != null) {
            try {
                writer.close();
            } catch (IOException e) {
                log.warn("Closing the OpenSearch client failed: {}", e.toString());
            }
        }
    }
}
