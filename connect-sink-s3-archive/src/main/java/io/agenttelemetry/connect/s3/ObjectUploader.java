package io.agenttelemetry.connect.s3;

import java.io.Closeable;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.RetriableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.agenttelemetry.connect.aws.AwsCredentials;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CompletedMultipartUpload;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.s3.model.UploadPartRequest;

/**
 * Writes finished objects with {@code If-None-Match: *} (on the PUT, or on completing a multipart upload), so an
 * object is never overwritten. If one already exists under the key (written before a crash, its offsets not yet
 * committed), its end offset is read from its metadata or its offsets marker and returned, and the caller
 * continues after it.
 */
final class ObjectUploader implements Closeable {
    static final String START_OFFSET = "start-offset";
    static final String END_OFFSET = "end-offset";
    static final String RECORD_COUNT = "record-count";
    static final String WRITER_ID = "writer-id";
    private static final Logger log = LoggerFactory.getLogger(ObjectUploader.class);

    private final S3Client s3;
    private final String bucket;
    private final S3ArchiveSinkConfig config;
    private final AwsCredentials credentials;
    private final S3ArchiveSinkTaskMetrics metrics;
    /** Uploads parts while the task goes on encoding records. */
    private final ExecutorService partUploads;
    /** Writes finished objects while the task goes on; apart from the part uploads, which a write may await. */
    private final ExecutorService objectWrites;

    ObjectUploader(S3ArchiveSinkConfig config, S3ArchiveSinkTaskMetrics metrics) {
        this.bucket = config.bucket;
        this.metrics = metrics;
        this.config = config;
        this.credentials = config.credentials.open(config.region);
        S3ClientBuilder b = S3Client.builder()
                .region(Region.of(config.region))
                .forcePathStyle(config.pathStyle)
                .credentialsProvider(credentials.provider())
                .httpClientBuilder(ApacheHttpClient.builder());
        if (!config.endpoint.isEmpty()) {
            b.endpointOverride(URI.create(config.endpoint));
        }
        this.s3 = b.build();
        this.partUploads = Executors.newFixedThreadPool(config.partUploadThreads, daemon("s3-part-upload"));
        this.objectWrites = Executors.newFixedThreadPool(config.partUploadThreads, daemon("s3-object-write"));
    }

    private static ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    /** Runs {@link #write} in the background; the future holds its result or its exception. */
    CompletableFuture<Long> startWrite(PartitionBuffer b) {
        return CompletableFuture.supplyAsync(() -> write(b), objectWrites);
    }

    /**
     * Writes the finished object: in one PUT if no part went yet, else its last part, its offsets marker and the
     * multipart upload's completion.
     *
     * @return -1 if the object was written now, else the end offset of the object already under that key
     * @throws RetriableException on throttling, server errors and connection failures (after the SDK's own retries)
     */
    long write(PartitionBuffer b) {
        awaitPart(b);
        EncodedBytes body = b.finish();
        if (!b.multipart()) {
            return putObject(b, body);
        }
        if (b.hasUnsentBytes()) {
            uploadPart(b);
            awaitPart(b);
        }
        putOffsetsMarker(b);
        String what = "complete multipart upload of s3://" + bucket + "/" + b.key();
        try {
            List<CompletedPart> parts = new ArrayList<>();
            for (int i = 0; i < b.partETags().size(); i++) {
                parts.add(CompletedPart.builder().partNumber(i + 1).eTag(b.partETags().get(i)).build());
            }
            s3.completeMultipartUpload(CompleteMultipartUploadRequest.builder().bucket(bucket).key(b.key())
                    .uploadId(b.uploadId()).ifNoneMatch("*")
                    .multipartUpload(CompletedMultipartUpload.builder().parts(parts).build()).build());
            return -1;
        } catch (S3Exception e) {
            if (e.statusCode() == 412) {
                abort(b);
                return existingEndOffset(b.key());
            }
            throw classify(what, e);
        } catch (SdkClientException e) {
            throw unreachable(what, e);
        }
    }

    /**
     * Starts uploading the bytes encoded so far as the object's next part, in the background, and returns. An
     * object has at most one part in flight: an earlier one is awaited first. No part starts with less than S3's
     * minimum part size (only the last part, sent by {@link #write}, may be smaller).
     */
    void uploadPart(PartitionBuffer b) {
        awaitPart(b);
        if (b.encodedBytes() < S3ArchiveSinkConfig.MIN_PART_SIZE && !b.hasUnsentBytes()) {
            return;
        }
        String what = "upload part of s3://" + bucket + "/" + b.key();
        if (!b.multipart()) {
            String writerId = UUID.randomUUID().toString();
            CreateMultipartUploadRequest.Builder req = CreateMultipartUploadRequest.builder().bucket(bucket).key(b.key())
                    .metadata(Map.of(START_OFFSET, Long.toString(b.startOffset()), WRITER_ID, writerId));
            objectHeaders(req::contentType, req::contentEncoding, req::serverSideEncryption, req::ssekmsKeyId, req::tagging);
            b.multipartStarted(call(what, () -> s3.createMultipartUpload(req.build())).uploadId(), writerId);
        }
        EncodedBytes part = b.nextPart();
        UploadPartRequest req = UploadPartRequest.builder().bucket(bucket).key(b.key()).uploadId(b.uploadId())
                .partNumber(b.partETags().size() + 1).contentLength(part.length()).build();
        b.partInFlight(partUploads.submit(() -> call(what, () -> s3.uploadPart(req, body(part)).eTag())));
    }

    /** Runs one S3 request: throttling, server errors and connection failures are retriable, other refusals not. */
    private <T> T call(String what, Supplier<T> request) {
        try {
            return request.get();
        } catch (S3Exception e) {
            throw classify(what, e);
        } catch (SdkClientException e) {
            throw unreachable(what, e);
        }
    }

    /**
     * Waits for the object's part in flight, if any, and records it. A failed part is thrown here; its bytes stay
     * with the object, and the next {@link #uploadPart} or {@link #write} sends them again.
     */
    void awaitPart(PartitionBuffer b) {
        Future<String> upload = b.takePartInFlight();
        if (upload == null) {
            return;
        }
        try {
            b.partUploaded(upload.get());
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException ? (RuntimeException) e.getCause() : new ConnectException(e.getCause());
        } catch (InterruptedException e) {
            upload.cancel(true);
            Thread.currentThread().interrupt();
            throw new RetriableException("interrupted while uploading a part of s3://" + bucket + "/" + b.key(), e);
        }
    }

    /** Gives up an unfinished multipart upload, so its parts stop costing storage; failures are only logged. */
    void abort(PartitionBuffer b) {
        Future<String> upload = b.takePartInFlight();
        if (upload != null) {
            upload.cancel(true);
        }
        if (!b.multipart()) {
            return;
        }
        try {
            s3.abortMultipartUpload(r -> r.bucket(bucket).key(b.key()).uploadId(b.uploadId()));
        } catch (SdkException e) {
            log.warn("Could not abort the multipart upload {} of s3://{}/{} (a bucket lifecycle rule for incomplete "
                    + "multipart uploads removes its parts): {}", b.uploadId(), bucket, b.key(), e.getMessage());
        }
    }

    /**
     * A multipart upload's metadata is fixed when it starts, before its end offset is known; the end offset goes
     * to a small marker object named after the upload's writer id, written before the upload completes, so it
     * exists whenever the object does. Its name starts with an underscore, which Hive, Spark and Athena skip.
     */
    private void putOffsetsMarker(PartitionBuffer b) {
        String markerKey = offsetsMarkerKey(b.key(), b.writerId());
        String body = START_OFFSET + "=" + b.startOffset() + "\n" + END_OFFSET + "=" + b.endOffset() + "\n"
                + RECORD_COUNT + "=" + b.count() + "\n";
        call("PUT s3://" + bucket + "/" + markerKey, () -> s3.putObject(PutObjectRequest.builder().bucket(bucket).key(markerKey)
                .contentType("text/plain").metadata(offsetsMetadata(b)).build(), RequestBody.fromString(body)));
    }

    static String offsetsMarkerKey(String key, String writerId) {
        int slash = key.lastIndexOf('/');
        return key.substring(0, slash + 1) + "_" + key.substring(slash + 1) + "." + writerId + ".offsets";
    }

    private static Map<String, String> offsetsMetadata(PartitionBuffer b) {
        return Map.of(START_OFFSET, Long.toString(b.startOffset()), END_OFFSET, Long.toString(b.endOffset()),
                RECORD_COUNT, Integer.toString(b.count()));
    }

    /** The bytes as a request body, read where they lie (the SDK's fromBytes would copy them). */
    private RequestBody body(EncodedBytes bytes) {
        return RequestBody.fromContentProvider(bytes::stream, bytes.length(), config.objectFormat.contentType());
    }

    private long putObject(PartitionBuffer b, EncodedBytes body) {
        PutObjectRequest.Builder req = PutObjectRequest.builder().bucket(bucket).key(b.key()).ifNoneMatch("*")
                .metadata(offsetsMetadata(b));
        objectHeaders(req::contentType, req::contentEncoding, req::serverSideEncryption, req::ssekmsKeyId, req::tagging);
        try {
            s3.putObject(req.build(), body(body));
            b.partUploaded(null);
            return -1;
        } catch (S3Exception e) {
            if (e.statusCode() == 412) {
                return existingEndOffset(b.key());
            }
            throw classify("PUT s3://" + bucket + "/" + b.key(), e);
        } catch (SdkClientException e) {
            throw unreachable("PUT s3://" + bucket + "/" + b.key(), e);
        }
    }

    /** Content type and encoding, server-side encryption and tags: the same for single PUTs and multipart uploads. */
    private void objectHeaders(Consumer<String> contentType, Consumer<String> contentEncoding,
                               Consumer<ServerSideEncryption> sse, Consumer<String> kmsKeyId, Consumer<String> tagging) {
        contentType.accept(config.objectFormat.contentType());
        if (config.objectFormat.contentEncoding() != null) {
            contentEncoding.accept(config.objectFormat.contentEncoding());
        }
        switch (config.sseAlgorithm) {
            case AES256:
                sse.accept(ServerSideEncryption.AES256);
                break;
            case AWS_KMS:
                sse.accept(ServerSideEncryption.AWS_KMS);
                if (!config.sseKmsKeyId.isEmpty()) {
                    kmsKeyId.accept(config.sseKmsKeyId);
                }
                break;
            default:
                break;
        }
        if (config.objectTags != null) {
            tagging.accept(config.objectTags);
        }
    }

    private long existingEndOffset(String key) {
        HeadObjectResponse head = call("HEAD s3://" + bucket + "/" + key, () -> s3.headObject(b -> b.bucket(bucket).key(key)));
        String end = head.metadata().get(END_OFFSET);
        String writerId = head.metadata().get(WRITER_ID);
        if (end == null && writerId != null) {
            String markerKey = offsetsMarkerKey(key, writerId);
            end = call("HEAD s3://" + bucket + "/" + markerKey, () -> s3.headObject(b -> b.bucket(bucket).key(markerKey)))
                    .metadata().get(END_OFFSET);
        }
        if (end == null) {
            throw new ConnectException("s3://" + bucket + "/" + key + " exists but was not written by this connector "
                    + "(no " + END_OFFSET + " metadata); refusing to guess which records it holds");
        }
        return Long.parseLong(end);
    }

    /**
     * Throttling, server errors and conflicts pass by retrying. So may AccessDenied: a bucket policy or IAM
     * permission that denies writes can be changed while the task waits, and the records stay in Kafka meanwhile;
     * each denial is logged and counted. Other refusals (bad credentials, a missing bucket, 501 for a feature the
     * store lacks) will not pass by waiting and fail the task.
     */
    private RuntimeException classify(String what, S3Exception e) {
        int status = e.statusCode();
        String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
        if (status == 403 && "AccessDenied".equals(code)) {
            metrics.requestDenied();
            log.error("{} was denied (403 AccessDenied): the bucket policy or the IAM permissions of the connector's "
                    + "credentials do not allow it. Records stay in Kafka and the write is retried until it is allowed.", what);
            return new RetriableException(what + " denied: " + e.getMessage(), e);
        }
        if (status == 409 || status == 429 || (status >= 500 && status != 501)) {
            metrics.requestRetried();
            return new RetriableException(what + " failed with HTTP " + status + ": " + e.getMessage(), e);
        }
        return new ConnectException(what + " failed with HTTP " + status + ": " + (code == null ? e.getMessage()
                : e.awsErrorDetails().errorMessage()), e);
    }

    private RetriableException unreachable(String what, SdkClientException e) {
        metrics.requestRetried();
        return new RetriableException(what + " failed: " + e.getMessage(), e);
    }

    @Override
    public void close() {
        objectWrites.shutdownNow();
        partUploads.shutdownNow();
        s3.close();
        credentials.close();
    }
}
