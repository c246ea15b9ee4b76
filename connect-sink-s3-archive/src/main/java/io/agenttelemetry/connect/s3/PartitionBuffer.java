package io.agenttelemetry.connect.s3;

import org.apache.kafka.connect.sink.SinkRecord;

/** The object being assembled for one topic-partition: encoded records, their offset range and age. */
final class PartitionBuffer {
    private final ObjectFormat.Encoder encoder;
    private final java.util.Map<String, String> recordFields;
    private final long startOffset;
    private final long firstTimestampMillis;
    private final long openedAtMillis;
    private long endOffset;
    private int count;
    private boolean sealed;

    PartitionBuffer(ObjectFormat format, long startOffset, long firstTimestampMillis, long nowMillis) {
        this(format, startOffset, firstTimestampMillis, nowMillis, java.util.Map.of());
    }

    /** @param recordFields the path template's record-field values every record of this object shares */
    PartitionBuffer(ObjectFormat format, long startOffset, long firstTimestampMillis, long nowMillis, java.util.Map<String, String> recordFields) {
        this.recordFields = recordFields;
        this.encoder = format.newEncoder();
        this.startOffset = startOffset;
        this.endOffset = startOffset - 1;
        this.firstTimestampMillis = firstTimestampMillis;
        this.openedAtMillis = nowMillis;
    }

    /** @throws org.apache.kafka.connect.errors.DataException if the format cannot hold the record; nothing is added */
    void append(SinkRecord record) {
        encoder.append(record);
        endOffset = record.kafkaOffset();
        count++;
    }

    /** The finished object's bytes; the same bytes on every call, so a failed upload can be retried as it was. */
    byte[] finish() {
        sealed = true;
        return encoder.finish();
    }

    /** True once finished: nothing more may be appended. */
    boolean sealed() {
        return sealed;
    }

    /** Bytes so far (compressed bytes as the compressor has flushed them). */
    long size() {
        return encoder.size();
    }

    int count() {
        return count;
    }

    long startOffset() {
        return startOffset;
    }

    long endOffset() {
        return endOffset;
    }

    java.util.Map<String, String> recordFields() {
        return recordFields;
    }

    long firstTimestampMillis() {
        return firstTimestampMillis;
    }

    long ageMillis(long nowMillis) {
        return nowMillis - openedAtMillis;
    }
}
