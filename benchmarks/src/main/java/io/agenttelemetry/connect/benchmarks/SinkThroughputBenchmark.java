package io.agenttelemetry.connect.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

import io.agenttelemetry.connect.stack.Http;
import io.agenttelemetry.connect.stack.LocalStack;
import io.agenttelemetry.connect.stack.StackLayout;
import io.agenttelemetry.connect.stack.Wait;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * End to end, on the real local stack, the same N agent events of about 1 KiB (default 200,000):
 * <ul>
 *   <li>OpenSearch: (a) a direct {@code _bulk} loader, 5,000-document requests, 2 in parallel, of the very documents
 *   our sink makes of the events (read back from a first, unmeasured sink run, which also warms the node); (b) our
 *   sink reading the events from a Kafka topic (2 tasks, so also 2 bulk requests in flight). docs/s and the ratio.</li>
 *   <li>S3: (a) a plain AWS SDK loop of 8 MiB PutObjects; (b) our sink (JSON Lines, no compression, objects of
 *   about 7 MB in one PUT each).
 *   MB/s of each and the ratio; then our sink with gzip and with zstd.</li>
 * </ul>
 * The sinks are timed from the moment their consumers are first assigned partitions (the worker's log says when)
 * until every event is acknowledged by the store; connector start-up before that (task creation, Connect's
 * rebalances: 0.2 to 3 s here) is printed, not timed, as the baselines' client creation is not timed either.
 * Usage: {@code java -cp "benchmarks/target/classes:$(cat benchmarks/target/benchmarks.classpath)"
 * io.agenttelemetry.connect.benchmarks.SinkThroughputBenchmark [events] [all|opensearch|s3]}.
 */
public final class SinkThroughputBenchmark {
    private static final String TOPIC = "bench-sink-events";
    private static final String BUCKET = "bench";
    private static final int OBJECT_BYTES = 8 * 1024 * 1024;
    private static final int PARTITIONS = 4;
    /** 200,000 events of 1.1 KB in 4 partitions: objects of about 7 MB. */
    private static final int OBJECTS_PER_PARTITION = 8;
    /**
     * Baseline and sink runs alternate this many times and the best run of each counts: the same run takes from 8 to
     * 14 s on two cores shared with the broker, the worker and OpenSearch (whose CPU time for the same documents
     * varies as much: 13.4 to 18.4 CPU-s in the loader's runs of one benchmark), and five rounds make a ratio from
     * one lucky or unlucky run less likely.
     */
    private static final int ROUNDS = 5;

    private SinkThroughputBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        String only = args.length > 1 ? args[1] : "all";
        System.out.println(Result.header());
        run(Paths.get("").toAbsolutePath(), events, !only.equals("s3"), !only.equals("opensearch")).forEach(r -> System.out.println(r.markdown()));
    }

    static List<Result> run(Path root, int events) throws Exception {
        return run(root, events, true, true);
    }

    /** Starts a stack, runs the OpenSearch and/or S3 comparisons, and returns their rows. */
    static List<Result> run(Path root, int events, boolean openSearch, boolean s3) throws Exception {
        Path work = root.resolve("target/benchmarks/sink-throughput");
        // Kafka's default initial rebalance delay, not the local stack's 0 (for quick tests): with 0 a sink's first
        // task got every partition at once and worked alone until its next heartbeat, 3 s on, let the second task's
        // join through. That was a third of a run timed with one task of two, OpenSearch half fed meanwhile. With
        // the delay, both tasks get their partitions in the first assignment, when the clock starts.
        try (LocalStack stack = LocalStack.builder(StackLayout.fromSystemProperties(root), work.resolve("stack"))
                .brokerProperty("group.initial.rebalance.delay.ms", "3000").start()) {
            List<String> docs = events(events);
            long bytes = docs.stream().mapToLong(d -> d.length() + 1).sum();
            System.out.printf(Locale.ROOT, "input: %d events, %.1f MB (%.0f bytes each)%n", events, bytes / 1e6, (double) bytes / events);
            produce(stack, docs);
            stack.s3().createBucket(BUCKET);
            List<Result> rows = new ArrayList<>();
            if (openSearch) {
                rows.addAll(openSearchRows(stack, events));
            }
            if (s3) {
                rows.addAll(s3Rows(stack, docs, events, bytes));
            }
            return rows;
        }
    }

    private static List<Result> openSearchRows(LocalStack stack, int events) throws Exception {
        List<Result> rows = new ArrayList<>();
        // A first sink run warms OpenSearch and the worker and yields the documents the sink makes; the baseline
        // then loads those same documents (same ids), alternating with measured sink runs, with the worker's
        // JsonConverter and with ByteArrayConverter (the sink parses the JSON itself); best of ROUNDS each.
        openSearchSink(stack, "warmup", false, events);
        String url = stack.openSearch().url();
        List<String[]> documents = documents(url, "bench-sink-warmup-*");
        // The baseline's indices get the sink index's settings and mappings (dynamic mapping would cost more). Each
        // loader run creates its index in its own time, as the sink's first bulk request creates the sink's.
        String indexBody = bodyLike(url, "bench-sink-warmup-*");
        // Each run's indices are deleted when it is done: the node would go on merging their segments during the
        // next run, on the same two cores, and runs would measure whatever came before them.
        Http.send("DELETE", url + "/bench-sink-warmup-*", null);
        // The ByteArrayConverter path is other code (the sink reads the bytes itself): it warms up unmeasured too,
        // and so does the loader, so that neither side's first measured run pays for the JIT (the node's compiler
        // took 4.3 CPU-s in a loader run that came first, 0.4 in later ones).
        settleDisk();
        openSearchSink(stack, "warmup-bytes", true, events);
        Http.send("DELETE", url + "/bench-sink-warmup-bytes-*", null);
        settleDisk();
        directBulk(stack, documents, "bench-direct-0", indexBody);
        Http.send("DELETE", url + "/bench-direct-0", null);
        double direct = 0;
        double bytesSink = 0;
        double jsonSink = 0;
        for (int run = 1; run <= ROUNDS; run++) {
            settleDisk();
            direct = Math.max(direct, directBulk(stack, documents, "bench-direct-" + run, indexBody));
            Http.send("DELETE", url + "/bench-direct-" + run, null);
            settleDisk();
            bytesSink = Math.max(bytesSink, openSearchSink(stack, "bytes-" + run, true, events));
            Http.send("DELETE", url + "/bench-sink-bytes-" + run + "-*", null);
            settleDisk();
            jsonSink = Math.max(jsonSink, openSearchSink(stack, "json-" + run, false, events));
            Http.send("DELETE", url + "/bench-sink-json-" + run + "-*", null);
        }
        String baseline = "direct _bulk of the same documents, 5,000 per request, 2 parallel";
        rows.add(new Result("OpenSearch sink", "OpenSearchSink, 2 tasks, ByteArrayConverter (the sink parses the JSON)", bytesSink,
                baseline, direct, "docs/s", 0.9, ">= 0.90"));
        rows.add(new Result("OpenSearch sink", "OpenSearchSink, 2 tasks, JsonConverter without schemas", jsonSink,
                baseline, direct, "docs/s", 0, "reported"));
        return rows;
    }

    private static List<Result> s3Rows(LocalStack stack, List<String> docs, int events, long bytes) throws Exception {
        List<Result> rows = new ArrayList<>();
        s3Sink(stack, "warmup", "none", true, events, bytes); // JIT and first-connection costs out of the measured runs
        // Best of ROUNDS runs each: single runs of a few seconds vary by 20% and more on two shared cores.
        double puts = 0;
        double ours = 0;
        for (int run = 1; run <= ROUNDS; run++) {
            settleDisk();
            puts = Math.max(puts, rawPuts(stack, docs, bytes, "raw-puts-" + run + "/"));
            settleDisk();
            ours = Math.max(ours, s3Sink(stack, "bytes-" + run, "none", true, events, bytes));
        }
        rows.add(new Result("S3 sink", "S3ArchiveSink jsonl, ByteArrayConverter (bytes as they are)",
                ours, "raw 8 MiB PutObject loop", puts, "MB/s", 0.9, ">= 0.90"));
        rows.add(new Result("S3 sink", "S3ArchiveSink jsonl, JsonConverter (decode + re-encode)",
                s3Sink(stack, "json", "none", false, events, bytes), "raw 8 MiB PutObject loop", puts, "MB/s", 0, "reported"));
        rows.add(new Result("S3 sink", "S3ArchiveSink jsonl gzip, ByteArrayConverter", s3Sink(stack, "gzip", "gzip", true, events, bytes),
                "raw 8 MiB PutObject loop", puts, "MB/s (input)", 0, "reported"));
        rows.add(new Result("S3 sink", "S3ArchiveSink jsonl zstd, ByteArrayConverter", s3Sink(stack, "zstd", "zstd", true, events, bytes),
                "raw 8 MiB PutObject loop", puts, "MB/s (input)", 0, "reported"));
        return rows;
    }

    /**
     * Writes dirty pages out before a measured run: earlier runs (and the source benchmark's files) leave hundreds of
     * MB for the kernel to write back, which otherwise lands in whichever run comes next.
     */
    static void settleDisk() throws Exception {
        try {
            new ProcessBuilder("sync").inheritIO().start().waitFor();
        } catch (IOException e) {
            // no sync command: the runs alternate anyway
        }
    }

    /** Newest modification time, in epoch milliseconds, of the files under a directory. */
    private static long lastWrite(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> {
                try {
                    return Files.getLastModifiedTime(f).toMillis();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).max().orElseThrow();
        }
    }

    /** Agent span events as the source emits them (schemaless JSON), padded to about 1 KiB by tool arguments. */
    static List<String> events(int count) {
        Random random = new Random(11);
        String padding = "lorem ipsum dolor sit amet ".repeat(30);
        String[] tools = {"search_web", "read_file", "run_sql", "send_email", "create_ticket"};
        List<String> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long start = 1_764_151_200_000_000_000L + i * 1_000_000L;
            String tool = tools[random.nextInt(tools.length)];
            out.add(String.format(Locale.ROOT, "{\"schemaVersion\":1,\"eventType\":\"SPAN\",\"traceId\":\"%032x\",\"spanId\":\"%016x\","
                    + "\"parentSpanId\":null,\"name\":\"execute_tool %s\",\"kind\":\"INTERNAL\",\"startTimeUnixNano\":%d,"
                    + "\"endTimeUnixNano\":%d,\"durationNanos\":%d,\"statusCode\":\"OK\",\"statusMessage\":null,"
                    + "\"serviceName\":\"support-agent\",\"scopeName\":null,\"scopeVersion\":null,"
                    + "\"resourceAttributes\":{\"service.name\":\"support-agent\"},\"attributes\":{\"gen_ai.operation.name\":"
                    + "\"execute_tool\",\"gen_ai.tool.name\":\"%s\",\"gen_ai.tool.call.arguments\":\"%s\"},\"events\":[],"
                    + "\"severityText\":null,\"severityNumber\":null,\"body\":null,\"source\":null}",
                    i + 1L, i + 1L, tool, start, start + 50_000_000L, 50_000_000L, tool, padding.substring(0, 420 + random.nextInt(100))));
        }
        return out;
    }

    private static void produce(LocalStack stack, List<String> docs) throws Exception {
        StackClients.createTopic(stack, TOPIC, PARTITIONS);
        try (KafkaProducer<String, String> producer = StackClients.producer(stack)) {
            // Round robin: every partition holds the same number of events, so objects can end by count (below).
            for (int i = 0; i < docs.size(); i++) {
                producer.send(new ProducerRecord<>(TOPIC, i % PARTITIONS, null, docs.get(i)));
            }
        }
    }

    /** Every document (id, source) under the index pattern, read back with a scroll. */
    private static List<String[]> documents(String url, String index) throws Exception {
        List<String[]> out = new ArrayList<>();
        com.fasterxml.jackson.databind.JsonNode page = Http.send("POST", url + "/" + index + "/_search?scroll=2m",
                "{\"size\":5000,\"sort\":[\"_doc\"]}").ok().json();
        while (page.path("hits").path("hits").size() > 0) {
            for (com.fasterxml.jackson.databind.JsonNode hit : page.path("hits").path("hits")) {
                out.add(new String[] {hit.path("_id").asText(), Http.mapper().writeValueAsString(hit.path("_source"))});
            }
            page = Http.send("POST", url + "/_search/scroll", "{\"scroll\":\"2m\",\"scroll_id\":\"" + page.path("_scroll_id").asText() + "\"}")
                    .ok().json();
        }
        System.out.printf(Locale.ROOT, "read back %d documents the sink made%n", out.size());
        return out;
    }

    /** The body that creates an index with the settings (shards, replicas, mapping limits) and mappings of an existing one. */
    private static String bodyLike(String url, String source) throws Exception {
        com.fasterxml.jackson.databind.JsonNode got = Http.get(url + "/" + source).ok().json();
        com.fasterxml.jackson.databind.JsonNode index = got.elements().next();
        com.fasterxml.jackson.databind.node.ObjectNode settings = Http.mapper().createObjectNode();
        index.path("settings").path("index").fields().forEachRemaining(e -> {
            if (List.of("number_of_shards", "number_of_replicas", "mapping", "refresh_interval", "codec").contains(e.getKey())) {
                settings.set(e.getKey(), e.getValue());
            }
        });
        com.fasterxml.jackson.databind.node.ObjectNode body = Http.mapper().createObjectNode();
        body.set("settings", Http.mapper().createObjectNode().set("index", settings));
        body.set("mappings", index.path("mappings"));
        System.out.printf(Locale.ROOT, "the loader's indices are created like %s: settings %s%n", got.fieldNames().next(), settings);
        return Http.mapper().writeValueAsString(body);
    }

    /** Baseline: creates the index, then NDJSON _bulk requests of 5,000 documents, two in flight, with their ids. */
    private static double directBulk(LocalStack stack, List<String[]> docs, String index, String indexBody) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        String url = stack.openSearch().url();
        int batch = 5_000;
        AtomicInteger next = new AtomicInteger();
        StackCpu cpu = StackCpu.of(stack);
        long t0 = System.nanoTime();
        Http.send("PUT", url + "/" + index, indexBody).ok();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<?>> workers = new ArrayList<>();
        for (int w = 0; w < 2; w++) {
            workers.add(pool.submit(() -> {
                for (int from = next.getAndAdd(batch); from < docs.size(); from = next.getAndAdd(batch)) {
                    StringBuilder body = new StringBuilder();
                    for (int i = from; i < Math.min(docs.size(), from + batch); i++) {
                        body.append("{\"index\":{\"_index\":\"").append(index).append("\",\"_id\":\"").append(docs.get(i)[0]).append("\"}}\n")
                                .append(docs.get(i)[1]).append('\n');
                    }
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url + "/_bulk"))
                            .header("Content-Type", "application/x-ndjson").POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() != 200 || r.body().contains("\"errors\":true")) {
                        throw new IllegalStateException("bulk failed: " + r.statusCode() + " " + r.body().substring(0, Math.min(500, r.body().length())));
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : workers) {
            f.get();
        }
        pool.shutdown();
        double seconds = (System.nanoTime() - t0) / 1e9;
        String used = StackCpu.of(stack).since(cpu);
        long count = count(url, index);
        System.out.printf(Locale.ROOT, "direct _bulk: %d docs in %.1f s; %s%n", count, seconds, used);
        return docs.size() / seconds;
    }

    private static double openSearchSink(LocalStack stack, String run, boolean rawBytes, int events) throws Exception {
        String name = "bench-opensearch-" + run;
        String prefix = "bench-sink-" + run;
        Map<String, String> c = new HashMap<>();
        c.put("connector.class", "io.agenttelemetry.connect.opensearch.OpenSearchSinkConnector");
        c.put("tasks.max", "2");
        c.put("topics", TOPIC);
        c.put("connection.url", stack.openSearch().url());
        c.put("index.name.template", prefix + "-{kind}");
        if (rawBytes) {
            c.put("value.converter", "org.apache.kafka.connect.converters.ByteArrayConverter");
        }
        c.put("index.templates.replicas", "0");
        // Requests like the baseline's: 5,000 documents (6.5 MB, above the 5 MiB default bound), one in flight per
        // task (each task makes its next batch meanwhile), so two at a time. More in flight only queue in the
        // node's write pool (two threads on two cores) while their documents wait in both JVMs' heaps.
        c.put("batch.size", "5000");
        c.put("bulk.size.bytes", "16777216");
        c.put("max.in.flight.requests", "1");
        c.put("consumer.override.max.poll.records", "5000");
        c.put("consumer.override.fetch.max.bytes", "52428800");
        // 8 MiB per partition and fetch, not 1: with the default a task needed several fetches for each batch.
        c.put("consumer.override.max.partition.fetch.bytes", "8388608");
        String url = stack.openSearch().url();
        long t0 = StackClients.startSink(stack, name, c);
        StackCpu cpu = StackCpu.of(stack);
        // Done when OpenSearch has indexed every document, as the baseline is when its last _bulk returns: read from
        // the indexing stats, since counting would need a refresh each time, which costs the node the very CPU it
        // indexes with (and the baseline no refreshes). The count is checked afterwards, untimed.
        awaitIndexed(url, prefix + "-*", events, t0);
        double seconds = (System.currentTimeMillis() - t0) / 1e3;
        String used = StackCpu.of(stack).since(cpu);
        Wait.until("all documents searchable", Duration.ofMinutes(5), () -> count(url, prefix + "-*") >= events);
        long operations = indexed(url, prefix + "-*");
        if (operations > events) {
            System.out.printf(Locale.ROOT, "note: %d index operations for %d documents (retried requests): the run may have been "
                    + "timed short by up to those %d%n", operations, events, operations - events);
        }
        System.out.printf(Locale.ROOT, "OpenSearchSink (%s): %d docs in %.1f s; %s%n", run, events, seconds, used);
        Http.send("DELETE", stack.connect().restUrl() + "/connectors/" + name, null);
        return events / seconds;
    }

    /**
     * Returns once the indices have indexed the given number of documents, polled at half the time the rate so far
     * says is left, and every 50 ms near the end. A stats request costs the node about 2 ms of CPU (400 of them took
     * it 0.86 CPU-s), which it would otherwise index with and which the baseline's clock does not take from it:
     * polling every 50 ms throughout made about 200 per run, a few percent of the node's CPU for the run.
     */
    private static void awaitIndexed(String url, String index, long events, long startMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + Duration.ofMinutes(20).toMillis();
        for (long done = indexed(url, index); done < events; done = indexed(url, index)) {
            long now = System.currentTimeMillis();
            if (now > deadline) {
                throw new IllegalStateException(index + ": " + done + " of " + events + " documents indexed after 20 minutes");
            }
            double perMilli = done / (double) Math.max(1, now - startMillis);
            long left = perMilli > 0 ? (long) ((events - done) / perMilli) : Long.MAX_VALUE;
            Thread.sleep(Math.max(50, Math.min(1_000, left / 2)));
        }
    }

    /** Index operations the primaries of the indices have done (refreshed or not). */
    private static long indexed(String url, String index) {
        Http.Response r = Http.get(url + "/" + index + "/_stats/indexing?allow_no_indices=true&filter_path=_all.primaries.indexing.index_total");
        return r.status() == 200 ? r.json().path("_all").path("primaries").path("indexing").path("index_total").asLong() : 0;
    }

    private static long count(String url, String index) {
        Http.send("POST", url + "/" + index + "/_refresh?allow_no_indices=true", null);
        Http.Response r = Http.get(url + "/" + index + "/_count?allow_no_indices=true");
        return r.status() == 200 ? r.json().path("count").asLong() : 0;
    }

    /** Baseline: the events as JSON Lines in 8 MiB bodies, one PutObject after the other. */
    private static double rawPuts(LocalStack stack, List<String> docs, long bytes, String prefix) {
        try (S3Client s3 = StackClients.s3(stack)) {
            long t0 = System.nanoTime();
            StringBuilder body = new StringBuilder(OBJECT_BYTES + 2048);
            int n = 0;
            for (int i = 0; i < docs.size(); i++) {
                body.append(docs.get(i)).append('\n');
                if (body.length() >= OBJECT_BYTES || i == docs.size() - 1) {
                    String key = prefix + (n++) + ".jsonl";
                    s3.putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromBytes(body.toString().getBytes(StandardCharsets.UTF_8)));
                    body.setLength(0);
                }
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf(Locale.ROOT, "raw PutObject loop: %d objects in %.1f s%n", n, seconds);
            return bytes / 1e6 / seconds;
        }
    }

    /** Our sink into its own prefix; done when the objects' record-count metadata adds up to every event. */
    private static double s3Sink(LocalStack stack, String run, String compression, boolean rawBytes, int events, long bytes) throws Exception {
        String name = "bench-s3-" + run;
        Map<String, String> c = StackClients.s3SinkConfig(stack, TOPIC, BUCKET);
        c.put("path.template", name + "/{topic}/");
        c.put("compression", compression);
        if (rawBytes) {
            c.put("value.converter", "org.apache.kafka.connect.converters.ByteArrayConverter");
        }
        // Objects of about 7 MB, written in one PUT each like the baseline's 8 MiB bodies (below s3.part.size, so no
        // multipart upload), each in the background while the partition's next fills. They end by record count
        // (every partition holds the same number of events): the last objects do not wait for the wall-clock
        // rotation, whose latency (up to rotate.schedule.interval.ms plus the worker's offset.flush.interval.ms)
        // is not throughput. It stays on for a remainder that does not divide evenly.
        c.put("flush.size", Integer.toString((events / PARTITIONS + OBJECTS_PER_PARTITION - 1) / OBJECTS_PER_PARTITION));
        c.put("flush.bytes", Integer.toString(8 * OBJECT_BYTES));
        c.put("s3.part.size", Integer.toString(OBJECT_BYTES));
        c.put("rotate.schedule.interval.ms", "1000");
        c.put("buffer.max.bytes", Integer.toString(8 * OBJECT_BYTES));
        c.put("consumer.override.max.poll.records", "5000");
        c.put("consumer.override.fetch.max.bytes", "52428800");
        c.put("consumer.override.max.partition.fetch.bytes", "16777216"); // a fetch brings 16 MiB per partition, not 1
        long started = StackClients.startSink(stack, name, c);
        try (S3Client s3 = StackClients.s3(stack)) {
            StackClients.ArchivedRecords archived = new StackClients.ArchivedRecords(s3, BUCKET, name + "/");
            // Asked once a second: each listing costs S3Proxy CPU that the sink competes for, and the end of the
            // run is not when this sees it but when S3Proxy finished writing the last object, the newest
            // modification time of its files.
            Wait.until(name + " archived every event", Duration.ofMinutes(20), Duration.ofSeconds(1), () -> archived.count() >= events);
        }
        double seconds = (lastWrite(stack.s3().bucketDirectory(BUCKET).resolve(name)) - started) / 1e3;
        System.out.printf(Locale.ROOT, "S3ArchiveSink (%s): %d events in %.1f s%n", run, events, seconds);
        Http.send("DELETE", stack.connect().restUrl() + "/connectors/" + name, null);
        return bytes / 1e6 / seconds;
    }
}
