package io.agenttelemetry.connect.it;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Predicate;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import io.agenttelemetry.connect.stack.Wait;

/** Reads and writes topics of the local broker as plain strings (the worker writes JSON). */
final class KafkaTopics {
    private final String bootstrap;

    KafkaTopics(String bootstrap) {
        this.bootstrap = bootstrap;
    }

    /**
     * Creates the topic and returns once every partition's leader answers for it: a leader in the metadata is not
     * enough, a first send can still reach a broker that has not set the partition up (and an idempotent producer
     * then retries out of sequence until its delivery timeout).
     */
    void create(String topic, int partitions) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
            Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
            for (int i = 0; i < partitions; i++) {
                ends.put(new TopicPartition(topic, i), OffsetSpec.latest());
            }
            Wait.until("the leaders of " + topic + " answer for it", Duration.ofSeconds(30), () -> {
                try {
                    admin.listOffsets(ends).all().get();
                    return true;
                } catch (ExecutionException e) {
                    return false;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            });
        }
    }

    void produce(String topic, List<String> values) throws Exception {
        produce(topic, values, null);
    }

    /**
     * With record timestamps (epoch ms) per value, as a source sets them from event time; null: the producer's clock.
     * Sends only once every partition of the topic has a leader, and fails if any record was not written: a send
     * into a partition still being created once ended in OutOfOrderSequenceException retries until the delivery
     * timeout, and the test then waited for records that were never in the topic.
     */
    void produce(String topic, List<String> values, List<Long> timestamps) throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            Wait.until("a leader for every partition of " + topic, Duration.ofSeconds(30),
                    () -> producer.partitionsFor(topic).stream().allMatch(i -> i.leader() != null && !i.leader().isEmpty()));
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            for (int i = 0; i < values.size(); i++) {
                sent.add(producer.send(new ProducerRecord<>(topic, null, timestamps == null ? null : timestamps.get(i), null, values.get(i))));
            }
            producer.flush();
            for (Future<RecordMetadata> f : sent) {
                f.get();
            }
        }
    }

    /**
     * Records of the topic the consumer group has not committed yet: per partition, the offset after its last
     * committed record minus the group's committed offset. Measured from the last record, not the partition's end:
     * a transactional topic ends in a commit marker, past which a sink never commits.
     */
    long lag(String group, String topic) {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap));
             KafkaConsumer<String, String> consumer = new KafkaConsumer<>(readCommitted())) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
            long lag = 0;
            for (Map.Entry<TopicPartition, Long> end : afterLastRecord(consumer, topic).entrySet()) {
                OffsetAndMetadata c = committed.get(end.getKey());
                lag += Math.max(0, end.getValue() - (c == null ? 0 : c.offset()));
            }
            return lag;
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot read the lag of " + group + " on " + topic, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Per partition, the offset after its last committed record, read from the partition's tail. */
    private static Map<TopicPartition, Long> afterLastRecord(KafkaConsumer<String, String> consumer, String topic) {
        List<TopicPartition> partitions = new ArrayList<>();
        consumer.partitionsFor(topic, Duration.ofSeconds(10)).forEach(i -> partitions.add(new TopicPartition(topic, i.partition())));
        consumer.assign(partitions);
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions); // read_committed: the last stable offset
        Map<TopicPartition, Long> after = new HashMap<>();
        // Markers and aborted batches sit between records; the last few hundred offsets hold the last record.
        ends.forEach((tp, end) -> consumer.seek(tp, Math.max(0, end - 500)));
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (partitions.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp)) && System.nanoTime() < deadline) {
            consumer.poll(Duration.ofMillis(200)).forEach(r -> after.merge(new TopicPartition(r.topic(), r.partition()), r.offset() + 1, Math::max));
        }
        partitions.forEach(tp -> after.putIfAbsent(tp, ends.get(tp))); // none found: count it all as lag, never as caught up
        return after;
    }

    private Properties readCommitted() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        return p;
    }

    /**
     * Reads the topic from the start until {@code done} holds for what was read, or the timeout passes (then
     * returns what it has). read_committed, so aborted transactions of exactly-once sources are not counted.
     */
    List<ConsumerRecord<String, String>> readUntil(String topic, Predicate<List<ConsumerRecord<String, String>>> done, Duration timeout) {
        List<ConsumerRecord<String, String>> out = new ArrayList<>();
        consumeUntil(topic, out::add, () -> done.test(out), timeout);
        return out;
    }

    /**
     * Reads the topic from its beginning (read_committed), handing each record on without keeping it, until done
     * holds or the timeout passes; returns how many records were read.
     */
    long consumeUntil(String topic, Consumer<ConsumerRecord<String, String>> each, BooleanSupplier done, Duration timeout) {
        long count = 0;
        long deadline = System.nanoTime() + timeout.toNanos();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(readCommitted())) {
            // Assigned, not subscribed: no group join, so each read starts at once.
            List<TopicPartition> partitions = new ArrayList<>();
            while (partitions.isEmpty() && System.nanoTime() < deadline) {
                consumer.partitionsFor(topic, Duration.ofSeconds(5)).forEach(i -> partitions.add(new TopicPartition(topic, i.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (!done.getAsBoolean() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    each.accept(r);
                    count++;
                }
            }
        }
        return count;
    }
}
