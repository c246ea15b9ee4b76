package io.agenttelemetry.connect.s3;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Encoded bytes (a part, or an object) as the chunks they were written into. They are read where they lie, by the
 * SDK as a request body and when joined to more bytes, never copied: a part of many megabytes exists once, so the
 * memory bound counts what the heap holds. Nobody writes to the chunks' ranges any more.
 */
final class EncodedBytes {
    static final EncodedBytes EMPTY = new EncodedBytes(List.of(), 0);

    private final List<ByteBuffer> chunks;
    private final long length;

    EncodedBytes(List<ByteBuffer> chunks, long length) {
        this.chunks = chunks;
        this.length = length;
    }

    long length() {
        return length;
    }

    boolean isEmpty() {
        return length == 0;
    }

    /** A new stream over the bytes on each call, so a retried request reads them again from the start. */
    InputStream stream() {
        List<InputStream> streams = new ArrayList<>(chunks.size());
        for (ByteBuffer c : chunks) {
            streams.add(new ByteArrayInputStream(c.array(), c.arrayOffset() + c.position(), c.remaining()));
        }
        return new SequenceInputStream(Collections.enumeration(streams));
    }

    /** These bytes followed by the tail's. */
    EncodedBytes concat(EncodedBytes tail) {
        List<ByteBuffer> joined = new ArrayList<>(chunks);
        joined.addAll(tail.chunks);
        return new EncodedBytes(joined, length + tail.length);
    }

    /** A copy in one array, for readers that need one (tests). */
    byte[] toByteArray() {
        ByteBuffer out = ByteBuffer.allocate(Math.toIntExact(length));
        chunks.forEach(c -> out.put(c.duplicate()));
        return out.array();
    }
}
