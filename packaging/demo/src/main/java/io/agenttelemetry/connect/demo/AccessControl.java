package io.agenttelemetry.connect.demo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.serialization.StringDeserializer;

import io.agenttelemetry.connect.stack.KafkaBroker;
import io.agenttelemetry.connect.stack.LocalStack;

/**
 * The demo broker's governance: the {@code sre} user may read the masked topics ({@value #MASKED_PREFIX}*) and
 * nothing else; the raw topic, the security topic and the error topics stay with the pipeline (the connect user).
 */
final class AccessControl {
    static final String MASKED_PREFIX = "agent-events.masked.";
    static final String SRE_GROUP_PREFIX = "sre-";

    private AccessControl() {
    }

    static void grantSre(LocalStack stack) throws Exception {
        String sre = "User:" + KafkaBroker.SRE;
        ResourcePattern masked = new ResourcePattern(ResourceType.TOPIC, MASKED_PREFIX, PatternType.PREFIXED);
        ResourcePattern groups = new ResourcePattern(ResourceType.GROUP, SRE_GROUP_PREFIX, PatternType.PREFIXED);
        try (Admin admin = Admin.create(new HashMap<>(stack.kafka().clientProperties()))) {
            admin.createAcls(List.of(
                    new AclBinding(masked, new AccessControlEntry(sre, "*", AclOperation.READ, AclPermissionType.ALLOW)),
                    new AclBinding(masked, new AccessControlEntry(sre, "*", AclOperation.DESCRIBE, AclPermissionType.ALLOW)),
                    new AclBinding(groups, new AccessControlEntry(sre, "*", AclOperation.READ, AclPermissionType.ALLOW)))).all().get();
        }
    }

    /** Every record value of the topics, read as the given user; throws TopicAuthorizationException if denied. */
    static void readAll(LocalStack stack, String user, List<String> topics, Consumer<String> action) {
        Properties p = new Properties();
        p.putAll(stack.kafka().clientProperties(user));
        p.put("key.deserializer", StringDeserializer.class.getName());
        p.put("value.deserializer", StringDeserializer.class.getName());
        p.put("enable.auto.commit", "false");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                consumer.partitionsFor(topic, Duration.ofSeconds(10)).forEach(i -> partitions.add(new TopicPartition(topic, i.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp)) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    action.accept(r.value());
                }
            }
        }
    }

    /** True if reading the topic as the user is refused by the broker's ACLs. */
    static boolean denied(LocalStack stack, String user, String topic) {
        try {
            readAll(stack, user, List.of(topic), v -> { });
            return false;
        } catch (TopicAuthorizationException e) {
            return true;
        }
    }

    static List<String> maskedTopics(Map<String, Long> topicCounts) {
        return topicCounts.keySet().stream().filter(t -> t.startsWith(MASKED_PREFIX)).collect(Collectors.toList());
    }
}
