package io.agenttelemetry.connect.benchmarks;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import org.apache.kafka.clients.admin.Admin;

import io.agenttelemetry.connect.stack.Http;
import io.agenttelemetry.connect.stack.LocalStack;
import io.agenttelemetry.connect.stack.StackLayout;
import io.agenttelemetry.connect.stack.Wait;

/**
 * End to end, on the real local stack: the same JSON-lines file of 1 KiB agent events tailed into Kafka through
 * the same worker with the same producer overrides, once by Kafka's FileStreamSourceConnector (moving raw lines)
 * and once by ours (parsing and normalizing each line into an agent event). Prints events/s of each and the ratio.
 *
 * <p>Usage, from the repository root after {@code mvn -DskipTests package}:
 * {@code java -cp "benchmarks/target/classes:$(cat benchmarks/target/benchmarks.classpath)"
 * io.agenttelemetry.connect.benchmarks.SourceThroughputBenchmark [megabytes]} (default 200).
 */
public final class SourceThroughputBenchmark {
    private static final Map<String, String> PRODUCER_OVERRIDES = Map.of(
            "producer.override.compression.type", "lz4",
            "producer.override.linger.ms", "10",
            "producer.override.batch.size", "524288");

    private static final String[] TOOLS = {"search_web", "read_file", "run_sql", "send_email", "create_ticket"};
    private static final String PADDING = "lorem ipsum dolor sit amet ".repeat(30);

    private SourceThroughputBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int megabytes = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        System.out.println(Result.header());
        run(Paths.get("").toAbsolutePath(), megabytes).forEach(r -> System.out.println(r.markdown()));
    }

    /**
     * Ours against FileStreamSource on one file, then the scaling row: the same bytes split over two files, read by
     * one task and by two.
     */
    static List<Result> run(Path root, int megabytes) throws Exception {
        Path work = root.resolve("target/benchmarks/source-throughput");
        StackLayout layout = StackLayout.fromSystemProperties(root);
        try (LocalStack stack = LocalStack.builder(layout, work.resolve("stack")).openSearch(false).s3(false)
                .connectHeap("1g").extraPluginPath(layout.baselinePlugins()).start()) {
            Path input = Files.createDirectories(work.resolve("input"));
            Path file = input.resolve("agent-events.jsonl");
            long lines = writeEvents(file, megabytes * 1024L * 1024L);
            System.out.printf("input: %s, %d lines, %.1f MB%n", file, lines, Files.size(file) / 1e6);

            // Both connectors first read a file of the same size twice, unmeasured, so neither is timed while its
            // classes load and the JIT compiles it (ours runs in its own class loader with its own Jackson). One read
            // of a fifth of the size was too little: the worker's C2 compiler took most of a core through our next
            // runs, which sped up run after run (81k, then 101k events/s) until the third.
            Path warmUp = input.resolve("warm-up.jsonl");
            long warmUpLines = writeEvents(warmUp, megabytes * 1024L * 1024L, 3);
            for (int round = 1; round <= 2; round++) {
                for (boolean passThrough : new boolean[] {true, false}) {
                    String filestream = "warm-up-filestream-" + round + (passThrough ? "-pass-through" : "");
                    String ours = "warm-up-ours-" + round + (passThrough ? "-pass-through" : "");
                    run(stack, filestream, fileStream(warmUp, filestream, true, passThrough), warmUpLines);
                    run(stack, ours, ours(warmUp.toString(), ours, 1, true, passThrough), warmUpLines);
                }
            }
            double[] passThrough = best(stack, file, lines, true, true, 3);
            double[] tuned = best(stack, file, lines, true, false, 2);
            double[] defaults = best(stack, file, lines, false, false, 2);

            Path split = Files.createDirectories(work.resolve("input-split"));
            // Different seeds: files with the same first line would be the same file to the source (it knows files by content).
            long half = writeEvents(split.resolve("a.jsonl"), megabytes * 512L * 1024L, 1)
                    + writeEvents(split.resolve("b.jsonl"), megabytes * 512L * 1024L, 2);
            double oneTask = run(stack, "bench-1-task", ours(split + "/*.jsonl", "bench-1-task", 1, true, true), half);
            double twoTasks = run(stack, "bench-2-tasks", ours(split + "/*.jsonl", "bench-2-tasks", 2, true, true), half);
            return List.of(
                    new Result("Source", "AgentLogSource jsonl → agent events, batches of 10,000, lz4, value.format=json "
                            + "with ByteArrayConverter", passThrough[1],
                            "FileStreamSource raw lines, same settings, StringConverter", passThrough[0], "events/s", 1.0, ">= 1.00"),
                    new Result("Source", "AgentLogSource jsonl → agent events (structs), batches of 10,000, lz4, "
                            + "the worker's JsonConverter", tuned[1],
                            "FileStreamSource raw lines, same settings, the worker's JsonConverter", tuned[0], "events/s", 0, "reported"),
                    new Result("Source", "AgentLogSource jsonl → agent events, its defaults", defaults[1],
                            "FileStreamSource raw lines, its defaults", defaults[0], "events/s", 0, "reported"),
                    new Result("Source scaling", "AgentLogSource, 2 tasks, 2 files", twoTasks, "1 task, same 2 files", oneTask, "events/s", 0, "reported"));
        }
    }

    /**
     * FileStreamSource and ours on the same file, each measured {@code rounds} times, alternating, the best run counting:
     * {baseline, ours} in events/s. Tuned: batches of 10,000 and the producer overrides; else both at their defaults.
     * Pass-through: each connector's values go to Kafka as they are (FileStreamSource's lines through
     * StringConverter, our events' JSON through ByteArrayConverter); else both through the worker's JsonConverter.
     */
    private static double[] best(LocalStack stack, Path file, long lines, boolean tuned, boolean passThrough, int rounds) throws Exception {
        double[] best = new double[2];
        String settings = (tuned ? "tuned" : "defaults") + (passThrough ? "-pass-through" : "");
        for (int round = 1; round <= rounds; round++) {
            String baseline = "bench-filestream-" + settings + "-" + round;
            String ours = "bench-ours-" + settings + "-" + round;
            best[0] = Math.max(best[0], run(stack, baseline, fileStream(file, baseline, tuned, passThrough), lines));
            best[1] = Math.max(best[1], run(stack, ours, ours(file.toString(), ours, 1, tuned, passThrough), lines));
        }
        return best;
    }

    private static Map<String, String> fileStream(Path file, String topic, boolean tuned, boolean passThrough) {
        Map<String, String> fileStream = new HashMap<>(tuned ? PRODUCER_OVERRIDES : Map.of());
        if (passThrough) {
            fileStream.put("value.converter", "org.apache.kafka.connect.storage.StringConverter");
        }
        fileStream.put("connector.class", "org.apache.kafka.connect.file.FileStreamSourceConnector");
        fileStream.put("file", file.toString());
        fileStream.put("topic", topic);
        if (tuned) {
            fileStream.put("batch.size", "10000");
        }
        return fileStream;
    }

    private static Map<String, String> ours(String paths, String topic, int tasks, boolean tuned, boolean passThrough) {
        Map<String, String> ours = new HashMap<>(tuned ? PRODUCER_OVERRIDES : Map.of());
        if (passThrough) {
            ours.put("value.format", "json");
            ours.put("value.converter", "org.apache.kafka.connect.converters.ByteArrayConverter");
        }
        ours.put("connector.class", "io.agenttelemetry.connect.source.AgentLogSourceConnector");
        ours.put("tasks.max", Integer.toString(tasks));
        ours.put("paths", paths);
        ours.put("format", "jsonl");
        ours.put("topic", topic);
        if (tuned) {
            ours.put("batch.max.records", "10000");
        }
        return ours;
    }

    /** Creates the connector and times it from creation until the topic holds every line. */
    private static double run(LocalStack stack, String topic, Map<String, String> config, long lines) throws Exception {
        SinkThroughputBenchmark.settleDisk();
        StackCpu cpu = StackCpu.of(stack);
        long t0 = System.nanoTime();
        Http.send("PUT", stack.connect().restUrl() + "/connectors/" + topic + "/config", Http.mapper().writeValueAsString(config)).ok();
        long[] firstSeen = {0};
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.kafka().bootstrapServers()))) {
            Wait.until(topic + " to hold " + lines + " records", Duration.ofMinutes(20), Duration.ofMillis(50), () -> {
                long held = StackClients.endOffsets(admin, topic);
                if (held > 0 && firstSeen[0] == 0) {
                    firstSeen[0] = System.nanoTime();
                }
                return held >= lines;
            });
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        String used = StackCpu.of(stack).since(cpu);
        double rate = lines / seconds;
        System.out.printf(Locale.ROOT, "%s: %d events in %.1f s = %.0f events/s (first records after %.2f s); %s%n",
                topic, lines, seconds, rate, (firstSeen[0] - t0) / 1e9, used);
        Http.send("DELETE", stack.connect().restUrl() + "/connectors/" + topic, null);
        awaitStopped(stack, topic, Integer.parseInt(config.getOrDefault("tasks.max", "1")));
        return rate;
    }

    /**
     * Waits until the worker has stopped a deleted connector's tasks (each closed its producer). The next run's clock
     * starts at its PUT, which the worker's herder answers only after that stop: FileStreamSource's task sleeps up to
     * a second in its poll when the file has no new line, and that second went into the next run's time.
     */
    private static void awaitStopped(LocalStack stack, String connector, int tasks) {
        Path log = stack.connect().process().log();
        for (int task = 0; task < tasks; task++) {
            String marker = "App info kafka.producer for connector-producer-" + connector + "-" + task + " unregistered";
            Wait.until(connector + "-" + task + " to stop", Duration.ofMinutes(1), Duration.ofMillis(20),
                    () -> StackClients.loggedAt(log, marker) > 0);
        }
    }

    /** Agent tool-call log lines padded to about 1 KiB, like prompts and tool arguments make them. */
    static long writeEvents(Path file, long bytes) throws IOException {
        return writeEvents(file, bytes, 7);
    }

    static long writeEvents(Path file, long bytes, long seed) throws IOException {
        Random random = new Random(seed);
        long written = 0;
        long lines = 0;
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            while (written < bytes) {
                String line = eventLine(random, lines);
                w.write(line);
                w.write('\n');
                written += line.length() + 1;
                lines++;
            }
        }
        return lines;
    }

    /** The n-th agent tool-call log line of about 1 KiB (ASCII). */
    static String eventLine(Random random, long n) {
        String tool = TOOLS[random.nextInt(TOOLS.length)];
        return String.format(Locale.ROOT,
                "{\"ts\":\"2026-11-26T09:%02d:%02d.%03dZ\",\"level\":\"INFO\",\"msg\":\"tool call %s finished\","
                        + "\"trace_id\":\"%032x\",\"span_id\":\"%016x\",\"service.name\":\"support-agent\","
                        + "\"gen_ai.tool.name\":\"%s\",\"duration_ms\":%d,\"gen_ai.tool.call.arguments\":\"%s\"}",
                n / 3600 % 60, n / 60 % 60, n % 1000, tool, random.nextLong() & Long.MAX_VALUE,
                random.nextLong() & Long.MAX_VALUE, tool, 20 + random.nextInt(900), PADDING.substring(0, 640 + random.nextInt(100)));
    }
}
