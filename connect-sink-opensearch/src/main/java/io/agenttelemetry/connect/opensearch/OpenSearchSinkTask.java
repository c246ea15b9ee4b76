package io.agenttelemetry.connect.opensearch;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.sink.ErrantRecordReporter;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.agenttelemetry.connect.model.PluginVersion;
import io.agenttelemetry.connect.opensearch.OpenSearchSinkConfig.BehaviorOnMalformedDocuments;

/**
 * Writes each batch before {@code put} returns, so the offsets Connect commits after it are only those of
 * records OpenSearch acknowledged. A batch that cannot be written is handed back as a RetriableException;
 * Connect redelivers it, and idempotent ids make the redelivery harmless.
 */
public class OpenSearchSinkTask extends SinkTask {
    private static final Logger log = LoggerFactory.getLogger(OpenSearchSinkTask.class);

    private OpenSearchSinkConfig config;
    private DocumentMapper mapper;
    private BulkWriter writer;
    private ErrantRecordReporter reporter;
    private boolean templatesInstalled;

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
        mapper = new DocumentMapper(config.indexTemplate, config.sensitivityHeader, config.findingsHeader);
        writer = new BulkWriter(config);
    }

    @Override
    public void put(Collection<SinkRecord> records) {
        List<Document> documents = new ArrayList<>(records.size());
        for (SinkRecord r : records) {
            Document d = toDocument(r);
            if (d != null) {
                documents.add(d);
            }
        }
        if (documents.isEmpty()) {
            return;
        }
        ensureTemplates();
        List<BulkWriter.Rejected> rejected;
        try {
            rejected = writer.write(documents);
        } catch (BulkWriter.StillFailing e) {
            context.timeout(config.retryBackoffMs * 10);
            throw new RetriableException("OpenSearch not reachable or overloaded; the batch will be redelivered: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RetriableException("interrupted while writing to OpenSearch", e);
        }
        for (BulkWriter.Rejected r : rejected) {
            malformed(r.document.record, r.reason, null);
        }
    }

    /** Before the first write, so new indices get the shipped mappings; a failure is retried like a failed write. */
    private void ensureTemplates() {
        if (templatesInstalled || !config.installTemplates) {
            return;
        }
        try {
            IndexTemplates.install(writer.client(), config.templateReplicas);
            templatesInstalled = true;
        } catch (java.io.IOException e) {
            context.timeout(config.retryBackoffMs * 10);
            throw new RetriableException("cannot install index templates yet: " + e.getMessage(), e);
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
