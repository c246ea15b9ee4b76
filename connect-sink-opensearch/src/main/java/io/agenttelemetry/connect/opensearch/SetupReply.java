package io.agenttelemetry.connect.opensearch;

import java.io.IOException;

import org.apache.kafka.connect.errors.ConnectException;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch.generic.Requests;
import org.opensearch.client.opensearch.generic.Response;

/**
 * The answer to a PUT the sink makes to set OpenSearch up (index templates, the ISM policy, data streams), and how a
 * refusal fails: one rule for all of them.
 */
record SetupReply(int status, String body) {
    /** PUTs the JSON body (null: none) to the endpoint; IOException if OpenSearch is unreachable. */
    static SetupReply put(OpenSearchClient client, String endpoint, String json) throws IOException {
        var request = Requests.builder().method("PUT").endpoint(endpoint);
        if (json != null) {
            request.json(json);
        }
        try (Response r = client.generic().execute(request.build())) {
            return new SetupReply(r.getStatus(), r.getBody().map(b -> b.bodyAsString()).orElse(""));
        }
    }

    boolean ok() {
        return status / 100 == 2;
    }

    /**
     * The failure for a refusal of what: an IOException to throw when OpenSearch is busy or failing (429, 5xx),
     * which the caller retries; otherwise it throws a ConnectException with OpenSearch's reason itself, as retrying
     * would not help.
     */
    IOException failure(String what) {
        if (status >= 500 || status == 429) {
            return new IOException(what + ": HTTP " + status + " " + body);
        }
        throw new ConnectException("OpenSearch refused " + what + ": HTTP " + status + " " + body);
    }
}
