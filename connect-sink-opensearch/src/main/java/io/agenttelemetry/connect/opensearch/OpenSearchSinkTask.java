package io.agenttelemetry.connect.opensearch;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
 * Turns records into documents and hands them to a {@link BulkPipeline}, which sends each full batch (or what
 * waited linger.ms) in the background, up to max.in.flight.requests at once, while the task goes on reading.
 * Everything taken is written in {@code preCommit} before offsets are committed, so Connect commits only offsets of
 * records OpenSearch acknowledged. When a write still fails after its retries, its documents are kept and put
 * throws a RetriableException; Connect redelivers the batch, the records already taken are skipped by offset, and
 * idempotent ids make any rewrite harmless.
 */
public class OpenSearchSinkTask extends SinkTask {
    private static final Logger log = LoggerFactory.getLogger(OpenSearchSinkTask.class);

    private OpenSearchSinkConfig config;
    private DocumentMapper mapper;
    private BulkWriter writer;
    private ErrantRecordReporter reporter;
    private boolean templatesInstalled;
    private final DataStreams dataStreams = new DataStreams();
    private BulkPipeline pipeline;
    /** Highest offset taken per partition: redeliveries at or below it are skipped. */
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
        pipeline = new BulkPipeline(writer::send, config.batchSize, config.bulkSizeBytes, config.maxInFlightRequests,
                config.maxBufferedRecords, config.maxBufferedBytes);
        // At start, so the shipped mappings are in place before the first record comes (a quiet topic may take
        // hours) and a wrong password or certificate fails the task at once. If OpenSearch cannot be reached yet,
        // the first write tries again.
        try {
            installTemplates();
        } catch (IOException | OpenSearchException e) {
            ConnectException fatal = fatalSetupFailure(e);
            if (fatal != null) {
                throw fatal;
            }
            log.warn("Index templates not installed at start, trying again before the first write: {}", e.toString());
        }
    }

    @Override
    public void put(Collection<SinkRecord> records) {
        for (SinkRecord r : records) {
            TopicPartition tp = new TopicPartition(r.topic(), r.kafkaPartition());
            if (r.kafkaOffset() <= bufferedUpTo.getOrDefault(tp, -1L)) {
                continue; // a redelivery of a record already taken
            }
            bufferedUpTo.put(tp, r.kafkaOffset());
            Document d = toDocument(r);
            if (d != null) {
                // The dead letter queue needs the record itself; anything else only where it was read.
                pipeline.add(reporter != null ? d : d.withPositionOnly());
            }
        }
        write(config.lingerMs * 1_000_000L);
    }

    /**
     * Sends the batches that are due (full ones, and the first when its oldest document has waited
     * {@code lingerNanos}); when a write still fails after its retries, its documents stay buffered and this throws
     * RetriableException, so Connect calls put again after a pause and they are sent again.
     */
    private void write(long lingerNanos) {
        long now = System.nanoTime();
        if (pipeline.hasBatchToSend(lingerNanos, now)) {
            prepareIndices();
        }
        List<BulkWriter.Rejected> rejected = new ArrayList<>();
        try {
            pipeline.send(lingerNanos, now, rejected);
        } catch (BulkWriter.StillFailing e) {
            context.timeout(config.retryBackoffMs * 10);
            throw new RetriableException("OpenSearch not reachable or overloaded; " + pipeline.pending()
                    + " documents taken will be written again: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RetriableException("interrupted while writing to OpenSearch", e);
        } finally {
            for (BulkWriter.Rejected r : rejected) {
                malformed(r.document.record, r.reason, null);
            }
        }
    }

    /**
     * Per partition, the offset of its oldest document not yet acknowledged (everything taken when none is): Connect
     * commits only what OpenSearch has, without waiting for the writes. Waiting for them emptied the pipeline at every
     * commit (every second with offset.flush.interval.ms=1000) and OpenSearch idled until it filled again.
     */
    @Override
    public Map<TopicPartition, OffsetAndMetadata> preCommit(Map<TopicPartition, OffsetAndMetadata> currentOffsets) {
        try {
            write(config.lingerMs * 1_000_000L); // takes in the writes that ended, and reports what they rejected
        } catch (RetriableException e) {
            log.warn("Committing only offsets of acknowledged documents: {}", e.getMessage());
        }
        Map<TopicPartition, Long> oldest = pipeline.oldestPendingOffsets();
        Map<TopicPartition, OffsetAndMetadata> commit = new HashMap<>();
        for (Map.Entry<TopicPartition, OffsetAndMetadata> e : currentOffsets.entrySet()) {
            Long pending = oldest.get(e.getKey());
            commit.put(e.getKey(), pending == null ? e.getValue() : new OffsetAndMetadata(pending));
        }
        return commit;
    }

    @Override
    public void close(Collection<TopicPartition> partitions) {
        // preCommit ran for them; whatever is not yet acknowledged is read again by the partition's next owner.
        pipeline.removeBuffered(d -> partitions.contains(d.partition()));
        partitions.forEach(bufferedUpTo::remove);
    }

    /**
     * Before a write: the index templates if start could not install them, and the data streams the buffer writes
     * to. A failure is retried like a failed write.
     */
    private void prepareIndices() {
        try {
            installTemplates();
            if (config.dataStreams) {
                dataStreams.ensure(writer.client(), pipeline.bufferedIndices());
            }
        } catch (IOException | OpenSearchException e) {
            ConnectException fatal = fatalSetupFailure(e);
            if (fatal != null) {
                throw fatal;
            }
            context.timeout(config.retryBackoffMs * 10);
            throw new RetriableException("cannot prepare the index templates or data streams yet: " + e.getMessage(), e);
        }
    }

    /** The shipped index templates (and the ISM policy), once, so new indices get their mappings. */
    private void installTemplates() throws IOException {
        if (templatesInstalled || !config.installTemplates) {
            return;
        }
        IndexTemplates.install(writer.client(), config.dataStreams
                ? IndexTemplates.dataStreamBodies(config.templateReplicas, config.indexTemplate)
                : IndexTemplates.bodies(config.templateReplicas, config.indexTemplate));
        if (config.retentionDays > 0) {
            IsmPolicy.install(writer.client(), config.retentionDays, IndexTemplates.patterns(config.indexTemplate));
        }
        templatesInstalled = true;
    }

    /** The error to fail the task with when preparing indices failed for good (credentials, TLS, a refused body), else null. */
    private ConnectException fatalSetupFailure(Exception e) {
        ConnectException permanent = ConnectionFailures.permanent(String.join(",", config.urls), e);
        if (permanent != null) {
            return permanent;
        }
        if (e instanceof OpenSearchException && !BulkWriter.retriable(((OpenSearchException) e).status())) {
            return new ConnectException("OpenSearch refused the index templates or a data stream: " + e.getMessage(), e);
        }
        return null;
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
