package io.agenttelemetry.connect.opensearch;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.opensearch.client.opensearch.generic.Body;
import org.opensearch.client.opensearch.generic.OpenSearchGenericClient;
import org.opensearch.client.opensearch.generic.Requests;
import org.opensearch.client.opensearch.generic.Response;

/**
 * Bulk requests through the OpenSearch client's generic requests, for transports the sink does not stream through
 * itself: the AWS one signs each request with SigV4, body and all.
 */
final class ClientBulkRequests implements BulkRequests {
    private final OpenSearchGenericClient client;

    ClientBulkRequests(OpenSearchGenericClient client) {
        this.client = client;
    }

    @Override
    public Reply send(List<Document> docs, boolean createOnly) throws IOException {
        try (Response response = client.execute(Requests.builder().method("POST").endpoint("/_bulk")
                .query(Map.of("filter_path", BulkResult.FILTER_PATH))
                .body(Body.from(BulkBody.of(docs, createOnly), BulkBodyProducer.CONTENT_TYPE))
                .build())) {
            return new Reply(response.getStatus(), response.getBody().map(Body::bodyAsBytes).orElse(new byte[0]));
        }
    }
}
