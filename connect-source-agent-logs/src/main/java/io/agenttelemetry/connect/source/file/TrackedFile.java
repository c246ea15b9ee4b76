package io.agenttelemetry.connect.source.file;

import java.io.Closeable;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * One file being tailed: an open channel (so a renamed or deleted file can still be read to its end), the offset
 * of the next line, and the bytes of a line not yet complete. A partial last line is never handed out; it waits
 * for its newline. The partial buffer never holds more than the line limit.
 */
public final class TrackedFile implements Closeable {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long NEWLINES = 0x0A0A0A0A0A0A0A0AL;
    /** Size of the buffer {@link #readLinesInto} reads through, and of the pieces {@link #startsLike} compares. */
    public static final int READ_BUFFER_BYTES = 64 * 1024;

    private final String id;
    private final String fingerprint;
    private final Object fileKey;
    private Path path;
    private FileChannel channel;
    private final int maxLineBytes;

    private long lineStart;
    private long readPosition;
    private byte[] pending = new byte[256];
    private int pendingLength;
    private boolean overlong;
    private long lastGrowthNanos = System.nanoTime();
    /** While closed: the file's size on disk and its content's size when it was closed (they differ if compressed). */
    private long closedSizeOnDisk;
    private long closedContentSize;
    /** The last bytes read (at most ContentCheck.MAX_BYTES), for the check of the position after them. */
    private final byte[] recent = new byte[ContentCheck.MAX_BYTES];
    private int recentLength;
    private ContentCheck check;

    /**
     * @param id         the identity offsets are stored under: the fingerprint, or the fingerprint and the file key
     *                   when another file has the same first line
     * @param check      the check of the bytes before position (from the offset or the file this one continues)
     */
    TrackedFile(String id, String fingerprint, Object fileKey, Path path, FileChannel channel, int maxLineBytes, long position,
                ContentCheck check) {
        this.id = id;
        this.fingerprint = fingerprint;
        this.fileKey = fileKey;
        this.path = path;
        this.channel = channel;
        this.maxLineBytes = maxLineBytes;
        this.lineStart = position;
        this.readPosition = position;
        this.check = check;
    }

    /** Opens a file for reading; a gzip file reads as its uncompressed content. */
    static FileChannel open(Path path) throws IOException {
        FileChannel channel = FileChannel.open(path, StandardOpenOption.READ);
        try {
            return GzipFileChannel.wrapIfGzip(path, channel);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    public String id() {
        return id;
    }

    public String fingerprint() {
        return fingerprint;
    }

    public Object fileKey() {
        return fileKey;
    }

    /**
     * The check of the bytes before {@link #position()}, or, while a line is handed to the sink, before that line's
     * end; null if unknown (resumed from an offset stored without one, nothing read since).
     */
    public ContentCheck check() {
        return check;
    }

    /**
     * True if this file's first {@code length} bytes equal the other file's. Meaningful only while this file still
     * holds what was read of it (open, not truncated).
     */
    public boolean startsLike(FileChannel other, long length) throws IOException {
        if (channel == null || channel.size() < length) {
            return false;
        }
        ByteBuffer a = ByteBuffer.allocate(READ_BUFFER_BYTES);
        ByteBuffer b = ByteBuffer.allocate(READ_BUFFER_BYTES);
        for (long at = 0; at < length; at += READ_BUFFER_BYTES) {
            int n = (int) Math.min(READ_BUFFER_BYTES, length - at);
            a.clear().limit(n);
            b.clear().limit(n);
            readFully(channel, a, at);
            readFully(other, b, at);
            if (!a.flip().equals(b.flip())) {
                return false;
            }
        }
        return true;
    }

    private static void readFully(FileChannel ch, ByteBuffer buf, long at) throws IOException {
        while (buf.hasRemaining()) {
            if (ch.read(buf, at + buf.position()) < 0) {
                throw new IOException("file ended while comparing");
            }
        }
    }

    public Path path() {
        return path;
    }

    public void movedTo(Path newPath) {
        this.path = newPath;
    }

    /** Offset of the first line not yet handed out. */
    public long position() {
        return lineStart;
    }

    public long size() throws IOException {
        return channel.size();
    }

    public boolean isOpen() {
        return channel != null;
    }

    /**
     * Closes the channel, keeping the place of the next line, so thousands of files do not hold thousands of
     * descriptors. Only between lines: the head of a line already read would otherwise be lost.
     *
     * @return true if it was closed
     */
    public boolean suspend() throws IOException {
        if (channel == null || pendingLength > 0 || overlong || readPosition != lineStart) {
            return false;
        }
        closedSizeOnDisk = GzipFileChannel.sizeOnDisk(channel);
        closedContentSize = channel.size();
        channel.close();
        channel = null;
        return true;
    }

    /**
     * Opens a suspended file again at its path.
     *
     * @return false if the path now holds another file (the one we read was rotated away or deleted meanwhile)
     */
    public boolean resume() throws IOException {
        if (channel != null) {
            return true;
        }
        try {
            if (!fileKey.equals(OpenedFile.fileKey(path))) {
                return false;
            }
            channel = open(path);
        } catch (java.nio.file.NoSuchFileException e) {
            return false;
        }
        lastGrowthNanos = System.nanoTime();
        return true;
    }

    /**
     * True if this file no longer holds the content we were reading: it is shorter than what was read, or its first
     * line no longer has our fingerprint. The second catches copytruncate followed by writes that make the file
     * longer than our position before we look, which a size check alone misses.
     */
    public boolean replaced(int fingerprintBytes) throws IOException {
        long size = channel.size();
        if (size < readPosition) {
            return true;
        }
        return size > readPosition && !fingerprint.equals(Fingerprint.of(channel, fingerprintBytes));
    }

    /**
     * Like {@link #replaced}, but compares the fingerprint whatever the size: also catches a truncated file refilled to
     * exactly the old length. One small read per file; the tailer does it at each discovery.
     */
    public boolean replacedThorough(int fingerprintBytes) throws IOException {
        long size = channel.size();
        return size < readPosition || (size > 0 && !fingerprint.equals(Fingerprint.of(channel, fingerprintBytes)));
    }

    /** How long ago a read last found new bytes. */
    public long nanosSinceGrowth() {
        return System.nanoTime() - lastGrowthNanos;
    }

    /** Bytes in the file past the last complete line handed out. */
    public long lag() throws IOException {
        return Math.max(0, unread());
    }

    /**
     * Bytes past the last complete line handed out; negative if the file is now shorter. A closed file is not
     * opened to tell: its size on disk changed by as much as its content (a compressed file does not change).
     */
    public long unread() throws IOException {
        if (channel != null) {
            return channel.size() - lineStart;
        }
        return Files.size(path) - closedSizeOnDisk + closedContentSize - lineStart;
    }

    /**
     * Hands complete lines to the sink, at most maxLines of them.
     *
     * @param chunk a buffer of {@link #READ_BUFFER_BYTES} to read through: nothing is left in it afterwards, so the
     *              files one thread reads share one, and thousands of tracked files do not hold one each
     * @return the number of lines handed out
     */
    public int readLinesInto(ByteBuffer chunk, int maxLines, LineSink sink) throws IOException {
        int lines = 0;
        while (lines < maxLines) {
            chunk.clear();
            int n = channel.read(chunk, readPosition);
            if (n <= 0) {
                break;
            }
            lastGrowthNanos = System.nanoTime();
            byte[] data = chunk.array();
            int i = 0;
            while (i < n && lines < maxLines) {
                int nl = indexOfNewline(data, i, n);
                int stop = nl < 0 ? n : nl;
                append(data, i, stop - i);
                remember(data, i, (nl < 0 ? n : nl + 1) - i);
                if (nl < 0) {
                    readPosition += n - i;
                    i = n;
                    break;
                }
                readPosition += nl - i + 1;
                i = nl + 1;
                emit(sink);
                lines++;
            }
            if (i < n) {
                // Stopped at maxLines inside the chunk; the rest is re-read next time from readPosition.
                break;
            }
        }
        return lines;
    }

    /** True if this is a compressed file: finished when written, so its last line is whole without a newline. */
    public boolean isCompressed() {
        return channel instanceof GzipFileChannel;
    }

    /**
     * Hands out the last line of a file that ends without a newline, once everything else is read. Only for a file
     * that is finished (rotated away and no longer written, or compressed): a live file's last line may still grow.
     *
     * @return true if there was such a line
     */
    public boolean readRemainderInto(LineSink sink) throws IOException {
        if (readPosition != channel.size() || (pendingLength == 0 && !overlong)) {
            return false;
        }
        emit(sink);
        return true;
    }

    private void emit(LineSink sink) {
        int len = pendingLength;
        if (!overlong && len > 0 && pending[len - 1] == '\r') {
            len--;
        }
        long end = readPosition;
        // Before the sink sees the line: the offsets it makes for this line's end carry this check.
        check = ContentCheck.ofTail(recent, 0, recentLength);
        sink.line(lineStart, end, pending, len, overlong);
        lineStart = end;
        pendingLength = 0;
        overlong = false;
        if (pending.length > 64 * 1024) {
            pending = new byte[256];
        }
    }

    private void append(byte[] data, int from, int count) {
        if (pendingLength == 0 && !overlong) {
            // Bytes of NUL at the start of a line are the hole a writer leaves after copytruncate: skip them.
            while (count > 0 && data[from] == 0) {
                from++;
                count--;
                lineStart++;
            }
        }
        int room = maxLineBytes - pendingLength;
        if (count > room) {
            overlong = true;
            count = Math.max(room, 0);
        }
        if (pendingLength + count > pending.length) {
            pending = Arrays.copyOf(pending, Math.max(pendingLength + count, Math.min(maxLineBytes, pending.length * 2)));
        }
        System.arraycopy(data, from, pending, pendingLength, count);
        pendingLength += count;
    }

    /** Keeps the last ContentCheck.MAX_BYTES bytes read. */
    private void remember(byte[] data, int from, int count) {
        int max = recent.length;
        if (count >= max) {
            System.arraycopy(data, from + count - max, recent, 0, max);
            recentLength = max;
            return;
        }
        int drop = Math.max(0, recentLength + count - max);
        if (drop > 0) {
            System.arraycopy(recent, drop, recent, 0, recentLength - drop);
            recentLength -= drop;
        }
        System.arraycopy(data, from, recent, recentLength, count);
        recentLength += count;
    }

    /**
     * The first line feed in {@code data[from, to)}, -1 if none. Eight bytes at a time: a byte-by-byte loop was a
     * tenth of the reader thread's time on 1 KiB lines.
     */
    static int indexOfNewline(byte[] data, int from, int to) {
        int i = from;
        for (; i + Long.BYTES <= to; i += Long.BYTES) {
            long word = (long) LONGS.get(data, i) ^ NEWLINES;
            // The lowest byte of the word that was a line feed (is now zero) sets its high bit; bytes above it may too.
            long zeros = (word - 0x0101010101010101L) & ~word & 0x8080808080808080L;
            if (zeros != 0) {
                return i + (Long.numberOfTrailingZeros(zeros) >>> 3);
            }
        }
        for (; i < to; i++) {
            if (data[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    @Override
    public void close() throws IOException {
        if (channel != null) {
            channel.close();
        }
    }

    @Override
    public String toString() {
        return path + " [" + id + " @" + lineStart + "]";
    }
}
