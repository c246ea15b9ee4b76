package io.agenttelemetry.connect.opensearch;

import java.io.IOException;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

import org.apache.kafka.connect.errors.ConnectException;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch.generic.Requests;
import org.opensearch.client.opensearch.generic.Response;
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
            try (Response r = client.generic().execute(Requests.builder().method("PUT").endpoint("/_data_stream/" + name).build())) {
                int status = r.getStatus();
                String text = r.getBody().map(b -> b.bodyAsString()).orElse("");
                if (status / 100 == 2) {
                    log.info("Created data stream {}", name);
                } else if (!text.contains("resource_already_exists_exception")) {
                    if (status >= 500 || status == 429) {
                        throw new IOException("data stream " + name + ": HTTP " + status + " " + text);
                    }
                    throw new ConnectException("OpenSearch refused to create data stream " + name + ": HTTP " + status + " " + text);
                }
            }
            if (known.size() >= MAX_REMEMBERED) {
                known.clear();
            }
            known.add(name);
        }
    }
}
