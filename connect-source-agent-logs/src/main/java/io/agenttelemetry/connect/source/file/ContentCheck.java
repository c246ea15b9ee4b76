package io.agenttelemetry.connect.source.file;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.zip.CRC32C;

/**
 * A checksum of the bytes just before a read position (the end of the line read last, at most {@link #MAX_BYTES}
 * of them), so that a position can be checked against a file before reading on there. The fingerprint says a file
 * starts like the one read before; this says it also holds what was read last. Two files with the same first line
 * (a fixed header, a banner) thus stay two files, and a file with another's first line does not inherit its offset.
 */
public record ContentCheck(int crc, int bytes) {
    public static final int MAX_BYTES = 256;
    /** At position 0 nothing was read: every file holds it. */
    public static final ContentCheck START = new ContentCheck(0, 0);

    /** The check of the last {@code min(length, MAX_BYTES)} bytes of {@code data[offset, offset + length)}. */
    public static ContentCheck ofTail(byte[] data, int offset, int length) {
        int n = Math.min(length, MAX_BYTES);
        CRC32C crc = new CRC32C();
        crc.update(data, offset + length - n, n);
        return new ContentCheck((int) crc.getValue(), n);
    }

    /** The check of the {@code min(position, count)} bytes before position, read from the file. */
    public static ContentCheck before(FileChannel channel, long position, int count) throws IOException {
        int n = (int) Math.min(position, count);
        ByteBuffer buf = ByteBuffer.allocate(n);
        while (buf.hasRemaining()) {
            if (channel.read(buf, position - n + buf.position()) < 0) {
                throw new IOException("file ends before offset " + position);
            }
        }
        return ofTail(buf.array(), 0, n);
    }

    /**
     * True if the file holds at position what this check was taken of: it is at least that long and the bytes
     * before position have this checksum.
     */
    public boolean heldBy(FileChannel channel, long position) throws IOException {
        if (bytes == 0) {
            return true;
        }
        if (channel.size() < position) {
            return false;
        }
        return equals(before(channel, position, bytes));
    }
}
