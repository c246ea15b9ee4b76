package io.agenttelemetry.connect.s3;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;

/**
 * An encoder that writes one object into memory through a stream (a compressor, an Avro file writer) which it
 * closes once, at the first {@link #finish()}; later calls return the same bytes. What the stream has written can be
 * drained at any time, so memory holds one part of a large object, not all of it. Drained and finished bytes are
 * handed over as they lie in memory, not copied: a part of many megabytes exists once, so the memory bound counts
 * what the heap holds.
 */
abstract class InMemoryEncoder implements ObjectFormat.Encoder {
    protected final HandOverStream bytes = new HandOverStream();
    private ByteBuffer finished;

    /** Flushes and closes whatever writes into {@link #bytes}. */
    protected abstract void close() throws IOException;

    @Override
    public long size() {
        return bytes.size();
    }

    @Override
    public final ByteBuffer drain() {
        return bytes.handOver();
    }

    @Override
    public final ByteBuffer finish() {
        if (finished == null) {
            try {
                close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            finished = bytes.handOver();
        }
        return finished;
    }

    /** A byte array stream that gives its array away and starts a new one about as large as the last part. */
    static final class HandOverStream extends ByteArrayOutputStream {
        HandOverStream() {
            super(64 * 1024);
        }

        ByteBuffer handOver() {
            ByteBuffer out = ByteBuffer.wrap(buf, 0, count);
            buf = new byte[Math.max(64 * 1024, count + count / 16)];
            count = 0;
            return out;
        }
    }
}
