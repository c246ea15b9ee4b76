package io.agenttelemetry.connect.opensearch;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.fasterxml.jackson.core.io.JsonStringEncoder;

/**
 * The NDJSON body of a bulk request, read as a stream: an action line per document, then its source as it is. The
 * documents are JSON already; handing them to the client's request model cost the worker 2-3 µs per document to
 * write again. Streamed rather than joined into one array first: the client's transport copies the body into a
 * buffer of its own anyway, and a joined copy was two more allocations of the request's size (megabytes) each time.
 */
final class BulkBody extends InputStream {
    private static final byte[] INDEX = "{\"index\":{\"_index\":\"".getBytes(StandardCharsets.UTF_8);
    private static final byte[] CREATE = "{\"create\":{\"_index\":\"".getBytes(StandardCharsets.UTF_8);
    private static final byte[] DELETE = "{\"delete\":{\"_index\":\"".getBytes(StandardCharsets.UTF_8);
    private static final byte[] ID = "\",\"_id\":\"".getBytes(StandardCharsets.UTF_8);
    private static final byte[] END = "\"}}\n".getBytes(StandardCharsets.UTF_8);
    private static final byte[] NEWLINE = {'\n'};

    private final List<Document> docs;
    private final boolean createOnly;
    private final JsonStringEncoder quote = JsonStringEncoder.getInstance();
    private String lastIndexName;
    private byte[] lastIndex;
    /** The next document to start, and which of its parts (action line, source, newline) is being read. */
    private int doc;
    private int part = 3;
    private byte[] chunk = new byte[0];
    private int pos;
    private final byte[] one = new byte[1];

    private BulkBody(List<Document> docs, boolean createOnly) {
        this.docs = docs;
        this.createOnly = createOnly;
    }

    /** @param createOnly data streams take creates only */
    static InputStream of(List<Document> docs, boolean createOnly) {
        return new BulkBody(docs, createOnly);
    }

    @Override
    public int read() {
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        if (len == 0) {
            return 0;
        }
        int copied = 0;
        while (copied < len && nextChunk()) {
            int n = Math.min(len - copied, chunk.length - pos);
            System.arraycopy(chunk, pos, b, off + copied, n);
            pos += n;
            copied += n;
        }
        return copied == 0 ? -1 : copied;
    }

    /** Moves to the next part with bytes left; false at the end of the body. */
    private boolean nextChunk() {
        while (pos == chunk.length) {
            if (part < 2 && !docs.get(doc - 1).isDelete()) {
                chunk = part == 0 ? docs.get(doc - 1).source : NEWLINE;
                part++;
            } else if (doc < docs.size()) {
                chunk = actionLine(docs.get(doc++));
                part = 0;
            } else {
                return false;
            }
            pos = 0;
        }
        return true;
    }

    private byte[] actionLine(Document d) {
        if (!d.index.equals(lastIndexName)) {
            lastIndexName = d.index;
            lastIndex = quote.quoteAsUTF8(d.index);
        }
        byte[] action = d.isDelete() ? DELETE : createOnly ? CREATE : INDEX;
        byte[] id = quote.quoteAsUTF8(d.id);
        byte[] line = new byte[action.length + lastIndex.length + ID.length + id.length + END.length];
        int at = 0;
        for (byte[] piece : new byte[][] {action, lastIndex, ID, id, END}) {
            System.arraycopy(piece, 0, line, at, piece.length);
            at += piece.length;
        }
        return line;
    }
}
