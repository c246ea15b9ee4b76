package io.agenttelemetry.connect.benchmarks;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

import io.agenttelemetry.connect.stack.Http;
import io.agenttelemetry.connect.stack.LocalStack;
import io.agenttelemetry.connect.stack.ManagedProcess;
import io.agenttelemetry.connect.stack.StackLayout;
import io.agenttelemetry.connect.stack.Wait;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Bounded memory in the S3 sink: a backlog of 10 million records over 8 partitions archived by a worker with a
 * 256 MB heap, with buffer.max.bytes at 64 MB. Passes when the objects' record counts add up to every record, the
 * worker is alive and its log has no OutOfMemoryError; prints the peak resident memory.
 * Usage: {@code java -cp "benchmarks/target/classes:$(cat benchmarks/target/benchmarks.classpath)"
 * io.agenttelemetry.connect.benchmarks.S3BacklogMemoryCheck [records] [heap]} (default 10000000, 256m).
 */
public final class S3BacklogMemoryCheck {
    private static final String TOPIC = "backlog";
    private static final String BUCKET = "backlog";

    private S3BacklogMemoryCheck() {
    }

    public static void main(String[] args) throws Exception {
        long records = args.length > 0 ? Long.parseLong(args[0]) : 10_000_000L;
        String heap = args.length > 1 ? args[1] : "256m";
        Path root = Paths.get("").toAbsolutePath();
        try (LocalStack stack = LocalStack.builder(StackLayout.fromSystemProperties(root), root.resolve("target/benchmarks/s3-backlog/stack"))
                .openSearch(false).connectHeap(heap).start()) {
            produce(stack, records);
            stack.s3().createBucket(BUCKET);
            Map<String, String> c = StackClients.s3SinkConfig(stack, TOPIC, BUCKET);
            c.put("compression", "gzip");
            c.put("flush.size", "5000000");
            c.put("flush.bytes", Long.toString(32L * 1024 * 1024));
            c.put("buffer.max.bytes", Long.toString(64L * 1024 * 1024));
            c.put("rotate.schedule.interval.ms", "10000");
            c.put("value.converter", "org.apache.kafka.connect.converters.ByteArrayConverter");
            long t0 = System.nanoTime();
            Http.send("PUT", stack.connect().restUrl() + "/connectors/backlog/config", Http.mapper().writeValueAsString(c)).ok();
            ManagedProcess worker = stack.connect().process();
            try (S3Client s3 = StackClients.s3(stack)) {
                // With the worker given, the wait fails at once, with its log, if the worker dies.
                StackClients.ArchivedRecords archived = new StackClients.ArchivedRecords(s3, BUCKET, "");
                Wait.until("every record archived", Duration.ofMinutes(40), () -> archived.count() >= records, worker);
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            WorkerMemory memory = WorkerMemory.of(worker);
            System.out.printf(Locale.ROOT, "backlog check: %d records archived in %.1f s (%.0f records/s), worker heap %s, %s%n",
                    records, seconds, records / seconds, heap, memory);
            System.out.println(memory.ok() ? "backlog check: OK" : "backlog check: FAILED");
        }
    }

    /** Records of about 150 bytes: small ones make the most per-record overhead, the hardest case for a heap bound. */
    private static void produce(LocalStack stack, long records) throws Exception {
        StackClients.createTopic(stack, TOPIC, 8);
        long t0 = System.nanoTime();
        try (KafkaProducer<String, String> producer = StackClients.producer(stack)) {
            for (long i = 0; i < records; i++) {
                producer.send(new ProducerRecord<>(TOPIC, String.format(Locale.ROOT,
                        "{\"traceId\":\"%032x\",\"name\":\"execute_tool search_web\",\"durationNanos\":%d,\"statusCode\":\"OK\"}", i, 1_000_000L + i % 997)));
            }
        }
        System.out.printf(Locale.ROOT, "produced %d records in %.1f s%n", records, (System.nanoTime() - t0) / 1e9);
    }
}
