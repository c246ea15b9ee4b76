package io.agenttelemetry.connect.opensearch;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.fasterxml.jackson.core.io.JsonStringEncoder;

/**
 * The NDJSON body of a bulk request: an action line per document, then its source as it is. The documents are
 * JSON already; handing them to the client's request model cost the worker 2-3 µs per document to write again.
 */
final class BulkBody {
    private static final byte[] INDEX = "{\"index\":{\"_index\":\"".getBytes(StandardCharsets.UTF_8);
    private static final byte[] CREATE = "{\"create\":{\"_index\":\"".getBytes(StandardCharsets.UTF_8);
    private static final byte[] DELETE = "{\"delete\":{\"_index\":\"".getBytes(StandardCharsets.UTF_8);
    private static final byte[] ID = "\",\"_id\":\"".getBytes(StandardCharsets.UTF_8);
    private static final byte[] END = "\"}}\n".getBytes(StandardCharsets.UTF_8);

    private BulkBody() {
    }

    /** @param createOnly data streams take creates only */
    static byte[] of(List<Document> docs, boolean createOnly) {
        int size = 0;
        for (Document d : docs) {
            size += d.bytes();
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream(size);
        JsonStringEncoder quote = JsonStringEncoder.getInstance();
        byte[] lastIndex = null;
        String lastIndexName = null;
        for (Document d : docs) {
            if (!d.index.equals(lastIndexName)) {
                lastIndexName = d.index;
                lastIndex = quote.quoteAsUTF8(d.index);
            }
            body.writeBytes(d.isDelete() ? DELETE : createOnly ? CREATE : INDEX);
            body.writeBytes(lastIndex);
            body.writeBytes(ID);
            body.writeBytes(quote.quoteAsUTF8(d.id));
            body.writeBytes(END);
            if (!d.isDelete()) {
                body.writeBytes(d.source);
                body.write('\n');
            }
        }
        return body.toByteArray();
    }
}
