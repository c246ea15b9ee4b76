package io.agenttelemetry.connect.opensearch;

import java.util.Map;

import org.apache.kafka.connect.sink.SinkRecord;

/** One bulk operation: index a document, or delete one (source null), with the record it came from. */
final class Document {
    final SinkRecord record;
    final String index;
    final String id;
    final Map<String, Object> source;
    final int approximateBytes;

    Document(SinkRecord record, String index, String id, Map<String, Object> source, int approximateBytes) {
        this.record = record;
        this.index = index;
        this.id = id;
        this.source = source;
        this.approximateBytes = approximateBytes;
    }

    boolean isDelete() {
        return source == null;
    }
}
