package io.agenttelemetry.connect.it;

import com.fasterxml.jackson.databind.JsonNode;

import io.agenttelemetry.connect.stack.Http;

/** Reads what landed in OpenSearch. */
final class OpenSearchQueries {
    private final String url;

    OpenSearchQueries(String url) {
        this.url = url;
    }

    /** Documents in the indices matching the pattern, after a refresh; 0 if none exist yet. */
    long count(String indexPattern) {
        Http.send("POST", url + "/" + indexPattern + "/_refresh?allow_no_indices=true&ignore_unavailable=true", null);
        Http.Response r = Http.get(url + "/" + indexPattern + "/_count?allow_no_indices=true&ignore_unavailable=true");
        return r.status() == 200 ? r.json().path("count").asLong() : 0;
    }

    JsonNode search(String indexPattern, String body) {
        Http.send("POST", url + "/" + indexPattern + "/_refresh?allow_no_indices=true&ignore_unavailable=true", null);
        return Http.send("POST", url + "/" + indexPattern + "/_search", body).ok().json();
    }
}
