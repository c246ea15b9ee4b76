package io.agenttelemetry.connect.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import io.agenttelemetry.connect.stack.S3Server;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/** Reads what landed in the local S3 server, with the AWS SDK as any analyst would. */
final class S3Objects implements AutoCloseable {
    private final S3Client s3;

    S3Objects(S3Server server) {
        this.s3 = S3Client.builder()
                .endpointOverride(URI.create(server.endpoint()))
                .region(Region.of(S3Server.REGION))
                .forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(S3Server.ACCESS_KEY, S3Server.SECRET_KEY)))
                .build();
    }

    void createBucket(String bucket) {
        s3.createBucket(b -> b.bucket(bucket));
    }

    /** Keys of the data objects: names starting with an underscore (offsets markers) are skipped, as Hive, Spark and Athena do. */
    List<String> keys(String bucket, String prefix) {
        List<String> keys = new ArrayList<>();
        for (String key : allKeys(bucket, prefix)) {
            if (!key.substring(key.lastIndexOf('/') + 1).startsWith("_")) {
                keys.add(key);
            }
        }
        return keys;
    }

    List<String> allKeys(String bucket, String prefix) {
        List<String> keys = new ArrayList<>();
        for (S3Object o : s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix)).contents()) {
            keys.add(o.key());
        }
        return keys;
    }

    /** Uploads still open (started, neither completed nor aborted). */
    int openMultipartUploads(String bucket) {
        return s3.listMultipartUploads(b -> b.bucket(bucket)).uploads().size();
    }

    String eTag(String bucket, String key) {
        return s3.headObject(b -> b.bucket(bucket).key(key)).eTag();
    }

    /** Every line of every object under the prefix (gzip objects decompressed). */
    List<String> lines(String bucket, String prefix) {
        List<String> lines = new ArrayList<>();
        forEachLine(bucket, prefix, lines::add);
        return lines;
    }

    /** Streams every line of every object under the prefix, holding one object's reader at a time. */
    long forEachLine(String bucket, String prefix, Consumer<String> each) {
        long count = 0;
        for (String key : keys(bucket, prefix)) {
            try (InputStream raw = s3.getObject(b -> b.bucket(bucket).key(key));
                 InputStream in = key.endsWith(".gz") ? new GZIPInputStream(raw) : raw;
                 BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    each.accept(line);
                    count++;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return count;
    }

    long countLines(String bucket, String prefix) {
        return forEachLine(bucket, prefix, line -> { });
    }

    /** The records of every Avro object under the prefix, read with Avro's DataFileReader. */
    List<org.apache.avro.generic.GenericRecord> avroRecords(String bucket, String prefix) {
        List<org.apache.avro.generic.GenericRecord> out = new ArrayList<>();
        for (String key : keys(bucket, prefix)) {
            byte[] body = s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray();
            try (org.apache.avro.file.DataFileReader<org.apache.avro.generic.GenericRecord> r = new org.apache.avro.file.DataFileReader<>(
                    new org.apache.avro.file.SeekableByteArrayInput(body), new org.apache.avro.generic.GenericDatumReader<>())) {
                r.forEach(out::add);
            } catch (IOException e) {
                throw new UncheckedIOException(key, e);
            }
        }
        return out;
    }

    /** An object's user metadata (start-offset, end-offset, record-count) and tag set. */
    Map<String, String> metadata(String bucket, String key) {
        return s3.headObject(b -> b.bucket(bucket).key(key)).metadata();
    }

    @Override
    public void close() {
        s3.close();
    }
}
