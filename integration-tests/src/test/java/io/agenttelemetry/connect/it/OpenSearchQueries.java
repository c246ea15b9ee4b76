package io.agenttelemetry.connect.it;

import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;

import io.agenttelemetry.connect.stack.Http;

/** Reads what landed in OpenSearch. */
final class OpenSearchQueries {
    private final String url;
    private final Http.Authenticated http;

    OpenSearchQueries(String url) {
        this(url, Http::send);
    }

    /** With a client of its own, e.g. the secured node's (TLS, basic authentication). */
    OpenSearchQueries(String url, Http.Authenticated http) {
        this.url = url;
        this.http = http;
    }

    /** Documents in the indices matching the pattern, after a refresh; 0 if none exist yet. */
    long count(String indexPattern) {
        http.send("POST", url + "/" + indexPattern + "/_refresh?allow_no_indices=true&ignore_unavailable=true", null);
        Http.Response r = http.get(url + "/" + indexPattern + "/_count?allow_no_indices=true&ignore_unavailable=true");
        return r.status() == 200 ? r.json().path("count").asLong() : 0;
    }

    /** Streams the _source of every document in the indices, a scroll page at a time. */
    void forEachSource(String indexPattern, Consumer<JsonNode> each) {
        http.send("POST", url + "/" + indexPattern + "/_refresh", null);
        JsonNode page = http.send("POST", url + "/" + indexPattern + "/_search?scroll=1m", "{\"size\":5000,\"sort\":[\"_doc\"]}").ok().json();
        while (page.path("hits").path("hits").size() > 0) {
            page.path("hits").path("hits").forEach(h -> each.accept(h.path("_source")));
            page = http.send("POST", url + "/_search/scroll", "{\"scroll\":\"1m\",\"scroll_id\":\"" + page.path("_scroll_id").asText() + "\"}")
                    .ok().json();
        }
    }

    JsonNode search(String indexPattern, String body) {
        http.send("POST", url + "/" + indexPattern + "/_refresh?allow_no_indices=true&ignore_unavailable=true", null);
        return http.send("POST", url + "/" + indexPattern + "/_search", body).ok().json();
    }
}
