package io.agenttelemetry.connect.opensearch;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;

import javax.net.ssl.KeyManager;
import javax.net.ssl.TrustManager;

import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManager;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.client5.http.ssl.DefaultHostnameVerifier;
import org.apache.hc.client5.http.ssl.NoopHostnameVerifier;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.nio.ssl.TlsStrategy;
import org.apache.kafka.connect.errors.ConnectException;
import org.opensearch.client.json.jackson.JacksonJsonpMapper;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch.generic.Body;
import org.opensearch.client.opensearch.generic.OpenSearchGenericClient;
import org.opensearch.client.opensearch.generic.Request;
import org.opensearch.client.opensearch.generic.Requests;
import org.opensearch.client.opensearch.generic.Response;
import org.opensearch.client.transport.OpenSearchTransport;
import org.opensearch.client.transport.aws.AwsSdk2Transport;
import org.opensearch.client.transport.aws.AwsSdk2TransportOptions;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5TransportBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.agenttelemetry.connect.aws.AwsCredentials;
import software.amazon.awssdk.regions.Region;

/**
 * Sends batches of documents in bulk requests, in the background. Items that fail for a passing reason (429, 5xx,
 * connection errors) are sent again with exponential backoff and jitter; what is malformed is returned to the
 * caller; version conflicts count as written (the document is already there).
 */
final class BulkWriter implements Closeable {
    private static final Logger log = LoggerFactory.getLogger(BulkWriter.class);

    /** Items OpenSearch refused as malformed, with the reason. */
    static final class Rejected {
        final Document document;
        final String reason;

        Rejected(Document document, String reason) {
            this.document = document;
            this.reason = reason;
        }
    }

    /** Thrown when retries are used up; the caller hands the batch back to Connect. */
    static final class StillFailing extends Exception {
        StillFailing(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final OpenSearchTransport transport;
    /** The SigV4 credentials (and their STS client), when requests are signed. */
    private AwsCredentials awsCredentials;
    private final String urls;
    private final boolean dataStreams;
    private final OpenSearchClient client;
    /** Bulk requests go as the NDJSON the sink writes ({@link BulkBody}), through the client's transport. */
    private final OpenSearchGenericClient bulkClient;
    private final int maxRetries;
    private final long retryBackoffMs;
    /** One thread per request allowed in flight: the task goes on reading while they write. */
    private final ExecutorService senders;

    BulkWriter(OpenSearchSinkConfig config) {
        this.urls = String.join(",", config.urls);
        this.dataStreams = config.dataStreams;
        this.transport = transport(config);
        this.client = new OpenSearchClient(transport);
        this.bulkClient = client.generic();
        this.maxRetries = config.maxRetries;
        this.retryBackoffMs = config.retryBackoffMs;
        this.senders = Executors.newFixedThreadPool(config.maxInFlightRequests, r -> {
            Thread t = new Thread(r, "opensearch-bulk");
            t.setDaemon(true);
            return t;
        });
    }

    private OpenSearchTransport transport(OpenSearchSinkConfig config) {
        if (config.sigV4Service != null) {
            return awsTransport(config);
        }
        HttpHost[] hosts = new HttpHost[config.urls.size()];
        try {
            for (int i = 0; i < hosts.length; i++) {
                hosts[i] = HttpHost.create(config.urls.get(i).trim());
            }
        } catch (URISyntaxException e) {
            throw new ConnectException("Invalid " + OpenSearchSinkConfig.CONNECTION_URL_CONFIG + ": " + e.getMessage());
        }
        // An explicit mapper: the no-argument one scans for Jackson modules with ServiceLoader, and inside a plugin
        // class loader that finds the worker's modules, built against the worker's Jackson ("not a subtype").
        ApacheHttpClient5TransportBuilder builder = ApacheHttpClient5TransportBuilder.builder(hosts)
                .setMapper(new JacksonJsonpMapper(new ObjectMapper()));
        BasicCredentialsProvider credentials = null;
        if (config.username != null) {
            credentials = new BasicCredentialsProvider();
            char[] password = config.password == null ? new char[0] : config.password.value().toCharArray();
            for (HttpHost host : hosts) {
                credentials.setCredentials(new AuthScope(host), new UsernamePasswordCredentials(config.username, password));
            }
        }
        TlsStrategy tls = null;
        if (Arrays.stream(hosts).anyMatch(h -> "https".equalsIgnoreCase(h.getSchemeName()))) {
            tls = ClientTlsStrategyBuilder.create().setSslContext(TlsContext.build(config))
                    .setHostnameVerifier(config.verifyHostname ? new DefaultHostnameVerifier() : NoopHostnameVerifier.INSTANCE)
                    .build();
        }
        BasicCredentialsProvider basicAuth = credentials;
        PoolingAsyncClientConnectionManager connections = tls == null ? null : PoolingAsyncClientConnectionManagerBuilder.create()
                .setTlsStrategy(tls)
                .setMaxConnPerRoute(Math.max(10, config.maxInFlightRequests))
                .setMaxConnTotal(Math.max(30, config.maxInFlightRequests * hosts.length))
                .build();
        builder.setHttpClientConfigCallback(http -> {
            if (basicAuth != null) {
                http.setDefaultCredentialsProvider(basicAuth);
            }
            if (connections != null) {
                http.setConnectionManager(connections);
            }
            return http;
        });
        return builder.build();
    }

    /** Amazon OpenSearch Service or Serverless: every request signed with SigV4 by opensearch-java's AWS transport. */
    private OpenSearchTransport awsTransport(OpenSearchSinkConfig config) {
        URI url = URI.create(config.urls.get(0).trim());
        TrustManager[] trust = TlsContext.trustManagers(config);
        KeyManager[] keys = TlsContext.keyManagers(config);
        software.amazon.awssdk.http.apache.ApacheHttpClient.Builder http = software.amazon.awssdk.http.apache.ApacheHttpClient.builder()
                .maxConnections(Math.max(10, config.maxInFlightRequests));
        if (trust != null) {
            http.tlsTrustManagersProvider(() -> trust);
        }
        if (keys != null) {
            http.tlsKeyManagersProvider(() -> keys);
        }
        awsCredentials = config.awsCredentials.open(config.awsRegion);
        AwsSdk2TransportOptions options = AwsSdk2TransportOptions.builder()
                .setCredentials(awsCredentials.provider())
                .setMapper(new JacksonJsonpMapper(new ObjectMapper()))
                .build();
        String host = url.getHost() + (url.getPort() > 0 ? ":" + url.getPort() : "");
        return new AwsSdk2Transport(http.build(), host, config.sigV4Service, Region.of(config.awsRegion), options);
    }

    OpenSearchClient client() {
        return client;
    }

    /**
     * Writes one batch in the background, retrying what fails for a passing reason; the future holds the malformed
     * documents, or fails with {@link StillFailing} when retries are used up.
     */
    CompletableFuture<List<Rejected>> send(List<Document> batch) {
        CompletableFuture<List<Rejected>> result = new CompletableFuture<>();
        senders.execute(() -> {
            try {
                result.complete(writeWithRetries(batch));
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    private List<Rejected> writeWithRetries(List<Document> batch) throws StillFailing, InterruptedException {
        List<Rejected> rejected = new ArrayList<>();
        List<Document> pending = batch;
        for (int attempt = 0; ; attempt++) {
            List<Document> retry = new ArrayList<>();
            Exception failure = null;
            try (Response response = bulkClient.execute(request(pending))) {
                int status = response.getStatus();
                if (status == 200) {
                    try (InputStream body = response.getBody().orElseThrow(() -> new IOException("bulk response without a body")).body()) {
                        for (BulkResult.Failure f : BulkResult.failures(body, pending.size())) {
                            classify(pending.get(f.item()), f, retry, rejected);
                        }
                    }
                } else {
                    String text = response.getBody().map(Body::bodyAsString).orElse("");
                    String message = "HTTP " + status + ": " + text.substring(0, Math.min(text.length(), 500));
                    ConnectException refused = ConnectionFailures.refused(urls, status, message, null);
                    if (refused != null) {
                        throw refused;
                    }
                    if (!retriable(status)) {
                        throw new ConnectException("OpenSearch refused the bulk request: " + message);
                    }
                    retry = pending;
                    failure = new IOException(message);
                }
            } catch (IOException e) {
                ConnectException permanent = ConnectionFailures.permanent(urls, e);
                if (permanent != null) {
                    throw permanent;
                }
                retry = pending;
                failure = e;
            }
            if (retry.isEmpty()) {
                return rejected;
            }
            if (attempt >= maxRetries) {
                throw new StillFailing(retry.size() + " documents still not written after " + (attempt + 1) + " attempts", failure);
            }
            long backoff = backoffMillis(attempt);
            log.warn("{} of {} documents not written ({}); retry {} of {} in {} ms", retry.size(), pending.size(),
                    failure != null ? failure.toString() : "temporary item failures", attempt + 1, maxRetries, backoff);
            Thread.sleep(backoff);
            pending = retry;
        }
    }

    private Request request(List<Document> docs) {
        return Requests.builder().method("POST").endpoint("/_bulk")
                .query(Map.of("filter_path", BulkResult.FILTER_PATH))
                .body(Body.from(BulkBody.of(docs, dataStreams), "application/x-ndjson"))
                .build();
    }

    private static void classify(Document doc, BulkResult.Failure item, List<Document> retry, List<Rejected> rejected) {
        // A replayed document that is already there (409), or a delete of one that is gone (404), is done.
        if (item.status() == 409 || (doc.isDelete() && item.status() == 404)) {
            return;
        }
        if (retriable(item.status())) {
            retry.add(doc);
        } else {
            rejected.add(new Rejected(doc, item.type() + ": " + item.reason()));
        }
    }

    static boolean retriable(int status) {
        return status == 429 || status >= 500;
    }

    /** Exponential with full jitter, capped at a minute. */
    long backoffMillis(int attempt) {
        long cap = Math.min(60_000L, retryBackoffMs << Math.min(attempt, 20));
        return cap / 2 + ThreadLocalRandom.current().nextLong(cap / 2 + 1);
    }

    @Override
    public void close() throws IOException {
        senders.shutdownNow();
        transport.close();
        if (awsCredentials != null) {
            awsCredentials.close();
        }
    }
}
