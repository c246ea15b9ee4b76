package io.agenttelemetry.connect.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.agenttelemetry.connect.stack.Http;
import io.agenttelemetry.connect.stack.LocalServer;
import io.agenttelemetry.connect.stack.LocalStack;
import io.agenttelemetry.connect.stack.S3Server;
import io.agenttelemetry.connect.stack.Wait;

/**
 * The fault suite, end to end: agent log files; two exactly-once sources on two workers, one into the raw topic and
 * one masking into a topic readers without clearance may see; OpenSearch behind the masking transform, with a dead
 * letter queue; the raw S3 archive; and a masked S3 archive behind a gate that can make its bucket deny writes. Each
 * scenario writes more lines while its fault hits, waits until the stores have caught up, then compares the sets of
 * event ids in every store with the lines written, and scans the masked stores for the planted secrets. A summary
 * table is printed; every lost, duplicated and leaked count must be zero.
 *
 * <p>The workers run with 512 MB heaps. By default the sizes are representative (the README's test command runs
 * them): 2,000 lines per scenario, outages of 20 s, one worker kill, a burst of 20,000 lines. {@code
 * -Dfault.suite.full=true} runs the full sizes: 100,000 lines per scenario, outages of 60 s, ten worker kills while
 * a million lines are written, a burst of a million lines.
 */
class PipelineFaultSuiteIT {
    private static final boolean FULL = Boolean.getBoolean("fault.suite.full");
    private static final int LINES = FULL ? 100_000 : 2_000;
    private static final Duration OUTAGE = Duration.ofSeconds(FULL ? 60 : 20);
    private static final int KILLS = FULL ? 10 : 1;
    /** Lines written while the workers are killed: the issue's "10 kills during a 1M-event run" at full size. */
    private static final int KILL_LINES = FULL ? 1_000_000 : LINES;
    private static final Duration BURST = Duration.ofSeconds(FULL ? 30 : 10);
    private static final Duration TIMEOUT = Duration.ofMinutes(FULL ? 20 : 3);
    private static final String RAW = "fault-suite.raw";
    private static final String BUCKET = "fault-suite";
    private static final String DLQ = "fault-suite.opensearch-dlq";
    private static final String MASKED = "fault-suite.masked";
    /** The raw source's own task metrics, and Connect's error metrics of the OpenSearch sink's tasks (JMX). */
    private static final String SOURCE_METRICS = "io.agenttelemetry.connect:type=agent-log-source,connector=\"fs-source\",task=*";
    private static final String OPENSEARCH_ERROR_METRICS = "kafka.connect:type=task-error-metrics,connector=fs-opensearch,task=*";
    private static final java.util.regex.Pattern GITHUB_TOKEN = java.util.regex.Pattern.compile("ghp_[A-Za-z0-9]{36}");

    private final List<String> planted = new ArrayList<>();
    /** Ids of lines OpenSearch cannot map: they belong in the dead letter queue instead of the index. */
    private final List<String> unmappable = new ArrayList<>();
    private final Random random = new Random(8);
    private final List<Row> rows = new ArrayList<>();

    /** The stores compared in every scenario, in the table's column order. */
    private static final List<String> STORES = List.of("Kafka raw", "Kafka masked", "OpenSearch (+ DLQ)", "S3 raw", "S3 masked");

    /** One scenario's line of the summary: what went in, what each store holds, and the damage. */
    private record Row(String scenario, int in, Map<String, Store> stores, int leaked) {
        long lost() {
            return stores.values().stream().mapToLong(Store::missing).sum();
        }

        long duplicated() {
            return stores.values().stream().mapToLong(Store::duplicates).sum();
        }

        static String header() {
            return "| scenario | events in | " + String.join(" | ", STORES) + " | lost | duplicated | leaked |\n|---|---|"
                    + "---|".repeat(STORES.size()) + "---|---|---|";
        }

        String markdown() {
            StringBuilder sb = new StringBuilder("| " + scenario + " | " + in + " | ");
            STORES.forEach(name -> sb.append(stores.get(name).distinct).append(" | "));
            return sb.append(lost()).append(" | ").append(duplicated()).append(" | ").append(leaked).append(" |").toString();
        }

        /** Where the damage is, for a failure message. */
        String detail() {
            return markdown() + " " + stores;
        }
    }

    /** Ids found in a store: distinct ones, those written but absent, and extra copies. */
    private record Store(int distinct, long missing, long duplicates, List<String> examples) {
    }

    /**
     * How often each event id was seen in one store. Only the ids are kept, never the events: at full size a store
     * holds millions of them.
     */
    private static final class IdTally {
        private final Map<String, Integer> counts = new HashMap<>();
        private long total;

        void add(String id) {
            counts.merge(id, 1, Integer::sum);
            total++;
        }

        long total() {
            return total;
        }

        Set<String> ids() {
            return counts.keySet();
        }

        Store against(Collection<String> expected) {
            List<String> examples = new ArrayList<>();
            counts.entrySet().stream().filter(e -> e.getValue() > 1).limit(5)
                    .forEach(e -> examples.add(e.getValue() + " times: " + e.getKey()));
            long missing = 0;
            for (String id : expected) {
                if (!counts.containsKey(id) && missing++ < 5) {
                    examples.add("missing: " + id);
                }
            }
            return new Store(counts.size(), missing, total - counts.size(), examples);
        }
    }

    @Test
    void everyScenarioLosesNothingDoublesNothingAndLeaksNothing() throws Exception {
        try (LocalStack stack = Stacks.builder("fault-suite").connectWorkers(2).exactlyOnceSource(true).connectHeap("512m")
                .workerProperty("scheduled.rebalance.max.delay.ms", "5000").start();
             S3Objects s3 = new S3Objects(stack.s3());
             WriteDenyingS3Proxy maskedBucketGate = new WriteDenyingS3Proxy(stack.s3().endpoint())) {
            Path dir = Files.createDirectories(stack.workDir().resolve("agent-logs"));
            List<AgentLogFiles> files = new ArrayList<>(List.of(new AgentLogFiles(dir.resolve("triage-agent.log")),
                    new AgentLogFiles(dir.resolve("billing-agent.log"))));
            s3.createBucket(BUCKET);
            Path secrets = Stacks.secretsFile("fault-suite", "s3.secret=" + S3Server.SECRET_KEY + "\n");

            Map<String, String> source = AgentLogSourceIT.sourceConfig(dir, RAW);
            source.put("tasks.max", "2");
            // The same files once more, masked at the source, into a topic consumers without clearance may read.
            Map<String, String> maskedSource = AgentLogSourceIT.sourceConfig(dir, MASKED);
            maskedSource.put("tasks.max", "2");
            maskedSource.put("transforms", "mask");
            maskedSource.put("transforms.mask.type", "io.agenttelemetry.connect.smt.MaskSensitiveData$Value");
            Map<String, String> openSearch = SinksIT.openSearchConfig(stack, RAW, "fault-suite");
            openSearch.put("transforms", "mask");
            openSearch.put("transforms.mask.type", "io.agenttelemetry.connect.smt.MaskSensitiveData$Value");
            openSearch.put("behavior.on.malformed.documents", "report");
            openSearch.put("errors.tolerance", "all");
            openSearch.put("errors.deadletterqueue.topic.name", DLQ);
            openSearch.put("errors.deadletterqueue.topic.replication.factor", "1");
            Map<String, String> archive = SinksIT.s3Config(stack, RAW, BUCKET, "raw/");
            archive.put("aws.secret.access.key", "${file:" + secrets + ":s3.secret}");
            // The masked archive goes through a gate that can make the bucket deny writes.
            Map<String, String> maskedArchive = SinksIT.s3Config(stack, RAW, BUCKET, "masked/");
            maskedArchive.put("s3.endpoint", maskedBucketGate.endpoint());
            maskedArchive.put("aws.secret.access.key", "${file:" + secrets + ":s3.secret}");
            maskedArchive.put("transforms", "mask");
            maskedArchive.put("transforms.mask.type", "io.agenttelemetry.connect.smt.MaskSensitiveData$Value");
            ConnectRest rest = new ConnectRest(stack.workers().get(0));
            rest.put("fs-source", source);
            rest.put("fs-opensearch", openSearch);
            rest.put("fs-archive", archive);
            rest.put("fs-source-masked", maskedSource);
            rest.put("fs-archive-masked", maskedArchive);
            for (String c : List.of("fs-source", "fs-opensearch", "fs-archive", "fs-source-masked", "fs-archive-masked")) {
                rest.awaitRunning(c, TIMEOUT);
            }

            scenario(stack, s3, files, "steady writing", () -> write(files, "steady", LINES));
            scenario(stack, s3, files, "rotation storm (rename, copytruncate, and rename with gzip, every 300 lines)", () -> {
                for (int written = 0, round = 0; written < LINES; written += 300, round++) {
                    write(files, "storm" + round, 300);
                    for (AgentLogFiles f : files) {
                        switch (round % 3) {
                            case 0 -> f.rotateByRename();
                            case 1 -> f.rotateByCopyTruncate();
                            default -> f.rotateByRenameAndCompress();
                        }
                    }
                }
            });
            scenario(stack, s3, files, "OpenSearch down " + OUTAGE.toSeconds() + " s",
                    () -> outage(stack.openSearch(), rest, "fs-opensearch", files, "os-down"));
            scenario(stack, s3, files, "S3 down " + OUTAGE.toSeconds() + " s",
                    () -> outage(stack.s3(), rest, "fs-archive", files, "s3-down"));
            scenario(stack, s3, files, "S3 bucket denies writes (403 AccessDenied) to the masked archive for " + OUTAGE.toSeconds() + " s",
                    () -> deniedWrites(stack, rest, maskedBucketGate, files));
            // The broker is killed, not shut down: on a one-broker cluster a controlled shutdown can leave a
            // transaction hanging. Its coordinator skips the markers of partitions that have no leader at that moment
            // (the only broker is going away), so read_committed readers, exactly-once source tasks reading their
            // offsets included, wait forever (Kafka's hanging transaction; kafka-transactions.sh find-hanging and
            // abort clear it). With more than one broker the leaders move and the markers are written.
            scenario(stack, s3, files, "broker killed (kill -9) and restarted", () -> {
                write(files, "before-restart", LINES / 2);
                stack.kafka().kill();
                stack.kafka().startAgain(TIMEOUT);
                write(files, "after-restart", LINES / 2);
            });
            scenario(stack, s3, files, KILLS + " kill -9 of a worker while writing " + KILL_LINES + " lines", () -> {
                for (int k = 0; k < KILLS; k++) {
                    int round = k;
                    CompletableFuture<Void> writing = CompletableFuture.runAsync(() -> {
                        try {
                            write(files, "kill" + round, KILL_LINES / KILLS);
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    });
                    Thread.sleep(500 + random.nextInt(1500));
                    stack.workers().get(1).kill();
                    writing.get();
                    stack.workers().get(1).startAgain(TIMEOUT);
                }
            });
            long[] liveDelayMillis = new long[1];
            scenario(stack, s3, files, "burst: 10x the lines at once (a replayed history) beside a live file, 512 MB heaps", () -> {
                AgentLogFiles history = new AgentLogFiles(dir.resolve("history-replay.log"));
                AgentLogFiles live = new AgentLogFiles(dir.resolve("live-agent.log"));
                files.add(history);
                files.add(live);
                liveDelayMillis[0] = burst(stack, history, live);
            });
            long errorsBefore = errorRecords(stack);
            double parseErrorsBefore = WorkerMetrics.sum(stack, SOURCE_METRICS, "ParseErrors");
            scenario(stack, s3, files, "bad input (a file of binary garbage; invalid UTF-8, broken JSON, a 2 MB line, JSON "
                    + "10,000 deep, a time that is an object between good lines)", () -> {
                byte[] garbage = new byte[64 * 1024];
                random.nextBytes(garbage);
                Files.write(dir.resolve("core-dump.log"), garbage);
                for (AgentLogFiles f : files) {
                    f.writeGarbage();
                }
                write(files, "after-garbage", LINES);
            });
            Wait.until("the bad lines in the error topic", TIMEOUT,
                    () -> errorRecords(stack) >= errorsBefore + AgentLogFiles.GARBAGE_LINES * files.size());
            double parseErrors = WorkerMetrics.sum(stack, SOURCE_METRICS, "ParseErrors") - parseErrorsBefore;
            System.out.printf("metrics: the raw source's ParseErrors rose by %.0f in the bad input scenario%n", parseErrors);
            assertTrue(parseErrors >= AgentLogFiles.GARBAGE_LINES * files.size(), "the source counts the bad lines: " + parseErrors);
            double deadLetteredBefore = WorkerMetrics.sum(stack, OPENSEARCH_ERROR_METRICS, "deadletterqueue-produce-requests");
            scenario(stack, s3, files, "mapping conflicts: token counts OpenSearch cannot read as numbers, between good lines", () -> {
                for (int n = 0; n < files.size(); n++) { // ids name the file, as write() makes them
                    unmappable.addAll(files.get(n).write("unmappable-f" + n, LINES / 10 / files.size(), id -> id,
                            ",\"gen_ai.usage.input_tokens\":\"many\""));
                }
                write(files, "after-conflicts", LINES);
            });
            IdTally deadLettered = new IdTally();
            readTopic(stack, DLQ, unmappable.size(), text -> { }, deadLettered);
            assertEquals(new HashSet<>(unmappable), deadLettered.ids(), "the dead letter queue holds exactly the unmappable lines");
            assertEquals(unmappable.size(), deadLettered.total(), "each unmappable line once in the dead letter queue");
            double deadLetteredCounted = WorkerMetrics.sum(stack, OPENSEARCH_ERROR_METRICS, "deadletterqueue-produce-requests") - deadLetteredBefore;
            System.out.printf("metrics: the OpenSearch sink's deadletterqueue-produce-requests rose by %.0f for %d unmappable lines%n",
                    deadLetteredCounted, unmappable.size());
            assertTrue(deadLetteredCounted >= unmappable.size(), "Connect counts the dead-lettered records: " + deadLetteredCounted);

            System.out.println("\n" + Row.header());
            rows.forEach(r -> System.out.println(r.markdown()));
            rows.forEach(r -> System.out.println(r.detail()));
            System.out.printf("%nburst: live lines reached Kafka within %d ms while the replay was read%n", liveDelayMillis[0]);
            assertTrue(liveDelayMillis[0] < 20_000, "live tailing starved by the replay: " + liveDelayMillis[0] + " ms");
            for (Row r : rows) {
                assertEquals(0, r.lost(), r.detail());
                assertEquals(0, r.duplicated(), r.detail());
                assertEquals(0, r.leaked(), r.detail());
            }
            assertNoSecretOutsideTheRawStores(stack);
            // The masking had work to do: the restricted raw archive holds every planted secret.
            Set<String> inRaw = new HashSet<>();
            s3.forEachLine(BUCKET, "raw/", line -> {
                java.util.regex.Matcher token = GITHUB_TOKEN.matcher(line);
                while (token.find()) {
                    inRaw.add(token.group());
                }
            });
            assertTrue(inRaw.containsAll(planted), "every planted secret in the raw archive");
        }
    }

    @FunctionalInterface
    private interface Fault {
        void run() throws Exception;
    }

    /** Runs the fault, waits until every store has every line written so far, and records the sets. */
    private void scenario(LocalStack stack, S3Objects s3, List<AgentLogFiles> files, String name, Fault fault) throws Exception {
        fault.run();
        List<String> expected = new ArrayList<>();
        files.forEach(f -> expected.addAll(f.written()));
        OpenSearchQueries os = new OpenSearchQueries(stack.openSearch().url());
        KafkaTopics kafka = new KafkaTopics(stack.kafka().bootstrapServers());
        // Cheap checks first: the archives are read whole only once every sink's consumer lag is zero.
        String what = name + ": " + expected.size() + " events in OpenSearch (or its dead letter queue) and both archives, "
                + "consumer lag of every sink back to zero";
        try {
            Wait.until(what, TIMEOUT, () -> os.count("fault-suite-*") >= expected.size() - unmappable.size()
                    && sinkLags(kafka).values().stream().allMatch(lag -> lag == 0)
                    && s3.countLines(BUCKET, "raw/") >= expected.size() && s3.countLines(BUCKET, "masked/") >= expected.size());
        } catch (io.agenttelemetry.connect.stack.StackException e) {
            throw new AssertionError(e.getMessage() + "; OpenSearch holds " + os.count("fault-suite-*") + ", S3 raw "
                    + s3.countLines(BUCKET, "raw/") + ", S3 masked " + s3.countLines(BUCKET, "masked/") + ", lags " + sinkLags(kafka), e);
        }
        Thread.sleep(2000); // a duplicate, if any, would be written by now
        Set<String> secrets = new HashSet<>(planted);
        int[] leaked = {0};
        Consumer<String> scan = text -> {
            java.util.regex.Matcher token = GITHUB_TOKEN.matcher(text);
            while (token.find()) {
                leaked[0] += secrets.contains(token.group()) ? 1 : 0;
            }
        };
        Map<String, Store> stores = new java.util.LinkedHashMap<>();
        IdTally raw = new IdTally();
        readTopic(stack, RAW, expected.size(), text -> { }, raw);
        stores.put("Kafka raw", raw.against(expected));
        IdTally masked = new IdTally();
        readTopic(stack, MASKED, expected.size(), scan, masked);
        stores.put("Kafka masked", masked.against(expected));
        IdTally openSearch = new IdTally();
        os.forEachSource("fault-suite-*", doc -> {
            openSearch.add(eventId(doc.path("body").asText()));
            scan.accept(doc.toString());
        });
        // Every event is indexed or, if OpenSearch cannot map it, dead-lettered: the union must hold each once.
        if (!unmappable.isEmpty()) {
            readTopic(stack, DLQ, unmappable.size(), text -> { }, openSearch);
        }
        stores.put("OpenSearch (+ DLQ)", openSearch.against(expected));
        stores.put("S3 raw", archived(s3, "raw/", text -> { }).against(expected));
        stores.put("S3 masked", archived(s3, "masked/", scan).against(expected));
        Row row = new Row(name, expected.size(), stores, leaked[0]);
        rows.add(row);
        System.out.println("fault suite, " + java.time.LocalTime.now().withNano(0) + ": " + row.markdown()); // progress of long runs
    }

    /** Each sink's consumer lag on the raw topic (the masked archive masks in its own transform chain). */
    private static Map<String, Long> sinkLags(KafkaTopics kafka) {
        Map<String, Long> lags = new java.util.LinkedHashMap<>();
        lags.put("fs-opensearch", kafka.lag("connect-fs-opensearch", RAW));
        lags.put("fs-archive", kafka.lag("connect-fs-archive", RAW));
        lags.put("fs-archive-masked", kafka.lag("connect-fs-archive-masked", RAW));
        return lags;
    }

    /**
     * Tallies the ids of a topic's events (read_committed): reads in one pass until it has read at least the expected
     * count, then for 3 s more, so late duplicates are seen too.
     */
    private static void readTopic(LocalStack stack, String topic, int expected, Consumer<String> scan, IdTally into) {
        long[] read = {0};
        long[] reachedAt = {0};
        new KafkaTopics(stack.kafka().bootstrapServers()).consumeUntil(topic, r -> {
            scan.accept(r.value());
            into.add(eventId(AgentLogSourceIT.body(r.value())));
            read[0]++;
        }, () -> {
            if (read[0] < expected) {
                return false;
            }
            if (reachedAt[0] == 0) {
                reachedAt[0] = System.nanoTime();
            }
            return System.nanoTime() - reachedAt[0] >= 3_000_000_000L;
        }, TIMEOUT);
    }

    /** Tallies the event ids of the JSON lines under an archive prefix. */
    private static IdTally archived(S3Objects s3, String prefix, Consumer<String> scan) {
        IdTally ids = new IdTally();
        s3.forEachLine(BUCKET, prefix, line -> {
            scan.accept(line);
            ids.add(eventId(AgentLogSourceIT.body(line)));
        });
        return ids;
    }

    /** The id the writer put first in each line's body. */
    private static String eventId(String body) {
        int space = body.indexOf(' ');
        return space < 0 ? body : body.substring(0, space);
    }

    /**
     * The masked archive's bucket denies writes while lines are written: its task must stay RUNNING (the denial is
     * logged and retried), OpenSearch must keep indexing meanwhile, and once writes are allowed again the archive
     * catches up (checked by the scenario).
     */
    private void deniedWrites(LocalStack stack, ConnectRest rest, WriteDenyingS3Proxy gate, List<AgentLogFiles> files) throws Exception {
        int deniedBefore = gate.denied.get();
        gate.denyWrites(true);
        long start = System.nanoTime();
        write(files, "denied", LINES);
        int written = files.stream().mapToInt(f -> f.written().size()).sum();
        OpenSearchQueries os = new OpenSearchQueries(stack.openSearch().url());
        Wait.until("OpenSearch to index every line while the archive's bucket denies writes", TIMEOUT,
                () -> os.count("fault-suite-*") >= written - unmappable.size());
        Thread.sleep(Math.max(0, OUTAGE.toMillis() - (System.nanoTime() - start) / 1_000_000L));
        assertTrue(gate.denied.get() > deniedBefore, "the masked archive tried to write and was denied");
        double deniedCounted = WorkerMetrics.sum(stack,
                "io.agenttelemetry.connect:type=s3-archive-sink,connector=\"fs-archive-masked\",task=*", "RequestsDenied");
        System.out.printf("metrics: the masked archive's RequestsDenied is %.0f%n", deniedCounted);
        assertTrue(deniedCounted > 0, "the masked archive's task counts the denied requests: " + deniedCounted);
        rest.assertTasksRunning("fs-archive-masked");
        boolean logged = false;
        for (var worker : stack.workers()) {
            logged |= Files.readString(worker.process().log()).contains("(403 AccessDenied)");
        }
        assertTrue(logged, "the denial is in a worker log");
        gate.denyWrites(false);
    }

    /** Stops the server, writes lines while it is down, checks the sink's tasks stay RUNNING, starts it again. */
    private void outage(LocalServer server, ConnectRest rest, String sink, List<AgentLogFiles> files, String prefix) throws Exception {
        server.stop();
        write(files, prefix, LINES);
        Thread.sleep(OUTAGE.toMillis());
        rest.assertTasksRunning(sink);
        server.startAgain(TIMEOUT);
    }

    /**
     * Writes ten scenarios' worth of lines into the history file at once, and a line every 100 ms into the live file
     * for the burst's duration; returns the longest time a live line took to reach Kafka.
     */
    private long burst(LocalStack stack, AgentLogFiles history, AgentLogFiles live) throws Exception {
        Map<String, Long> writtenAt = new java.util.concurrent.ConcurrentHashMap<>();
        Map<String, Long> seenAt = new java.util.concurrent.ConcurrentHashMap<>();
        java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
        CompletableFuture<Void> watching = CompletableFuture.runAsync(() -> watchLiveLines(stack, seenAt, done));
        Thread.sleep(1000); // the watcher starts at the topic's end
        CompletableFuture<Void> liveWriting = CompletableFuture.runAsync(() -> {
            try {
                long end = System.nanoTime() + BURST.toNanos();
                while (System.nanoTime() < end) {
                    live.write("live", 1);
                    writtenAt.put(live.written().get(live.written().size() - 1), System.nanoTime());
                    Thread.sleep(100);
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        for (int chunk = 0; chunk < 10; chunk++) {
            write(List.of(history), "burst" + chunk, LINES);
        }
        liveWriting.get();
        Wait.until("every live line in Kafka", TIMEOUT, () -> seenAt.keySet().containsAll(writtenAt.keySet()));
        done.set(true);
        watching.get();
        long worst = 0;
        for (Map.Entry<String, Long> e : writtenAt.entrySet()) {
            worst = Math.max(worst, (seenAt.get(e.getKey()) - e.getValue()) / 1_000_000L);
        }
        return worst;
    }

    /** Notes when each live line first appears in the raw topic (read_committed, from the end on). */
    private static void watchLiveLines(LocalStack stack, Map<String, Long> seenAt, java.util.concurrent.atomic.AtomicBoolean done) {
        java.util.Properties p = new java.util.Properties();
        p.put("bootstrap.servers", stack.kafka().bootstrapServers());
        p.put("isolation.level", "read_committed");
        p.put("key.deserializer", "org.apache.kafka.common.serialization.StringDeserializer");
        p.put("value.deserializer", "org.apache.kafka.common.serialization.StringDeserializer");
        try (org.apache.kafka.clients.consumer.KafkaConsumer<String, String> consumer = new org.apache.kafka.clients.consumer.KafkaConsumer<>(p)) {
            List<org.apache.kafka.common.TopicPartition> partitions = new ArrayList<>();
            consumer.partitionsFor(RAW).forEach(i -> partitions.add(new org.apache.kafka.common.TopicPartition(RAW, i.partition())));
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            while (!done.get()) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(100))) {
                    String id = Http.mapper().readTree(r.value()).path("body").asText().split(" ")[0];
                    if (id.startsWith("live")) {
                        seenAt.putIfAbsent(id, System.nanoTime());
                    }
                }
            }
        } catch (Exception e) {
            if (!done.get()) {
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * Lines on both files, ids naming the file (files starting with the same bytes would be one file to the source,
     * which identifies files by a fingerprint of their first bytes); every tenth line carries a planted GitHub token
     * (gitleaks' github-pat shape).
     */
    private void write(List<AgentLogFiles> files, String prefix, int lines) throws Exception {
        for (int n = 0; n < files.size(); n++) {
            files.get(n).write(prefix + "-f" + n, lines / files.size(), id -> {
                if (id.hashCode() % 10 != 0) {
                    return id;
                }
                StringBuilder token = new StringBuilder("ghp_");
                for (int i = 0; i < 36; i++) {
                    token.append("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".charAt(random.nextInt(62)));
                }
                planted.add(token.toString());
                return id + " pushed with token " + token;
            });
        }
    }


    private static long errorRecords(LocalStack stack) {
        return new KafkaTopics(stack.kafka().bootstrapServers()).readUntil(RAW + ".errors", r -> false, Duration.ofSeconds(3)).size();
    }


    /** Connector configs over REST and the workers' logs hold no planted secret and no S3 secret key. */
    private void assertNoSecretOutsideTheRawStores(LocalStack stack) throws Exception {
        String configs = Http.get(stack.workers().get(0).restUrl() + "/connectors?expand=info").ok().body();
        assertFalse(configs.contains(S3Server.SECRET_KEY), "the S3 secret key is in the REST config output");
        for (var worker : stack.workers()) {
            String log = Files.readString(worker.process().log());
            assertFalse(log.contains("OutOfMemoryError"), "an OutOfMemoryError in " + worker.process().log());
            java.util.regex.Matcher token = GITHUB_TOKEN.matcher(log);
            while (token.find()) {
                assertFalse(planted.contains(token.group()), "a planted secret is in " + worker.process().log());
            }
        }
        assertTrue(planted.size() > 0);
    }
}
