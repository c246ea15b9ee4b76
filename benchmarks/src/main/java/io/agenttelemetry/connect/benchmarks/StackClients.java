package io.agenttelemetry.connect.benchmarks;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.common.GroupState;
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
     * Creates a sink connector and waits until its consumers hold all of the topic's partitions.
     *
     * @return System.currentTimeMillis() at that moment: where a throughput measurement starts, after the
     * connector's start-up (task creation, group join), which is a fixed cost and not throughput
     */
    static long startSink(LocalStack stack, String name, Map<String, String> config, int partitions) throws Exception {
        long created = System.currentTimeMillis();
        Http.send("PUT", stack.connect().restUrl() + "/connectors/" + name + "/config", Http.mapper().writeValueAsString(config)).ok();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.kafka().bootstrapServers()))) {
            // Asked every 20 ms, not at Wait's 200 ms: the sink starts working the moment it holds its partitions,
            // and what it does before the measurement starts would not be timed.
            Wait.until(name + " holds its partitions", Duration.ofMinutes(2), Duration.ofMillis(20),
                    () -> assigned(admin, "connect-" + name) >= partitions);
        }
        long started = System.currentTimeMillis();
        System.out.printf(Locale.ROOT, "%s: start-up (connector creation to partitions assigned) %.1f s, not timed%n",
                name, (started - created) / 1e3);
        return started;
    }

    private static int assigned(Admin admin, String group) {
        try {
            ConsumerGroupDescription d = admin.describeConsumerGroups(List.of(group)).all().get().get(group);
            return d.groupState() != GroupState.STABLE ? 0
                    : d.members().stream().mapToInt(m -> m.assignment().topicPartitions().size()).sum();
        } catch (Exception e) {
            return 0;
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

    /** Records the sink has archived under the prefix, from its objects' record-count metadata. */
    /** Sums record-count metadata: single-PUT objects carry it, multipart objects' offsets markers do. */
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
