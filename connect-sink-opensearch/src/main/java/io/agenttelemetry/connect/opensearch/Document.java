package io.agenttelemetry.connect.opensearch;

import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * One bulk operation: index a document (its JSON), or delete one (source null), with the record it came from (or
 * where that was read, see {@link #withPositionOnly}).
 */
final class Document {
    /** What the action line and framing of one bulk item add to its source, about. */
    private static final int ACTION_BYTES = 64;

    final SinkRecord record;
    final String index;
    final String id;
    final byte[] source;
    /** When the sink's buffer took it (System.nanoTime), for linger.ms. */
    long bufferedNanos;

    Document(SinkRecord record, String index, String id, byte[] source) {
        this.record = record;
        this.index = index;
        this.id = id;
        this.source = source;
    }

    /**
     * The same document holding, instead of its record, a record that only says where it was read. A batch being
     * written then holds only its documents' bytes, not every record's value (with JsonConverter a tree of maps).
     */
    Document withPositionOnly() {
        SinkRecord position = new SinkRecord(record.topic(), record.kafkaPartition(), null, null, null, null, record.kafkaOffset());
        return new Document(position, index, id, source);
    }

    /** The partition its record was read from. */
    TopicPartition partition() {
        return new TopicPartition(record.topic(), record.kafkaPartition());
    }

    boolean isDelete() {
        return source == null;
    }

    /** Bytes this item adds to a bulk request, for its size bound. */
    int bytes() {
        return ACTION_BYTES + index.length() + id.length() + (source == null ? 0 : source.length);
    }
}
