package io.agenttelemetry.connect.opensearch;

import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.kafka.connect.errors.ConnectException;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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

    private final OpenSearchConnection connection;
    private final String urls;
    private final boolean dataStreams;
    private final int maxRetries;
    private final long retryBackoffMs;
    /** One thread per request allowed in flight: the task goes on reading while they write. */
    private final ExecutorService senders;

    BulkWriter(OpenSearchSinkConfig config) {
        this.urls = String.join(",", config.urls);
        this.dataStreams = config.dataStreams;
        this.connection = OpenSearchConnection.open(config);
        this.maxRetries = config.maxRetries;
        this.retryBackoffMs = config.retryBackoffMs;
        this.senders = Executors.newFixedThreadPool(config.maxInFlightRequests, r -> {
            Thread t = new Thread(r, "opensearch-bulk");
            t.setDaemon(true);
            return t;
        });
    }

    OpenSearchClient client() {
        return connection.client;
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
            try {
                BulkRequests.Reply reply = connection.bulk.send(pending, dataStreams);
                if (reply.status() == 200) {
                    for (BulkResult.Failure f : BulkResult.failures(new ByteArrayInputStream(reply.body()), pending.size())) {
                        classify(pending.get(f.item()), f, retry, rejected);
                    }
                } else {
                    String text = new String(reply.body(), StandardCharsets.UTF_8);
                    String message = "HTTP " + reply.status() + ": " + text.substring(0, Math.min(text.length(), 500));
                    ConnectException refused = ConnectionFailures.refused(urls, reply.status(), message, null);
                    if (refused != null) {
                        throw refused;
                    }
                    if (!retriable(reply.status())) {
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
        connection.close();
    }
}
