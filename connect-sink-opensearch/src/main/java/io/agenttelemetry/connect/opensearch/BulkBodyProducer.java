package io.agenttelemetry.connect.opensearch;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Set;

import org.apache.hc.core5.http.nio.AsyncEntityProducer;
import org.apache.hc.core5.http.nio.DataStreamChannel;

/**
 * Hands a bulk body's pieces ({@link BulkBody#pieces}) to the HTTP connection as they are, as far as the connection
 * takes them each time it can write. Nothing is copied into a request-sized buffer first, which is what every
 * transport of the OpenSearch client does with a body (twice: a growing buffer, then its exact copy).
 */
final class BulkBodyProducer implements AsyncEntityProducer {
    static final String CONTENT_TYPE = "application/x-ndjson";

    private final List<byte[]> pieces;
    private final long length;
    private long written;
    private int piece;
    private ByteBuffer current;

    BulkBodyProducer(List<byte[]> pieces) {
        this.pieces = pieces;
        long sum = 0;
        for (byte[] p : pieces) {
            sum += p.length;
        }
        this.length = sum;
    }

    @Override
    public void produce(DataStreamChannel channel) throws IOException {
        while (true) {
            if (current == null || !current.hasRemaining()) {
                if (piece == pieces.size()) {
                    channel.endStream();
                    return;
                }
                current = ByteBuffer.wrap(pieces.get(piece++));
                continue;
            }
            written += channel.write(current);
            if (current.hasRemaining()) {
                // The connection's buffer is full; it asks again when it can take more.
                return;
            }
        }
    }

    @Override
    public int available() {
        return (int) Math.min(Integer.MAX_VALUE, length - written);
    }

    @Override
    public long getContentLength() {
        return length;
    }

    @Override
    public String getContentType() {
        return CONTENT_TYPE;
    }

    @Override
    public String getContentEncoding() {
        return null;
    }

    @Override
    public boolean isChunked() {
        return false;
    }

    @Override
    public Set<String> getTrailerNames() {
        return null;
    }

    /** Each attempt makes a producer of its own. */
    @Override
    public boolean isRepeatable() {
        return false;
    }

    @Override
    public void failed(Exception cause) {
    }

    @Override
    public void releaseResources() {
    }
}
