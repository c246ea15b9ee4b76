package io.agenttelemetry.connect.source.file;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * A gzip file read as the bytes it holds uncompressed, through the same positional reads as a plain file. A file
 * compressed after rotation (logrotate's {@code compress}) thus keeps the fingerprint, offsets and content checks
 * of the file it was, and reading goes on in it where the uncompressed file stopped, also after a restart.
 *
 * <p>Read-only. Reads go forward through one inflating stream; a read behind it starts the stream again, except in
 * the first {@link #HEAD_BYTES}, which are kept: fingerprints are read there at every poll. The uncompressed size
 * is found by inflating the whole file once, when first asked for.
 */
final class GzipFileChannel extends FileChannel {
    /** The largest fingerprint.bytes: a fingerprint never needs the stream. */
    static final int HEAD_BYTES = 64 * 1024;
    /** The inflating stream's input buffer, and the buffer for skipping: small, as up to max.open.files are open. */
    private static final int BUFFER = 8 * 1024;

    /** The stream ended before the gzip trailer: the file is still being written (or was cut short). */
    static final class IncompleteException extends IOException {
        IncompleteException(Path path, EOFException cause) {
            super(path + " is an incomplete gzip file (still being compressed?)", cause);
        }
    }

    private final Path path;
    private final FileChannel compressed;
    private byte[] head;
    private int headLength;
    private GZIPInputStream stream;
    private long streamPosition;
    private long size = -1;
    private long position;
    private byte[] scratch;

    private GzipFileChannel(Path path, FileChannel compressed) {
        this.path = path;
        this.compressed = compressed;
    }

    /**
     * The channel to read a file through: itself, or, for a file named {@code *.gz} that starts with gzip's magic
     * bytes, a view of its uncompressed content (which then owns the channel).
     */
    static FileChannel wrapIfGzip(Path path, FileChannel channel) throws IOException {
        if (!path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz")) {
            return channel;
        }
        ByteBuffer magic = ByteBuffer.allocate(2);
        while (magic.hasRemaining() && channel.read(magic, magic.position()) > 0) {
            // a file of fewer than two bytes stays plain: too short to be fingerprinted anyway
        }
        boolean gzip = !magic.hasRemaining() && magic.get(0) == (byte) 0x1f && magic.get(1) == (byte) 0x8b;
        return gzip ? new GzipFileChannel(path, channel) : channel;
    }

    /** True if the channel reads a gzip file whose stream does not yet reach its trailer. */
    static boolean isIncomplete(FileChannel channel) throws IOException {
        if (!(channel instanceof GzipFileChannel)) {
            return false;
        }
        try {
            channel.size();
            return false;
        } catch (IncompleteException e) {
            return true;
        }
    }

    /** The size on disk: compressed for a gzip file. */
    static long sizeOnDisk(FileChannel channel) throws IOException {
        return channel instanceof GzipFileChannel g ? g.compressed.size() : channel.size();
    }

    @Override
    public long size() throws IOException {
        if (size < 0) {
            readHead();
            if (headLength < HEAD_BYTES) {
                size = headLength;
            } else {
                long n = 0;
                try (GZIPInputStream in = inflate()) {
                    byte[] buf = scratch();
                    for (int r = in.read(buf); r >= 0; r = in.read(buf)) {
                        n += r;
                    }
                } catch (EOFException e) {
                    throw new IncompleteException(path, e);
                }
                size = n;
            }
        }
        return size;
    }

    @Override
    public int read(ByteBuffer dst, long at) throws IOException {
        if (at < 0) {
            throw new IllegalArgumentException("negative position");
        }
        if (!dst.hasRemaining()) {
            return 0;
        }
        readHead();
        if (at < headLength) {
            int n = (int) Math.min(dst.remaining(), headLength - at);
            dst.put(head, (int) at, n);
            return n;
        }
        if (headLength < HEAD_BYTES) {
            return -1; // all of it is in the head
        }
        try {
            if (stream == null || at < streamPosition) {
                closeStream();
                stream = inflate();
                streamPosition = 0;
            }
            while (streamPosition < at) {
                int r = stream.read(scratch(), 0, (int) Math.min(BUFFER, at - streamPosition));
                if (r < 0) {
                    return -1;
                }
                streamPosition += r;
            }
            int r;
            if (dst.hasArray()) {
                r = stream.read(dst.array(), dst.arrayOffset() + dst.position(), dst.remaining());
                if (r > 0) {
                    dst.position(dst.position() + r);
                }
            } else {
                r = stream.read(scratch(), 0, Math.min(BUFFER, dst.remaining()));
                if (r > 0) {
                    dst.put(scratch, 0, r);
                }
            }
            if (r > 0) {
                streamPosition += r;
            }
            return r;
        } catch (EOFException e) {
            throw new IncompleteException(path, e);
        }
    }

    /** The first HEAD_BYTES (or all, if fewer), read once; the stream that read them goes on from there. */
    private void readHead() throws IOException {
        if (head != null) {
            return;
        }
        byte[] h = new byte[HEAD_BYTES];
        int n = 0;
        GZIPInputStream in = inflate();
        try {
            for (int r = 0; r >= 0 && n < h.length; n += Math.max(r, 0)) {
                r = in.read(h, n, h.length - n);
            }
        } catch (EOFException e) {
            in.close();
            throw new IncompleteException(path, e);
        }
        head = n < HEAD_BYTES ? Arrays.copyOf(h, n) : h;
        headLength = n;
        if (n < HEAD_BYTES) {
            in.close();
        } else {
            stream = in;
            streamPosition = n;
        }
    }

    /** A new inflating stream from the file's first byte, with a read position of its own. */
    private GZIPInputStream inflate() throws IOException {
        InputStream raw = new InputStream() {
            private long at;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int r = compressed.read(ByteBuffer.wrap(b, off, len), at);
                if (r > 0) {
                    at += r;
                }
                return r;
            }
        };
        try {
            return new GZIPInputStream(raw, BUFFER);
        } catch (EOFException e) {
            throw new IncompleteException(path, e);
        }
    }

    private byte[] scratch() {
        if (scratch == null) {
            scratch = new byte[BUFFER];
        }
        return scratch;
    }

    private void closeStream() throws IOException {
        if (stream != null) {
            stream.close(); // frees the inflater's native memory
            stream = null;
        }
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        int r = read(dst, position);
        if (r > 0) {
            position += r;
        }
        return r;
    }

    @Override
    public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
        long total = 0;
        for (int i = offset; i < offset + length; i++) {
            while (dsts[i].hasRemaining()) {
                int r = read(dsts[i]);
                if (r <= 0) {
                    return total == 0 && r < 0 ? -1 : total;
                }
                total += r;
            }
        }
        return total;
    }

    @Override
    public long position() {
        return position;
    }

    @Override
    public FileChannel position(long newPosition) {
        if (newPosition < 0) {
            throw new IllegalArgumentException("negative position");
        }
        position = newPosition;
        return this;
    }

    @Override
    public long transferTo(long at, long count, WritableByteChannel target) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate((int) Math.min(BUFFER, Math.max(count, 1)));
        long done = 0;
        while (done < count) {
            buf.clear().limit((int) Math.min(buf.capacity(), count - done));
            int r = read(buf, at + done);
            if (r <= 0) {
                break;
            }
            buf.flip();
            while (buf.hasRemaining()) {
                target.write(buf);
            }
            done += r;
        }
        return done;
    }

    @Override
    public int write(ByteBuffer src) {
        throw new NonWritableChannelException();
    }

    @Override
    public long write(ByteBuffer[] srcs, int offset, int length) {
        throw new NonWritableChannelException();
    }

    @Override
    public int write(ByteBuffer src, long at) {
        throw new NonWritableChannelException();
    }

    @Override
    public FileChannel truncate(long newSize) {
        throw new NonWritableChannelException();
    }

    @Override
    public long transferFrom(ReadableByteChannel src, long at, long count) {
        throw new NonWritableChannelException();
    }

    @Override
    public void force(boolean metaData) {
        // nothing is ever written
    }

    @Override
    public MappedByteBuffer map(MapMode mode, long at, long length) {
        throw new UnsupportedOperationException("the uncompressed content of a gzip file cannot be mapped");
    }

    @Override
    public FileLock lock(long at, long length, boolean shared) {
        throw new UnsupportedOperationException("a gzip file is read, never locked");
    }

    @Override
    public FileLock tryLock(long at, long length, boolean shared) {
        throw new UnsupportedOperationException("a gzip file is read, never locked");
    }

    @Override
    protected void implCloseChannel() throws IOException {
        try {
            closeStream();
        } finally {
            compressed.close();
        }
    }
}
