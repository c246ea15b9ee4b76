package io.agenttelemetry.connect.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;

import io.agenttelemetry.connect.stack.Http;
import io.agenttelemetry.connect.stack.LocalStack;
import io.agenttelemetry.connect.stack.S3Server;
import io.agenttelemetry.connect.stack.Wait;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Object;

/** The clients and configs the end-to-end benchmarks share: Kafka, the local S3 server and our S3 sink. */
final class StackClients {
    private static final DateTimeFormatter LOG_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss,SSS", Locale.ROOT);

    private StackClients() {
    }

    static void createTopic(LocalStack stack, String topic, int partitions) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.kafka().bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
        }
    }

    /** A producer for loading inputs fast: lz4, large batches, a short linger. */
    static KafkaProducer<String, String> producer(LocalStack stack) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafka().bootstrapServers());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, "1048576");
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        return new KafkaProducer<>(p);
    }

    /**
     * Creates a sink connector and returns when its consumers first held partitions, read from the worker's log.
     * <p>
     * Asking the group's state instead (earlier) can start the clock late: when Connect rebalances the new tasks a
     * second time, the first assignment may come and go between two polls while the tasks already consume.
     *
     * @return epoch milliseconds at which the connector's consumers were first assigned partitions: where a
     * throughput measurement starts, after the connector's start-up (task creation, group join), which is a fixed
     * cost and not throughput
     */
    static long startSink(LocalStack stack, String name, Map<String, String> config) throws Exception {
        long created = System.currentTimeMillis();
        Http.send("PUT", stack.connect().restUrl() + "/connectors/" + name + "/config", Http.mapper().writeValueAsString(config)).ok();
        Path log = stack.connect().process().log();
        String marker = "groupId=connect-" + name + "] Adding newly assigned partitions";
        long[] assigned = {0};
        Wait.until(name + " holds partitions", Duration.ofMinutes(2), Duration.ofMillis(50), () -> {
            assigned[0] = loggedAt(log, marker);
            return assigned[0] > 0;
        });
        System.out.printf(Locale.ROOT, "%s: start-up (connector creation to partitions assigned) %.1f s, not timed%n",
                name, (assigned[0] - created) / 1e3);
        return assigned[0];
    }

    /** Epoch milliseconds of the worker log's first line containing the marker, 0 if none yet. */
    static long loggedAt(Path log, String marker) {
        try (Stream<String> lines = Files.lines(log, StandardCharsets.UTF_8)) {
            // Lines start with "[yyyy-MM-dd HH:mm:ss,SSS]" in the machine's zone (the worker's log4j2 pattern %d).
            return lines.filter(l -> l.contains(marker)).findFirst()
                    .map(l -> LocalDateTime.parse(l.substring(1, 24), LOG_TIME).atZone(ZoneId.systemDefault()).toInstant().toEpochMilli())
                    .orElse(0L);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Records in the topic (sum of end offsets); 0 while it does not exist. */
    static long endOffsets(Admin admin, String topic) {
        try {
            if (!admin.listTopics().names().get().contains(topic)) {
                return 0;
            }
            Map<TopicPartition, OffsetSpec> specs = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions()
                    .stream().collect(Collectors.toMap(p -> new TopicPartition(topic, p.partition()), p -> OffsetSpec.latest()));
            return admin.listOffsets(specs).all().get().values().stream().mapToLong(o -> o.offset()).sum();
        } catch (Exception e) {
            return 0;
        }
    }

    static S3Client s3(LocalStack stack) {
        return S3Client.builder().endpointOverride(URI.create(stack.s3().endpoint())).region(Region.of(S3Server.REGION))
                .forcePathStyle(true).credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(S3Server.ACCESS_KEY, S3Server.SECRET_KEY))).build();
    }

    /**
     * Counts the records archived under a prefix from the record-count metadata of the objects (single PUTs) and of
     * the offsets markers (multipart uploads); each object is asked once, so frequent polls stay cheap.
     */
    static final class ArchivedRecords {
        private final S3Client s3;
        private final String bucket;
        private final String prefix;
        private final Map<String, Long> counted = new HashMap<>();

        ArchivedRecords(S3Client s3, String bucket, String prefix) {
            this.s3 = s3;
            this.bucket = bucket;
            this.prefix = prefix;
        }

        long count() {
            for (S3Object o : s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix)).contents()) {
                if (!counted.containsKey(o.key())) {
                    try {
                        counted.put(o.key(), Long.parseLong(s3.headObject(b -> b.bucket(bucket).key(o.key()))
                                .metadata().getOrDefault("record-count", "0")));
                    } catch (NoSuchKeyException e) {
                        // listed while S3Proxy moved it (a multipart upload completing): asked again next time
                    }
                }
            }
            return counted.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** Our S3 sink on the local S3 server; callers add format, rotation and memory settings. */
    static Map<String, String> s3SinkConfig(LocalStack stack, String topic, String bucket) {
        Map<String, String> c = new HashMap<>();
        c.put("connector.class", "io.agenttelemetry.connect.s3.S3ArchiveSinkConnector");
        c.put("tasks.max", "1");
        c.put("topics", topic);
        c.put("s3.bucket.name", bucket);
        c.put("s3.endpoint", stack.s3().endpoint());
        c.put("s3.path.style.access.enabled", "true");
        c.put("aws.access.key.id", S3Server.ACCESS_KEY);
        c.put("aws.secret.access.key", S3Server.SECRET_KEY);
        return c;
    }
}
