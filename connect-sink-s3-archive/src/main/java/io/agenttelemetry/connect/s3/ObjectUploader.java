package io.agenttelemetry.connect.s3;

import java.io.Closeable;
import java.net.URI;
import java.util.Map;

import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.RetriableException;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/**
 * Writes finished objects with {@code If-None-Match: *}, so an object is never overwritten. If one already
 * exists under the key (written before a crash, its offsets not yet committed), its end offset is read from its
 * metadata and returned, and the caller continues after it.
 */
final class ObjectUploader implements Closeable {
    static final String START_OFFSET = "start-offset";
    static final String END_OFFSET = "end-offset";
    static final String RECORD_COUNT = "record-count";

    private final S3Client s3;
    private final String bucket;
    private final S3ArchiveSinkConfig config;

    ObjectUploader(S3ArchiveSinkConfig config) {
        this.bucket = config.bucket;
        this.config = config;
        S3ClientBuilder b = S3Client.builder()
                .region(Region.of(config.region))
                .forcePathStyle(config.pathStyle)
                .credentialsProvider(credentials(config))
                .httpClientBuilder(ApacheHttpClient.builder());
        if (!config.endpoint.isEmpty()) {
            b.endpointOverride(URI.create(config.endpoint));
        }
        this.s3 = b.build();
    }

    private static AwsCredentialsProvider credentials(S3ArchiveSinkConfig config) {
        if (config.accessKeyId.isEmpty()) {
            return DefaultCredentialsProvider.builder().build();
        }
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(config.accessKeyId, config.secretAccessKey.value()));
    }

    /**
     * @return -1 if the object was written now, else the end offset of the object already under that key
     * @throws RetriableException on throttling, server errors and connection failures (after the SDK's own retries)
     */
    long put(String key, byte[] body, long startOffset, long endOffset, int count) {
        PutObjectRequest.Builder req = PutObjectRequest.builder()
                .bucket(bucket)
                .key(key)
                .ifNoneMatch("*")
                .contentType(config.objectFormat.contentType())
                .metadata(Map.of(START_OFFSET, Long.toString(startOffset), END_OFFSET, Long.toString(endOffset),
                        RECORD_COUNT, Integer.toString(count)));
        if (config.objectFormat.contentEncoding() != null) {
            req.contentEncoding(config.objectFormat.contentEncoding());
        }
        switch (config.sseAlgorithm) {
            case AES256:
                req.serverSideEncryption(ServerSideEncryption.AES256);
                break;
            case AWS_KMS:
                req.serverSideEncryption(ServerSideEncryption.AWS_KMS);
                if (!config.sseKmsKeyId.isEmpty()) {
                    req.ssekmsKeyId(config.sseKmsKeyId);
                }
                break;
            default:
                break;
        }
        if (config.objectTags != null) {
            req.tagging(config.objectTags);
        }
        try {
            s3.putObject(req.build(), RequestBody.fromBytes(body));
            return -1;
        } catch (S3Exception e) {
            if (e.statusCode() == 412) {
                return existingEndOffset(key);
            }
            throw classify("PUT s3://" + bucket + "/" + key, e);
        } catch (SdkClientException e) {
            throw new RetriableException("PUT s3://" + bucket + "/" + key + " failed: " + e.getMessage(), e);
        }
    }

    private long existingEndOffset(String key) {
        try {
            HeadObjectResponse head = s3.headObject(b -> b.bucket(bucket).key(key));
            String end = head.metadata().get(END_OFFSET);
            if (end == null) {
                throw new ConnectException("s3://" + bucket + "/" + key + " exists but was not written by this connector "
                        + "(no " + END_OFFSET + " metadata); refusing to guess which records it holds");
            }
            return Long.parseLong(end);
        } catch (S3Exception e) {
            throw classify("HEAD s3://" + bucket + "/" + key, e);
        } catch (SdkClientException e) {
            throw new RetriableException("HEAD s3://" + bucket + "/" + key + " failed: " + e.getMessage(), e);
        }
    }

    private static RuntimeException classify(String what, S3Exception e) {
        int status = e.statusCode();
        // 501 Not Implemented (e.g. a store without object tagging) will not pass by retrying.
        if (status == 429 || (status >= 500 && status != 501)) {
            return new RetriableException(what + " failed with HTTP " + status + ": " + e.getMessage(), e);
        }
        return new ConnectException(what + " failed with HTTP " + status + ": " + e.awsErrorDetails().errorMessage(), e);
    }

    @Override
    public void close() {
        s3.close();
    }
}
