package io.agenttelemetry.connect.opensearch;

import java.io.IOException;
import java.util.List;

/** Sends one bulk request: the documents as NDJSON ({@link BulkBody}) to {@code /_bulk}. */
interface BulkRequests {
    /** A bulk reply's status and body (empty when it had none). */
    record Reply(int status, byte[] body) {
    }

    /**
     * @param createOnly data streams take creates only
     * @throws IOException when no reply came (connection failures, time-outs)
     */
    Reply send(List<Document> docs, boolean createOnly) throws IOException, InterruptedException;
}
