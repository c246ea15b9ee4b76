package io.agenttelemetry.connect.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTaskContext;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpExchange;

/**
 * Replays against objects written before a restart, with other object boundaries, against a fake S3 endpoint that
 * keeps each object's metadata and honours {@code If-None-Match: *}: every record stays in exactly one object. And a
 * partition's objects are written one after the other, in order, without holding up the other partitions.
 */
class S3ArchiveSinkTaskTest {
    private static final TopicPartition TP = new TopicPartition("t", 0);

    @AutoClose
    private final FakeS3Endpoint s3 = new FakeS3Endpoint(this::answer);
    /** Object key to its user metadata. */
    private final Map<String, Map<String, String>> objects = new ConcurrentHashMap<>();

    /** Keys of the objects whose writes wait until the test lets them go. */
    private final Set<String> heldBack = ConcurrentHashMap.newKeySet();
    private final CountDownLatch letGo = new CountDownLatch(1);
    /** Keys in the order their PUTs arrived. */
    private final List<String> putOrder = new CopyOnWriteArrayList<>();

    private void answer(HttpExchange exchange) throws IOException {
        exchange.getRequestBody().readAllBytes();
        String key = exchange.getRequestURI().getPath().substring("/archive/".length());
        if (exchange.getRequestMethod().equals("PUT")) {
            putOrder.add(key);
        }
        if (heldBack.contains(key)) {
            try {
                letGo.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Map<String, String> existing = objects.get(key);
        if (exchange.getRequestMethod().equals("PUT")) {
            if (existing != null && "*".equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                byte[] body = "<Error><Code>PreconditionFailed</Code><Message>exists</Message></Error>".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(412, body.length);
                exchange.getResponseBody().write(body);
            } else {
                Map<String, String> meta = new HashMap<>();
                exchange.getRequestHeaders().forEach((name, values) -> {
                    if (name.toLowerCase().startsWith("x-amz-meta-")) {
                        meta.put(name.toLowerCase().substring("x-amz-meta-".length()), values.get(0));
                    }
                });
                objects.put(key, meta);
                exchange.getResponseHeaders().add("ETag", "\"e\"");
                exchange.sendResponseHeaders(200, -1);
            }
        } else if (existing != null) { // HEAD
            existing.forEach((name, value) -> exchange.getResponseHeaders().add("x-amz-meta-" + name, value));
            exchange.sendResponseHeaders(200, -1);
        } else {
            exchange.sendResponseHeaders(404, -1);
        }
        exchange.close();
    }

    @Test
    void aReplayWithSmallerObjectsSkipsWhatIsArchivedWithoutRewinding() {
        run(10, 0, 25);
        assertEquals(Set.of(0L, 10L), starts(), "records 20-24 were still open when the first task stopped");

        FakeContext context = new FakeContext();
        assertEquals(24, run(4, 0, 25, context));
        // +0 and +10 exist and reach past what each replayed object held: records up to their ends are skipped.
        assertEquals(Map.of(0L, 9L, 10L, 19L, 20L, 23L), ranges());
        assertTrue(context.offsets.isEmpty(), "nothing read twice: " + context.offsets);
    }

    @Test
    void aRestartWhileSkippingArchivedRecordsStartsAgainAtTheObjectBeforeThem() {
        run(10, 0, 25);
        // The replay's +0 (0-3) finds +0 holding 0-9; the task stops after taking record 8.
        S3ArchiveSinkTask task = task(4, new FakeContext());
        task.put(records(0, 9));
        Map<TopicPartition, OffsetAndMetadata> committed = task.preCommit(Map.of(TP, new OffsetAndMetadata(9)));
        task.stop();
        assertEquals(Map.of(), committed, "no offset inside the archived object +0 (0-9)");

        assertEquals(24, run(4, 0, 25, new FakeContext()));
        assertEquals(Map.of(0L, 9L, 10L, 19L, 20L, 23L), ranges(), "each record in one object");
    }

    @Test
    void aReplayWithTheSameObjectsGoesOnAfterEach() {
        run(5, 0, 20);
        FakeContext context = new FakeContext();
        assertEquals(20, run(5, 0, 20, context));
        assertEquals(Map.of(0L, 4L, 5L, 9L, 10L, 14L, 15L, 19L), ranges());
        assertTrue(context.offsets.isEmpty());
    }

    @Test
    void anExistingObjectShorterThanWhatWasTakenRewindsToJustAfterIt() {
        run(10, 0, 12);
        assertEquals(Map.of(0L, 9L), ranges());

        FakeContext context = new FakeContext();
        S3ArchiveSinkTask task = task(15, context);
        task.put(records(0, 25));
        // +0 holds 0-9, the replayed object 0-14: 10-24 are read again, from 10.
        assertEquals(Map.of(TP, new OffsetAndMetadata(10)), task.preCommit(Map.of(TP, new OffsetAndMetadata(25))));
        assertEquals(Map.of(TP, 10L), context.offsets);
        task.put(records(10, 25));
        assertEquals(Map.of(TP, new OffsetAndMetadata(25)), task.preCommit(Map.of(TP, new OffsetAndMetadata(25))));
        task.stop();
        assertEquals(Map.of(0L, 9L, 10L, 24L), ranges());
    }

    @Test
    void aPartitionWaitingForItsWriteHoldsUpNoOther() throws Exception {
        TopicPartition other = new TopicPartition("t", 1);
        S3ArchiveSinkTask task = task(5, new FakeContext());
        task.put(records(TP, 0, 5));
        assertEquals(Map.of(TP, new OffsetAndMetadata(5)), task.preCommit(Map.of(TP, new OffsetAndMetadata(5))));
        heldBack.add("t/t+0+00000000000000000005.jsonl");

        // +5 hangs; +10 and +15 queue behind it, and partition 1 is written meanwhile.
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            task.put(records(TP, 5, 20));
            task.put(records(other, 0, 10));
        });
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!objects.containsKey("t/t+1+00000000000000000005.jsonl") && System.nanoTime() < deadline) {
            Thread.sleep(10); // its write goes on in the background
        }
        assertTrue(objects.containsKey("t/t+1+00000000000000000005.jsonl"), "partition 1 written: " + objects.keySet());
        assertFalse(putOrder.contains("t/t+0+00000000000000000010.jsonl"), "+10 waits for +5: " + putOrder);

        letGo.countDown();
        // Each commit takes the writes running then; the queued ones follow, one after the other.
        Map<TopicPartition, OffsetAndMetadata> all = Map.of(TP, new OffsetAndMetadata(20), other, new OffsetAndMetadata(10));
        Map<TopicPartition, OffsetAndMetadata> committed = task.preCommit(all);
        for (int commits = 1; !committed.equals(all) && commits < 10; commits++) {
            committed = task.preCommit(all);
        }
        assertEquals(all, committed);
        task.stop();
        List<String> partition0 = putOrder.stream().filter(k -> k.startsWith("t/t+0+")).collect(Collectors.toList());
        assertEquals(List.of("t/t+0+00000000000000000000.jsonl", "t/t+0+00000000000000000005.jsonl",
                "t/t+0+00000000000000000010.jsonl", "t/t+0+00000000000000000015.jsonl"), partition0);
    }

    private long run(int flushSize, int from, int to) {
        return run(flushSize, from, to, new FakeContext());
    }

    /** A task puts the records and commits; returns the offset it commits (the next to read), then stops. */
    private long run(int flushSize, int from, int to, FakeContext context) {
        S3ArchiveSinkTask task = task(flushSize, context);
        task.put(records(from, to));
        Map<TopicPartition, OffsetAndMetadata> committed = task.preCommit(Map.of(TP, new OffsetAndMetadata(to)));
        task.stop();
        return committed.get(TP).offset();
    }

    private S3ArchiveSinkTask task(int flushSize, FakeContext context) {
        S3ArchiveSinkTask task = new S3ArchiveSinkTask();
        task.initialize(context);
        task.start(s3.settings("path.template", "{topic}/", "compression", "none", "flush.size", Integer.toString(flushSize),
                "name", "s3-test"));
        return task;
    }

    private static List<SinkRecord> records(int from, int to) {
        return records(TP, from, to);
    }

    private static List<SinkRecord> records(TopicPartition tp, int from, int to) {
        List<SinkRecord> out = new ArrayList<>();
        for (int i = from; i < to; i++) {
            out.add(new SinkRecord(tp.topic(), tp.partition(), null, null, null, Map.of("n", i), i, 1_764_151_200_000L, null));
        }
        return out;
    }

    /** Start offset to end offset of every object. */
    private Map<Long, Long> ranges() {
        Map<Long, Long> out = new TreeMap<>();
        objects.forEach((key, meta) -> out.put(Long.parseLong(meta.get("start-offset")), Long.parseLong(meta.get("end-offset"))));
        return out;
    }

    private Set<Long> starts() {
        return ranges().keySet();
    }

    private static final class FakeContext implements SinkTaskContext {
        final Map<TopicPartition, Long> offsets = new HashMap<>();

        @Override
        public Map<String, String> configs() {
            return Map.of();
        }

        @Override
        public void offset(Map<TopicPartition, Long> offsets) {
            this.offsets.putAll(offsets);
        }

        @Override
        public void offset(TopicPartition tp, long offset) {
            offsets.put(tp, offset);
        }

        @Override
        public void timeout(long timeoutMs) {
        }

        @Override
        public Set<TopicPartition> assignment() {
            return Set.of(TP);
        }

        @Override
        public void pause(TopicPartition... partitions) {
        }

        @Override
        public void resume(TopicPartition... partitions) {
        }

        @Override
        public void requestCommit() {
        }
    }
}
