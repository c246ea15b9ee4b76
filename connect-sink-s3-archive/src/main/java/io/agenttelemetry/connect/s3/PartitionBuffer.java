package io.agenttelemetry.connect.s3;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.zip.GZIPOutputStream;

/** The object being assembled for one topic-partition: encoded records, their offset range and age. */
final class PartitionBuffer {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
    private final OutputStream out;
    private final long startOffset;
    private final long firstTimestampMillis;
    private final long openedAtMillis;
    private long endOffset;
    private int count;
    private byte[] finished;

    PartitionBuffer(S3ArchiveSinkConfig.Compression compression, long startOffset, long firstTimestampMillis, long nowMillis) {
        try {
            this.out = compression == S3ArchiveSinkConfig.Compression.GZIP ? new GZIPOutputStream(bytes, 64 * 1024) : bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.startOffset = startOffset;
        this.endOffset = startOffset - 1;
        this.firstTimestampMillis = firstTimestampMillis;
        this.openedAtMillis = nowMillis;
    }

    void append(byte[] line, long offset) {
        try {
            out.write(line);
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        endOffset = offset;
        count++;
    }

    /** The finished object's bytes; the same bytes on every call, so a failed upload can be retried as it was. */
    byte[] finish() {
        if (finished == null) {
            try {
                out.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            finished = bytes.toByteArray();
        }
        return finished;
    }

    /** True once finished: nothing more may be appended. */
    boolean sealed() {
        return finished != null;
    }

    /** Bytes so far (compressed bytes as the compressor has flushed them). */
    long size() {
        return bytes.size();
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

    long firstTimestampMillis() {
        return firstTimestampMillis;
    }

    long ageMillis(long nowMillis) {
        return nowMillis - openedAtMillis;
    }
}
