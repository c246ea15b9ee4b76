package io.agenttelemetry.connect.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;

import io.agenttelemetry.connect.stack.Http;
import io.agenttelemetry.connect.stack.LocalStack;
import io.agenttelemetry.connect.stack.ManagedProcess;
import io.agenttelemetry.connect.stack.StackLayout;
import io.agenttelemetry.connect.stack.Wait;

/**
 * Bounded memory, end to end: a 1 GB JSON-lines file (1 KiB agent events) tailed by a worker with a 256 MB heap.
 * Passes when every event is in the topic, the worker is alive and its log has no OutOfMemoryError; prints the
 * worker's peak resident memory.
 * Usage: {@code java -cp "benchmarks/target/classes:$(cat benchmarks/target/benchmarks.classpath)"
 * io.agenttelemetry.connect.benchmarks.SourceMemoryCheck [megabytes] [heap]} (default 1024, 256m).
 */
public final class SourceMemoryCheck {
    private SourceMemoryCheck() {
    }

    public static void main(String[] args) throws Exception {
        int megabytes = args.length > 0 ? Integer.parseInt(args[0]) : 1024;
        String heap = args.length > 1 ? args[1] : "256m";
        Path root = Paths.get("").toAbsolutePath();
        Path work = root.resolve("target/benchmarks/source-memory");
        try (LocalStack stack = LocalStack.builder(StackLayout.fromSystemProperties(root), work.resolve("stack"))
                .openSearch(false).s3(false).connectHeap(heap).start()) {
            Path file = Files.createDirectories(work.resolve("input")).resolve("agent-events.jsonl");
            long lines = SourceThroughputBenchmark.writeEvents(file, megabytes * 1024L * 1024L);
            System.out.printf(Locale.ROOT, "input: %d lines, %.1f MB; worker heap %s%n", lines, Files.size(file) / 1e6, heap);
            Map<String, String> c = new HashMap<>();
            c.put("connector.class", "io.agenttelemetry.connect.source.AgentLogSourceConnector");
            c.put("paths", file.toString());
            c.put("format", "jsonl");
            c.put("topic", "memory-check");
            c.put("batch.max.records", "10000");
            long t0 = System.nanoTime();
            Http.send("PUT", stack.connect().restUrl() + "/connectors/memory-check/config", Http.mapper().writeValueAsString(c)).ok();
            ManagedProcess worker = stack.connect().process();
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.kafka().bootstrapServers()))) {
                // With the worker given, the wait fails at once, with its log, if the worker dies.
                Wait.until("every line in the topic", Duration.ofMinutes(30), () -> StackClients.endOffsets(admin, "memory-check") >= lines, worker);
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            WorkerMemory memory = WorkerMemory.of(worker);
            System.out.printf(Locale.ROOT, "memory check: %d events in %.1f s (%.0f events/s), %s%n", lines, seconds, lines / seconds, memory);
            System.out.println(memory.ok() ? "memory check: OK" : "memory check: FAILED");
        }
    }
}
