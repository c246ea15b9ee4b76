package io.agenttelemetry.connect.opensearch;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.Message;
import org.apache.hc.core5.http.Method;
import org.apache.hc.core5.http.message.BasicHttpRequest;
import org.apache.hc.core5.http.nio.entity.BasicAsyncEntityConsumer;
import org.apache.hc.core5.http.nio.support.BasicRequestProducer;
import org.apache.hc.core5.http.nio.support.BasicResponseConsumer;

/**
 * Bulk requests on the HTTP client behind the OpenSearch client's transport (same connections, TLS and
 * credentials), with the body streamed from the documents' own bytes ({@link BulkBodyProducer}). The hosts take
 * the requests in turn, so a retry goes to the next one.
 */
final class StreamingBulkRequests implements BulkRequests {
    /** Only what {@link BulkResult} reads comes back. */
    private static final String PATH = "/_bulk?filter_path=" + BulkResult.FILTER_PATH;

    private final CloseableHttpAsyncClient http;
    private final List<HttpHost> hosts;
    /** Sent with every request: a streamed body cannot be sent again after a 401 challenge. */
    private final String authorization;
    private final int writeChunkBytes;
    private final AtomicInteger next = new AtomicInteger();

    /**
     * @param authorization the Authorization header's value, or null
     * @param writeChunkBytes the most body bytes handed to the connection at a time
     */
    StreamingBulkRequests(CloseableHttpAsyncClient http, List<HttpHost> hosts, String authorization, int writeChunkBytes) {
        this.http = http;
        this.hosts = List.copyOf(hosts);
        this.authorization = authorization;
        this.writeChunkBytes = writeChunkBytes;
    }

    @Override
    public Reply send(List<Document> docs, boolean createOnly) throws IOException, InterruptedException {
        HttpHost host = hosts.get(Math.floorMod(next.getAndIncrement(), hosts.size()));
        BasicHttpRequest request = new BasicHttpRequest(Method.POST, host, PATH);
        if (authorization != null) {
            request.setHeader(HttpHeaders.AUTHORIZATION, authorization);
        }
        Future<Message<HttpResponse, byte[]>> reply = http.execute(
                new BasicRequestProducer(request, new BulkBodyProducer(BulkBody.pieces(docs, createOnly), writeChunkBytes)),
                new BasicResponseConsumer<>(new BasicAsyncEntityConsumer()), null);
        try {
            Message<HttpResponse, byte[]> message = reply.get();
            byte[] body = message.getBody();
            return new Reply(message.getHead().getCode(), body == null ? new byte[0] : body);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException) {
                throw (IOException) e.getCause();
            }
            throw new IOException(e.getCause());
        } catch (InterruptedException e) {
            reply.cancel(true);
            throw e;
        }
    }
}
