package io.agenttelemetry.connect.demo;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.zip.GZIPInputStream;

import io.agenttelemetry.connect.stack.LocalStack;
import io.agenttelemetry.connect.stack.S3Server;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/** Reads the demo's archive bucket back: every object's text, gzip undone. */
final class S3Archive {
    private S3Archive() {
    }

    /** Calls back with each object's key and text, for the objects under prefix ("" for all). */
    static void forEachObject(LocalStack stack, String bucket, String prefix, BiConsumer<String, String> action) {
        try (S3Client s3 = S3Client.builder().endpointOverride(URI.create(stack.s3().endpoint())).region(Region.of(S3Server.REGION))
                .forcePathStyle(true).credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(S3Server.ACCESS_KEY, S3Server.SECRET_KEY))).build()) {
            for (S3Object o : s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix)).contents()) {
                byte[] body = s3.getObjectAsBytes(b -> b.bucket(bucket).key(o.key())).asByteArray();
                action.accept(o.key(), text(o.key(), body));
            }
        }
    }

    /** Lines per top-level prefix (e.g. raw/); objects per directory go into objectsByDirectory. */
    static Map<String, Long> linesByPrefix(LocalStack stack, String bucket, Map<String, Long> objectsByDirectory) {
        Map<String, Long> lines = new TreeMap<>();
        objectsByDirectory.clear();
        forEachObject(stack, bucket, "", (key, text) -> {
            objectsByDirectory.merge(key.substring(0, key.lastIndexOf('/') + 1), 1L, Long::sum);
            lines.merge(key.substring(0, key.indexOf('/') + 1), text.lines().count(), Long::sum);
        });
        return lines;
    }

    private static String text(String key, byte[] body) {
        try (InputStream in = key.endsWith(".gz") ? new GZIPInputStream(new ByteArrayInputStream(body)) : new ByteArrayInputStream(body)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read s3 object " + key, e);
        }
    }
}
