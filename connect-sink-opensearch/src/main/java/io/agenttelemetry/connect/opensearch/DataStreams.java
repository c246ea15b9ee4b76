package io.agenttelemetry.connect.opensearch;

import java.io.IOException;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

import org.opensearch.client.opensearch.OpenSearchClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates each data stream before the first write to it. Left to the bulk API's auto-creation, bulk requests in
 * flight together that all start the same new stream race to create it; an explicit create either makes the stream
 * or finds it there, and a stream no template matches fails with OpenSearch's reason instead of per-item errors.
 */
final class DataStreams {
    private static final Logger log = LoggerFactory.getLogger(DataStreams.class);
    /** Names are per kind and sensitivity (and date, if the template has one): few; the bound is for safety. */
    private static final int MAX_REMEMBERED = 10_000;

    private final Set<String> known = new HashSet<>();

    /** @throws IOException if OpenSearch is unreachable or overloaded, for the caller's retry */
    void ensure(OpenSearchClient client, Collection<String> names) throws IOException {
        for (String name : names) {
            if (known.contains(name)) {
                continue;
            }
            SetupReply reply = SetupReply.put(client, "/_data_stream/" + name, null);
            if (reply.ok()) {
                log.info("Created data stream {}", name);
            } else if (!reply.body().contains("resource_already_exists_exception")) {
                throw reply.failure("data stream " + name);
            }
            if (known.size() >= MAX_REMEMBERED) {
                known.clear();
            }
            known.add(name);
        }
    }
}
