package io.agenttelemetry.connect.s3;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;

import org.apache.kafka.connect.sink.SinkRecord;

/**
 * The object being assembled for one topic-partition: its key, encoded records, their offset range and age, and,
 * once it outgrows one part, the multipart upload its parts went to. Memory holds only what is not uploaded yet.
 */
final class PartitionBuffer {
    private final ObjectFormat.Encoder encoder;
    private final String key;
    private final Map<String, String> recordFields;
    private final long startOffset;
    private final long firstTimestampMillis;
    private final long openedAtMillis;
    private long endOffset;
    private int count;
    private boolean sealed;

    private String uploadId;
    private String writerId;
    private final List<String> partETags = new ArrayList<>();
    /** Bytes taken from the encoder but not yet acknowledged as a part (or as the whole object). */
    private EncodedBytes unsent;
    private long uploadedBytes;
    /** The upload of {@link #unsent} as a part, while it runs in the background; its result is the part's ETag. */
    private Future<String> partInFlight;

    PartitionBuffer(ObjectFormat format, String key, long startOffset, long firstTimestampMillis, long nowMillis) {
        this(format, key, startOffset, firstTimestampMillis, nowMillis, Map.of());
    }

    /** @param recordFields the path template's record-field values every record of this object shares */
    PartitionBuffer(ObjectFormat format, String key, long startOffset, long firstTimestampMillis, long nowMillis,
                    Map<String, String> recordFields) {
        this.encoder = format.newEncoder();
        this.key = key;
        this.recordFields = recordFields;
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

    /**
     * Ends the object: nothing more may be appended. Returns the bytes not yet uploaded, which is the whole object
     * unless parts went already; the same bytes on every call until they are acknowledged, so a failed upload is
     * retried as it was.
     */
    EncodedBytes finish() {
        if (!sealed) {
            sealed = true;
            EncodedBytes tail = encoder.finish();
            unsent = unsent == null ? tail : unsent.concat(tail);
        }
        return unsent == null ? EncodedBytes.EMPTY : unsent;
    }

    /** The next part to upload: the one that failed before, else everything encoded since the last part. */
    EncodedBytes nextPart() {
        if (unsent == null) {
            unsent = sealed ? EncodedBytes.EMPTY : encoder.drain();
        }
        return unsent;
    }

    /** The bytes last returned by {@link #nextPart()} or {@link #finish()} are in S3 as the given part. */
    void partUploaded(String eTag) {
        partETags.add(eTag);
        uploadedBytes += unsent.length();
        unsent = null;
    }

    void partInFlight(Future<String> upload) {
        partInFlight = upload;
    }

    /** The part upload running in the background, if any, which the caller now awaits. */
    Future<String> takePartInFlight() {
        Future<String> f = partInFlight;
        partInFlight = null;
        return f;
    }

    void multipartStarted(String uploadId, String writerId) {
        this.uploadId = uploadId;
        this.writerId = writerId;
    }

    boolean multipart() {
        return uploadId != null;
    }

    /** True once some bytes not yet uploaded are waiting. */
    boolean hasUnsentBytes() {
        return unsent != null && !unsent.isEmpty();
    }

    String uploadId() {
        return uploadId;
    }

    /** Random id of this writer's multipart upload, naming the marker that records the object's offsets. */
    String writerId() {
        return writerId;
    }

    List<String> partETags() {
        return Collections.unmodifiableList(partETags);
    }

    /** True once finished: nothing more may be appended. */
    boolean sealed() {
        return sealed;
    }

    /** Bytes held in memory (compressed bytes as the compressor has flushed them), a part being uploaded included. */
    long size() {
        return encodedBytes() + (unsent == null ? 0 : unsent.length());
    }

    /** Bytes encoded but not yet taken as a part: what the next part would hold. */
    long encodedBytes() {
        // Once sealed, the encoder's remaining bytes are the unsent tail.
        return sealed ? 0 : encoder.size();
    }

    /** Bytes of the object so far, uploaded parts included. */
    long objectSize() {
        return uploadedBytes + size();
    }

    String key() {
        return key;
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

    Map<String, String> recordFields() {
        return recordFields;
    }

    long firstTimestampMillis() {
        return firstTimestampMillis;
    }

    long ageMillis(long nowMillis) {
        return nowMillis - openedAtMillis;
    }
}
