package io.agenttelemetry.connect.s3;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * An encoder that writes one object into memory through a stream (a compressor, an Avro file writer) which it
 * closes once, at the first {@link #finish()}; later calls return the same bytes. What the stream has written can be
 * drained at any time, so memory holds one part of a large object, not all of it.
 */
abstract class InMemoryEncoder implements ObjectFormat.Encoder {
    protected final ChunkedStream bytes = new ChunkedStream();
    private EncodedBytes finished;

    /** Flushes and closes whatever writes into {@link #bytes}. */
    protected abstract void close() throws IOException;

    @Override
    public long size() {
        return bytes.size();
    }

    @Override
    public final EncodedBytes drain() {
        return bytes.handOver();
    }

    @Override
    public final EncodedBytes finish() {
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

    /**
     * A stream into chunks that are never copied: a full chunk is followed by a new one (twice as large, up to 1 MiB),
     * not grown into a larger array, and handing the bytes over gives the chunks away. After a hand-over, writing
     * goes on in the rest of the last chunk, beyond the range given away.
     */
    static final class ChunkedStream extends OutputStream {
        private static final int FIRST_CHUNK = 64 * 1024;
        private static final int MAX_CHUNK = 1024 * 1024;

        private final List<ByteBuffer> full = new ArrayList<>();
        private byte[] chunk = new byte[FIRST_CHUNK];
        /** Start of the bytes of {@link #chunk} not handed over yet. */
        private int start;
        private int count;
        private long size;

        @Override
        public void write(int b) {
            if (count == chunk.length) {
                nextChunk();
            }
            chunk[count++] = (byte) b;
            size++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            while (len > 0) {
                if (count == chunk.length) {
                    nextChunk();
                }
                int n = Math.min(len, chunk.length - count);
                System.arraycopy(b, off, chunk, count, n);
                count += n;
                off += n;
                len -= n;
                size += n;
            }
        }

        /** Bytes written since the last hand-over. */
        long size() {
            return size;
        }

        EncodedBytes handOver() {
            takeWritten();
            EncodedBytes out = new EncodedBytes(List.copyOf(full), size);
            full.clear();
            size = 0;
            return out;
        }

        private void nextChunk() {
            takeWritten();
            chunk = new byte[Math.min(MAX_CHUNK, chunk.length * 2)];
            start = 0;
            count = 0;
        }

        /** Moves the chunk's bytes written since the last hand-over to the list of those to give away. */
        private void takeWritten() {
            if (count > start) {
                full.add(ByteBuffer.wrap(chunk, start, count - start).slice());
                start = count;
            }
        }
    }
}
