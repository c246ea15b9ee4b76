package io.agenttelemetry.connect.opensearch;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.List;

import com.fasterxml.jackson.core.io.JsonStringEncoder;

/**
 * The NDJSON body of a bulk request, as its pieces: an action line per document, then its source as it is. The
 * documents are JSON already; handing them to the client's request model cost the worker 2-3 µs per document to
 * write again. Kept in pieces rather than joined into one array: a request is megabytes, and each joined copy of it
 * was an allocation of that size.
 */
final class BulkBody {
    private static final byte[] INDEX = "{\"index\":{\"_index\":\"".getBytes(StandardCharsets.UTF_8);
    private static final byte[] CREATE = "{\"create\":{\"_index\":\"".getBytes(StandardCharsets.UTF_8);
    private static final byte[] DELETE = "{\"delete\":{\"_index\":\"".getBytes(StandardCharsets.UTF_8);
    private static final byte[] ID = "\",\"_id\":\"".getBytes(StandardCharsets.UTF_8);
    private static final byte[] END = "\"}}\n".getBytes(StandardCharsets.UTF_8);
    private static final byte[] NEWLINE = {'\n'};

    private final boolean createOnly;
    private final JsonStringEncoder quote = JsonStringEncoder.getInstance();
    private String lastIndexName;
    private byte[] lastIndex;

    private BulkBody(boolean createOnly) {
        this.createOnly = createOnly;
    }

    /** @param createOnly data streams take creates only */
    static List<byte[]> pieces(List<Document> docs, boolean createOnly) {
        BulkBody body = new BulkBody(createOnly);
        List<byte[]> pieces = new ArrayList<>(docs.size() * 3);
        for (Document d : docs) {
            pieces.add(body.actionLine(d));
            if (!d.isDelete()) {
                pieces.add(d.source);
                pieces.add(NEWLINE);
            }
        }
        return pieces;
    }

    /** The pieces read as one stream. */
    static InputStream of(List<Document> docs, boolean createOnly) {
        Iterator<byte[]> pieces = pieces(docs, createOnly).iterator();
        return new SequenceInputStream(new Enumeration<>() {
            @Override
            public boolean hasMoreElements() {
                return pieces.hasNext();
            }

            @Override
            public InputStream nextElement() {
                return new ByteArrayInputStream(pieces.next());
            }
        });
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
