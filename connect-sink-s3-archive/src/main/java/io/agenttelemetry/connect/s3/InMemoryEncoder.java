package io.agenttelemetry.connect.s3;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * An encoder that writes one object into memory through a stream (a compressor, an Avro file writer) which it
 * closes once, at the first {@link #finish()}; later calls return the same bytes. What the stream has written can be
 * drained at any time, so memory holds one part of a large object, not all of it.
 */
abstract class InMemoryEncoder implements ObjectFormat.Encoder {
    protected final ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
    private byte[] finished;

    /** Flushes and closes whatever writes into {@link #bytes}. */
    protected abstract void close() throws IOException;

    @Override
    public long size() {
        return bytes.size();
    }

    @Override
    public final byte[] drain() {
        byte[] drained = bytes.toByteArray();
        bytes.reset();
        return drained;
    }

    @Override
    public final byte[] finish() {
        if (finished == null) {
            try {
                close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            finished = bytes.toByteArray();
        }
        return finished;
    }
}
