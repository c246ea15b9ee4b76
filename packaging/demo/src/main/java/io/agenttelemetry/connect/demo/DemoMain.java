package io.agenttelemetry.connect.demo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

import com.fasterxml.jackson.databind.JsonNode;

import io.agenttelemetry.connect.stack.Dirs;
import io.agenttelemetry.connect.stack.Http;
import io.agenttelemetry.connect.stack.LocalStack;
import io.agenttelemetry.connect.stack.StackLayout;
import io.agenttelemetry.connect.stack.Wait;

/**
 * The README's main command: starts the local stack, writes agent telemetry files, submits the connector configs
 * of config-examples/ over REST, waits until every event is in Kafka, OpenSearch and S3, and prints what arrived.
 * Then it checks governance: every planted secret is in the raw archive, none is in OpenSearch or the masked
 * archive. The last line is the verdict: {@code demo: OK events=<n> kafka=<n> opensearch=<n> s3=<n> leaked=0} or
 * {@code demo: FAILED <reason>}.
 */
public final class DemoMain {
    static final String RAW_TOPIC = "agent-events.raw";
    static final String BUCKET = "agent-telemetry-archive";
    static final List<String> CONFIGS = List.of("agent-logs-source.json", "agent-logs-source-masked.json", "opensearch-sink.json",
            "s3-archive-raw-sink.json", "s3-archive-masked-sink.json");
    static final List<String> CONNECTORS = List.of("agent-logs-source", "agent-logs-source-masked", "opensearch-sink", "s3-archive-raw",
            "s3-archive-masked");
    static final String RAW_PREFIX = "raw/";
    static final String SECURITY_TOPIC = "agent-events.security";
    static final int DEFAULT_TOOL_CALLS = 2_000;
    static final String MASKED_PREFIX = "masked/";
    /**
     * Real telemetry from the corpus. Not the OpenAI Agents SDK recording: it sends some spans twice, which Kafka and
     * the archive keep as two records and OpenSearch as one document, so the counts could not agree.
     */
    static final List<String> CORPUS_FILES = List.of(
            "testdata/corpus/agent-traces/crewai-telemetry/crewai-telemetry.otlp.jsonl",
            "testdata/corpus/agent-traces/otlp-reference/opentelemetry-proto-examples-trace.json",
            "testdata/corpus/agent-logs/claude-code/claude-code-log_representative_messages.jsonl",
            "testdata/corpus/agent-logs/claude-code/claude-code-transcripts_sample_session.jsonl");

    private DemoMain() {
    }

    public static void main(String[] args) {
        boolean keepRunning = List.of(args).contains("--keep-running");
        Path root = Paths.get("").toAbsolutePath();
        Path work = root.resolve("target/demo");
        try {
            String verdict = run(root, work, keepRunning, DEFAULT_TOOL_CALLS);
            System.out.println(verdict);
        } catch (Exception e) {
            System.out.println("demo: FAILED " + e.getMessage().replace('\n', ' '));
            System.exit(1);
        }
    }

    /**
     * Runs the whole pipeline on a fresh local stack under work.
     *
     * @param toolCalls how many tool calls the generated agent log holds (the corpus traces come on top)
     * @return the verdict line
     */
    public static String run(Path root, Path work, boolean keepRunning, int toolCalls) throws Exception {
        Path logDir = work.resolve("agent-logs");
        Dirs.deleteTree(logDir);
        Files.createDirectories(logDir);
        step("starting the local stack (Kafka, Connect, OpenSearch, S3) ...");
        try (LocalStack stack = LocalStack.builder(StackLayout.fromSystemProperties(root), work.resolve("stack"))
                .workerEnv("AGENT_TELEMETRY_LOG_DIR", logDir.toString())
                .sasl(true)
                .progress(DemoMain::step)
                .start()) {
            stack.s3().createBucket(BUCKET);
            AccessControl.grantSre(stack);
            step("broker: SASL/PLAIN and ACLs; user sre may read " + AccessControl.MASKED_PREFIX + "* only");

            DemoWorkload workload = new DemoWorkload();
            workload.copyCorpusFiles(CORPUS_FILES.stream().map(root::resolve).collect(Collectors.toList()), logDir);
            workload.writeAgentLog(logDir.resolve("support-agent.jsonl"), toolCalls, 42);
            long expected = workload.events();
            step("wrote " + expected + " agent events into " + logDir + ", with " + workload.planted().size()
                    + " planted secrets and PII values");

            for (String config : CONFIGS) {
                Http.send("POST", stack.connect().restUrl() + "/connectors",
                        Files.readString(root.resolve("config-examples").resolve(config))).ok();
                step("submitted config-examples/" + config);
            }

            Counts counts = new Counts(stack);
            Wait.until("all " + expected + " events in Kafka, OpenSearch and S3", Duration.ofMinutes(5), () -> {
                counts.refresh();
                step(String.format("  kafka raw=%d masked=%d opensearch=%d s3 raw=%d masked=%d of %d", counts.kafka, counts.masked,
                        counts.openSearch, counts.s3, counts.s3Masked, expected));
                counts.failIfAnyConnectorFailed();
                return counts.kafka >= expected && counts.masked >= expected && counts.openSearch >= expected
                        && counts.s3 >= expected && counts.s3Masked >= expected;
            });
            counts.refresh();
            printSummary(stack, counts);
            Governance governance = Governance.check(stack, BUCKET, workload.planted(), AccessControl.maskedTopics(counts.topics));
            governance.print();
            if (keepRunning) {
                System.out.println();
                stack.endpoints().forEach((k, v) -> System.out.printf("  %-24s %s%n", k, v));
                System.out.println("\nTo see the dashboards, run OpenSearch Dashboards 2.19 against the OpenSearch above and import them:"
                        + "\n  packaging/dashboards/import.sh http://127.0.0.1:5601");
                System.out.println("\nThe stack stays up; press Ctrl-C to stop it.");
                new CountDownLatch(1).await();
            }
            String numbers = String.format("events=%d kafka=%d opensearch=%d s3=%d leaked=%d",
                    expected, counts.kafka, counts.openSearch, counts.s3, governance.leaked());
            if (counts.kafka != expected || counts.masked != expected || counts.openSearch != expected || counts.s3 != expected
                    || counts.s3Masked != expected) {
                return "demo: FAILED " + numbers + " (counts differ; masked topics " + counts.masked + ", masked archive " + counts.s3Masked + ")";
            }
            if (!governance.accessControlHolds()) {
                return "demo: FAILED " + numbers + " (access control: sre must read the masked topics and be denied the raw topic)";
            }
            if (governance.leaked() != 0 || governance.inRawArchive() != workload.planted().size()) {
                return "demo: FAILED " + numbers + " (governance: " + governance.inRawArchive() + " of " + workload.planted().size()
                        + " planted values in the raw archive)";
            }
            return "demo: OK " + numbers;
        }
    }

    private static void printSummary(LocalStack stack, Counts counts) {
        System.out.println();
        System.out.println("Events per topic:");
        counts.topics.forEach((t, n) -> System.out.printf("  %-32s %d%n", t, n));
        System.out.println("Documents per index:");
        for (JsonNode idx : Http.get(stack.openSearch().url() + "/_cat/indices/agent-*?format=json&s=index").ok().json()) {
            System.out.printf("  %-32s %s%n", idx.path("index").asText(), idx.path("docs.count").asText());
        }
        System.out.println("Objects per S3 prefix:");
        counts.objectsByPrefix.forEach((p, n) -> System.out.printf("  %-60s %d%n", p, n));
        printToolTable(stack);
        System.out.println("Events per service (OpenSearch terms aggregation):");
        JsonNode agg = Http.send("POST", stack.openSearch().url() + "/agent-*/_search",
                "{\"size\":0,\"aggs\":{\"s\":{\"terms\":{\"field\":\"serviceName\",\"size\":20}}}}").ok().json();
        for (JsonNode b : agg.path("aggregations").path("s").path("buckets")) {
            System.out.printf("  %-32s %d%n", b.path("key").asText(), b.path("doc_count").asLong());
        }
        System.out.println();
    }

    /** Calls, error rate and latency percentiles per tool, computed by OpenSearch aggregations over the agent logs. */
    private static void printToolTable(LocalStack stack) {
        JsonNode result = Http.send("POST", stack.openSearch().url() + "/agent-logs-*/_search",
                "{\"size\":0,\"aggs\":{\"tools\":{\"terms\":{\"field\":\"attributes.gen_ai.tool.name\",\"size\":50},"
                        + "\"aggs\":{\"errors\":{\"filter\":{\"term\":{\"severityText\":\"ERROR\"}}},"
                        + "\"latency\":{\"percentiles\":{\"field\":\"attributes.duration_ms\",\"percents\":[50,95,99]}}}}}}").ok().json();
        System.out.println("Tool calls (OpenSearch aggregations on agent-logs-*):");
        System.out.printf("  %-16s %7s %8s %9s %9s %9s%n", "tool", "calls", "errors", "p50 ms", "p95 ms", "p99 ms");
        for (JsonNode b : result.path("aggregations").path("tools").path("buckets")) {
            long calls = b.path("doc_count").asLong();
            JsonNode p = b.path("latency").path("values");
            System.out.printf("  %-16s %7d %7.1f%% %9.0f %9.0f %9.0f%n", b.path("key").asText(), calls,
                    100.0 * b.path("errors").path("doc_count").asLong() / calls,
                    p.path("50.0").asDouble(), p.path("95.0").asDouble(), p.path("99.0").asDouble());
        }
    }

    /** What has arrived in each store. */
    private static final class Counts {
        private final LocalStack stack;
        long kafka;
        long openSearch;
        long s3;
        long s3Masked;
        long masked;
        Map<String, Long> topics = new TreeMap<>();
        final Map<String, Long> objectsByPrefix = new TreeMap<>();

        Counts(LocalStack stack) {
            this.stack = stack;
        }

        void refresh() {
            topics = topicCounts();
            kafka = topics.getOrDefault(RAW_TOPIC, 0L);
            masked = topics.entrySet().stream().filter(e -> e.getKey().startsWith(AccessControl.MASKED_PREFIX)
                    || e.getKey().equals(SECURITY_TOPIC)).mapToLong(Map.Entry::getValue).sum();
            Http.send("POST", stack.openSearch().url() + "/agent-*/_refresh?allow_no_indices=true", null);
            Http.Response r = Http.get(stack.openSearch().url() + "/agent-*/_count?allow_no_indices=true");
            openSearch = r.status() == 200 ? r.json().path("count").asLong() : 0;
            Map<String, Long> lines = S3Archive.linesByPrefix(stack, BUCKET, objectsByPrefix);
            s3 = lines.getOrDefault(RAW_PREFIX, 0L);
            s3Masked = lines.getOrDefault(MASKED_PREFIX, 0L);
        }

        /** Ends the wait at once if a task has failed: it will not recover by itself. */
        void failIfAnyConnectorFailed() {
            for (String c : CONNECTORS) {
                Http.Response r = Http.get(stack.connect().restUrl() + "/connectors/" + c + "/status");
                if (r.status() == 200) {
                    for (JsonNode t : r.json().path("tasks")) {
                        if ("FAILED".equals(t.path("state").asText())) {
                            throw new Wait.Abort(c + " failed: " + t.path("trace").asText().split("\n")[0]);
                        }
                    }
                }
            }
        }

        private Map<String, Long> topicCounts() {
            Properties p = new Properties();
            p.putAll(stack.kafka().clientProperties());
            Map<String, Long> out = new TreeMap<>();
            try (Admin admin = Admin.create(p)) {
                for (String topic : admin.listTopics().names().get()) {
                    if (!topic.startsWith("agent-events")) {
                        continue;
                    }
                    Map<TopicPartition, OffsetSpec> latest = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic)
                            .partitions().stream().collect(Collectors.toMap(i -> new TopicPartition(topic, i.partition()), i -> OffsetSpec.latest()));
                    long sum = 0;
                    for (var e : admin.listOffsets(latest).all().get().values()) {
                        sum += e.offset();
                    }
                    out.put(topic, sum);
                }
            } catch (Exception e) {
                throw new IllegalStateException("cannot read topic sizes: " + e, e);
            }
            return out;
        }

    }

    static void step(String message) {
        System.out.println("[demo] " + message);
    }
}
