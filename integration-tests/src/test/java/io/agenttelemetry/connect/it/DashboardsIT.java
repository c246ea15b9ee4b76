package io.agenttelemetry.connect.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.agenttelemetry.connect.stack.Http;
import io.agenttelemetry.connect.stack.LocalStack;
import io.agenttelemetry.connect.stack.Wait;

/**
 * The shipped dashboards and monitors against real OpenSearch (Dashboards itself cannot run here): known tool-call
 * spans go through the sink with the masking and classification chain, then every visualization's aggregation, as
 * Dashboards would send it, must return the numbers computed from those spans, and every monitor's query and
 * trigger condition must pick exactly the tools it should. The NDJSON must parse and every reference resolve.
 */
@ExtendWith(LocalStackExtension.class)
class DashboardsIT {
    private static final Duration TIMEOUT = Duration.ofMinutes(2);
    private static final String INDICES = "agent-spans-itdash-*";
    private static final String[] TOOLS = {"search_web", "read_file", "run_sql", "send_email"};
    private static final String[] MODELS = {"gpt-4o", "claude-sonnet-4"};
    private static final String[] AGENTS = {"triage-agent", "billing-agent"};

    /** The spans, as produced, for computing what each panel must show. */
    private static final List<Map<String, Object>> SPANS = new ArrayList<>();
    private static Map<String, JsonNode> objects;

    @BeforeAll
    static void indexKnownSpans(LocalStack stack) throws Exception {
        Random random = new Random(5);
        List<String> values = new ArrayList<>();
        long start = System.currentTimeMillis() * 1_000_000L - 60_000_000_000L;
        for (int i = 0; i < 400; i++) {
            Map<String, Object> attributes = new LinkedHashMap<>();
            Map<String, Object> span = new LinkedHashMap<>();
            String tool = TOOLS[i % TOOLS.length];
            boolean chat = i % 5 == 4;
            long duration = chat ? 800_000_000L : (long) (Math.exp(18 + random.nextGaussian()) + (tool.equals("run_sql") ? 12_000_000_000L : 0));
            // read_file fails a third of the time, search_web in 2 of its 80 calls (2.5%, under the monitor's 5%).
            boolean error = !chat && (tool.equals("read_file") ? i % 3 == 0 : tool.equals("search_web") && i % 200 == 0);
            attributes.put("gen_ai.operation.name", chat ? "chat" : "execute_tool");
            attributes.put("gen_ai.agent.name", AGENTS[i % 2]);
            attributes.put("gen_ai.conversation.id", "session-" + (i % 6));
            if (chat) {
                attributes.put("gen_ai.request.model", MODELS[i % 2]);
                attributes.put("gen_ai.usage.input_tokens", Integer.toString(100 + i));
                attributes.put("gen_ai.usage.output_tokens", Integer.toString(10 + i % 50));
            } else {
                attributes.put("gen_ai.tool.name", tool);
                if (i % 11 == 0) attributes.put("agent_telemetry.retry.attempt", "2");
                if (i % 17 == 0) attributes.put("agent_telemetry.timeout", "true");
                if (tool.equals("send_email") && i % 3 == 0) {
                    attributes.put("agent_telemetry.approval.decision", i % 9 == 0 ? "rejected" : "approved");
                    attributes.put("agent_telemetry.approval.wait_ms", Integer.toString(1000 + random.nextInt(60_000)));
                }
                if (tool.equals("run_sql") && i % 4 == 2) attributes.put("agent_telemetry.policy.decision", "deny");
                if (i % 13 == 0) attributes.put("gen_ai.tool.call.arguments", "{\"to\":\"user" + i + "@example.org\"}");
                // A made-up token of the GitHub PAT shape (random characters, not a credential).
                if (i % 29 == 0) attributes.put("gen_ai.tool.call.arguments", "{\"q\":\"clone with ghp_pLIix6MEOLeMa61EqJomTEI1JEzO3joOj37H\"}");
            }
            long t = start + i * 100_000_000L;
            span.put("schemaVersion", 1);
            span.put("eventType", "SPAN");
            span.put("traceId", String.format("%032x", 0xda500000L + i));
            span.put("spanId", String.format("%016x", 0xda500000L + i));
            span.put("name", chat ? "chat" : "execute_tool " + tool);
            span.put("kind", "INTERNAL");
            span.put("startTimeUnixNano", t);
            span.put("endTimeUnixNano", t + duration);
            span.put("durationNanos", duration);
            span.put("statusCode", error ? "ERROR" : "OK");
            span.put("serviceName", "support-agent");
            span.put("attributes", attributes);
            SPANS.add(span);
            values.add(Http.mapper().writeValueAsString(span));
        }
        String topic = "it-dashboards";
        KafkaTopics kafka = new KafkaTopics(stack.kafka().bootstrapServers());
        kafka.create(topic, 1);
        kafka.produce(topic, values);
        Map<String, String> c = SinksIT.openSearchConfig(stack, topic, "ignored");
        c.put("index.name.template", "agent-{kind}-itdash-{yyyy.MM.dd}");
        c.put("transforms", "mask,classify");
        c.put("transforms.mask.type", "io.agenttelemetry.connect.smt.MaskSensitiveData$Value");
        c.put("transforms.classify.type", "io.agenttelemetry.connect.smt.ClassifySensitivity");
        ConnectRest rest = new ConnectRest(stack.connect());
        rest.put("it-dashboards", c);
        rest.awaitRunning("it-dashboards", TIMEOUT);
        OpenSearchQueries os = new OpenSearchQueries(stack.openSearch().url());
        Wait.until("400 spans indexed", TIMEOUT, () -> os.count(INDICES) >= 400);

        objects = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Stacks.repositoryRoot().resolve("packaging/dashboards/agent-telemetry.ndjson"))) {
            JsonNode o = Http.mapper().readTree(line);
            objects.put(o.path("type").asText() + ":" + o.path("id").asText(), o);
        }
    }

    @AfterAll
    static void removeConnector(LocalStack stack) {
        new ConnectRest(stack.connect()).delete("it-dashboards");
    }

    @Test
    void theNdjsonParsesAndEveryReferenceResolves() throws Exception {
        assertTrue(objects.containsKey("dashboard:agent-telemetry-overview"));
        for (JsonNode o : objects.values()) {
            for (JsonNode ref : o.path("references")) {
                assertTrue(objects.containsKey(ref.path("type").asText() + ":" + ref.path("id").asText()),
                        o.path("id").asText() + " refers to a missing " + ref);
            }
        }
        JsonNode panels = Http.mapper().readTree(objects.get("dashboard:agent-telemetry-overview").path("attributes").path("panelsJSON").asText());
        assertEquals(objects.values().stream().filter(o -> o.path("type").asText().equals("visualization")).count(), panels.size());
    }

    /** Rows of a visualization: bucket keys joined by '|' to metric values by agg id (percentiles as id.percent). */
    private static Map<String, Map<String, Double>> run(LocalStack stack, String id) throws Exception {
        JsonNode vis = objects.get("visualization:" + id);
        assertFalse(vis == null, id + " is shipped");
        JsonNode state = Http.mapper().readTree(vis.path("attributes").path("visState").asText());
        JsonNode source = Http.mapper().readTree(vis.path("attributes").path("kibanaSavedObjectMeta").path("searchSourceJSON").asText());
        List<JsonNode> buckets = new ArrayList<>();
        List<JsonNode> metrics = new ArrayList<>();
        state.path("aggs").forEach(a -> (a.path("schema").asText().equals("metric") ? metrics : buckets).add(a));
        ObjectNode request = Http.mapper().createObjectNode();
        request.put("size", 0);
        request.putObject("query").putObject("query_string").put("query", source.path("query").path("query").asText());
        ObjectNode level = request.putObject("aggs");
        for (JsonNode b : buckets) {
            ObjectNode agg = level.putObject(b.path("id").asText());
            JsonNode p = b.path("params");
            switch (b.path("type").asText()) {
                case "terms":
                    agg.putObject("terms").put("field", p.path("field").asText()).put("size", p.path("size").asInt());
                    break;
                case "filters":
                    ObjectNode f = agg.putObject("filters").putObject("filters");
                    p.path("filters").forEach(x -> f.putObject(x.path("label").asText()).putObject("query_string")
                            .put("query", x.path("input").path("query").asText()));
                    break;
                case "date_histogram":
                    agg.putObject("date_histogram").put("field", p.path("field").asText()).put("fixed_interval", "1h");
                    break;
                default:
                    throw new AssertionError("bucket aggregation not translated: " + b);
            }
            level = agg.putObject("aggs");
        }
        for (JsonNode m : metrics) {
            String type = m.path("type").asText();
            if (type.equals("count")) {
                continue;
            }
            ObjectNode body = level.putObject(m.path("id").asText()).putObject(type);
            body.put("field", m.path("params").path("field").asText());
            if (type.equals("percentiles")) {
                body.set("percents", m.path("params").path("percents"));
            }
        }
        JsonNode result = Http.send("POST", stack.openSearch().url() + "/" + INDICES + "/_search", request.toString()).ok().json();
        Map<String, Map<String, Double>> rows = new TreeMap<>();
        collect(result.path("aggregations"), buckets, 0, "", metrics, rows, result.path("hits").path("total").path("value").asDouble());
        return rows;
    }

    private static void collect(JsonNode node, List<JsonNode> buckets, int depth, String key, List<JsonNode> metrics,
                                Map<String, Map<String, Double>> rows, double count) {
        if (depth == buckets.size()) {
            Map<String, Double> values = new HashMap<>();
            for (JsonNode m : metrics) {
                String id = m.path("id").asText();
                switch (m.path("type").asText()) {
                    case "count": values.put(id, count); break;
                    case "percentiles":
                        for (Iterator<Map.Entry<String, JsonNode>> it = node.path(id).path("values").fields(); it.hasNext(); ) {
                            Map.Entry<String, JsonNode> e = it.next();
                            values.put(id + "." + (int) Double.parseDouble(e.getKey()), e.getValue().asDouble());
                        }
                        break;
                    default: values.put(id, node.path(id).path("value").asDouble());
                }
            }
            rows.put(key.isEmpty() ? "all" : key.substring(1), values);
            return;
        }
        JsonNode agg = node.path(buckets.get(depth).path("id").asText()).path("buckets");
        if (agg.isObject()) { // filters
            agg.fields().forEachRemaining(e -> collect(e.getValue(), buckets, depth + 1, key + "|" + e.getKey(), metrics, rows,
                    e.getValue().path("doc_count").asDouble()));
        } else {
            for (JsonNode b : agg) {
                String k = b.has("key_as_string") ? b.path("key_as_string").asText() : b.path("key").asText();
                collect(b, buckets, depth + 1, key + "|" + k, metrics, rows, b.path("doc_count").asDouble());
            }
        }
    }

    private static boolean isTool(Map<String, Object> s) {
        return "execute_tool".equals(attrs(s).get("gen_ai.operation.name"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> attrs(Map<String, Object> s) {
        return (Map<String, Object>) s.get("attributes");
    }

    private static double percentile(List<Long> values, double p) {
        values.sort(null);
        return values.get((int) Math.min(values.size() - 1, Math.round(p / 100.0 * (values.size() - 1))));
    }

    @Test
    void toolCallsErrorsAndLatencyPercentilesPerTool(LocalStack stack) throws Exception {
        Map<String, Map<String, Double>> calls = run(stack, "agent-tool-calls");
        Map<String, Map<String, Double>> errors = run(stack, "agent-tool-errors");
        for (String tool : TOOLS) {
            List<Long> durations = new ArrayList<>();
            int errorCount = 0;
            for (Map<String, Object> s : SPANS) {
                if (isTool(s) && tool.equals(attrs(s).get("gen_ai.tool.name"))) {
                    durations.add((Long) s.get("durationNanos"));
                    errorCount += "ERROR".equals(s.get("statusCode")) ? 1 : 0;
                }
            }
            Map<String, Double> row = calls.get(tool);
            assertEquals(durations.size(), row.get("1"), tool + " calls");
            for (int p : new int[] {50, 95, 99}) {
                // OpenSearch estimates percentiles (t-digest, interpolating): it must lie between the neighbouring ranks.
                double low = percentile(durations, p - 5);
                double high = percentile(durations, Math.min(100, p + 5));
                double got = row.get("4." + p);
                assertTrue(got >= low * 0.99 && got <= high * 1.01, tool + " p" + p + " = " + got + ", expected within [" + low + ", " + high + "]");
            }
            assertEquals(errorCount, errors.get(tool + "|errors").get("1"), tool + " errors");
            assertEquals(durations.size(), errors.get(tool + "|calls").get("1"), tool + " calls (error-rate denominator)");
        }
    }

    @Test
    void tokensByModelAndByAgentSessionsAndTraces(LocalStack stack) throws Exception {
        Map<String, Map<String, Double>> byModel = run(stack, "agent-tokens-by-model");
        Map<String, Map<String, Double>> byAgent = run(stack, "agent-tokens-by-agent");
        Map<String, long[]> model = new HashMap<>();
        Map<String, long[]> agent = new HashMap<>();
        for (Map<String, Object> s : SPANS) {
            Map<String, Object> a = attrs(s);
            if (a.containsKey("gen_ai.usage.input_tokens")) {
                long in = Long.parseLong((String) a.get("gen_ai.usage.input_tokens"));
                long out = Long.parseLong((String) a.get("gen_ai.usage.output_tokens"));
                long[] m = model.computeIfAbsent((String) a.get("gen_ai.request.model"), k -> new long[2]);
                m[0] += in;
                m[1] += out;
                long[] g = agent.computeIfAbsent((String) a.get("gen_ai.agent.name"), k -> new long[2]);
                g[0] += in;
                g[1] += out;
            }
        }
        model.forEach((k, v) -> {
            assertEquals(v[0], byModel.get(k).get("1"), k + " input tokens");
            assertEquals(v[1], byModel.get(k).get("4"), k + " output tokens");
        });
        agent.forEach((k, v) -> {
            assertEquals(v[0], byAgent.get(k).get("1"), k + " input tokens");
            assertEquals(v[1], byAgent.get(k).get("4"), k + " output tokens");
        });
        assertEquals(6.0, run(stack, "agent-sessions").get("all").get("1"));
        double traces = run(stack, "agent-traces-over-time").values().stream().mapToDouble(r -> r.get("1")).sum();
        assertEquals(SPANS.size(), traces, SPANS.size() * 0.01);
    }

    @Test
    void retriesTimeoutsApprovalsAndDenials(LocalStack stack) throws Exception {
        Map<String, Map<String, Double>> rt = run(stack, "agent-retries-timeouts");
        Map<String, Map<String, Double>> denials = run(stack, "agent-policy-denials");
        for (String tool : TOOLS) {
            long retries = SPANS.stream().filter(s -> isTool(s) && tool.equals(attrs(s).get("gen_ai.tool.name"))
                    && attrs(s).containsKey("agent_telemetry.retry.attempt")).count();
            long timeouts = SPANS.stream().filter(s -> isTool(s) && tool.equals(attrs(s).get("gen_ai.tool.name"))
                    && attrs(s).containsKey("agent_telemetry.timeout")).count();
            long denied = SPANS.stream().filter(s -> tool.equals(attrs(s).get("gen_ai.tool.name"))
                    && "deny".equals(attrs(s).get("agent_telemetry.policy.decision"))).count();
            assertEquals(retries, rt.get(tool + "|retries").get("1"), tool + " retries");
            assertEquals(timeouts, rt.get(tool + "|timeouts").get("1"), tool + " timeouts");
            assertEquals(denied, denials.getOrDefault(tool, Map.of("1", 0.0)).get("1"), tool + " denials");
        }
        Map<String, Map<String, Double>> approvals = run(stack, "agent-approvals");
        for (String decision : List.of("approved", "rejected")) {
            List<Long> waits = new ArrayList<>();
            SPANS.stream().filter(s -> decision.equals(attrs(s).get("agent_telemetry.approval.decision")))
                    .forEach(s -> waits.add(Long.parseLong((String) attrs(s).get("agent_telemetry.approval.wait_ms"))));
            assertEquals(waits.size(), approvals.get(decision).get("1"), decision);
            double got = approvals.get(decision).get("4.95");
            assertTrue(got >= percentile(waits, 90) * 0.99 && got <= percentile(waits, 100) * 1.01, decision + " p95 wait " + got);
        }
    }

    @Test
    void redactionHitsByDetectorAndSensitivityAndIngestLag(LocalStack stack) throws Exception {
        Map<String, Map<String, Double>> redactions = run(stack, "agent-redactions");
        long emails = SPANS.stream().filter(s -> String.valueOf(attrs(s).get("gen_ai.tool.call.arguments")).contains("@example.org")).count();
        long tokens = SPANS.stream().filter(s -> String.valueOf(attrs(s).get("gen_ai.tool.call.arguments")).contains("ghp_")).count();
        assertTrue(emails > 0 && tokens > 0);
        assertEquals(emails, redactions.get("EMAIL|confidential").get("1"), "e-mail hits, classified confidential: " + redactions);
        assertTrue(redactions.keySet().stream().anyMatch(k -> k.startsWith("GITHUB") && k.endsWith("|restricted")), "token hits: " + redactions);
        double tokenHits = redactions.entrySet().stream().filter(e -> e.getKey().startsWith("GITHUB")).mapToDouble(e -> e.getValue().get("1")).sum();
        assertEquals(tokens, tokenHits);
        for (Map<String, Double> row : run(stack, "agent-ingest-lag").values()) {
            assertTrue(row.get("1") >= 0 && row.get("4") < 600_000, "ingest lag " + row);
        }
    }

    @Test
    void monitorsTriggerForExactlyTheToolsTheyShould(LocalStack stack) throws Exception {
        Path dir = Stacks.repositoryRoot().resolve("packaging/dashboards/monitors");
        Set<String> slowTools = Set.of("run_sql"); // 12 s added to every run_sql call
        Set<String> failingTools = Set.of("read_file"); // a third fail; search_web 2.5%
        assertEquals(failingTools, triggered(stack, dir.resolve("tool-error-rate.json")));
        assertEquals(slowTools, triggered(stack, dir.resolve("tool-p95-latency.json")));
        JsonNode noData = Http.mapper().readTree(dir.resolve("no-data.json").toFile());
        JsonNode query = Http.mapper().readTree(noData.path("inputs").get(0).path("search").path("query").toString()
                .replace("{{period_end}}", Long.toString(System.currentTimeMillis())));
        long hits = Http.send("POST", stack.openSearch().url() + "/" + INDICES + "/_search", query.toString()).ok().json()
                .path("hits").path("total").path("value").asLong();
        assertTrue(hits > 0, "events in the last 10 minutes, so the no-data monitor stays quiet");
    }

    /**
     * Runs a bucket-level monitor's query and evaluates its trigger condition on each bucket, with the buckets_path
     * values as params (Painless itself is not in the minimal OpenSearch, see {@link MonitorConditions}).
     */
    private static Set<String> triggered(LocalStack stack, Path monitor) throws Exception {
        JsonNode m = Http.mapper().readTree(monitor.toFile());
        String query = m.path("inputs").get(0).path("search").path("query").toString()
                .replace("{{period_end}}", Long.toString(System.currentTimeMillis()));
        JsonNode condition = m.path("triggers").get(0).path("bucket_level_trigger").path("condition");
        JsonNode result = Http.send("POST", stack.openSearch().url() + "/" + INDICES + "/_search", query).ok().json();
        Set<String> tools = new HashSet<>();
        for (JsonNode b : result.path("aggregations").path(condition.path("parent_bucket_path").asText()).path("buckets")) {
            Map<String, Double> params = new HashMap<>();
            condition.path("buckets_path").fields().forEachRemaining(e -> params.put(e.getKey(), bucketValue(b, e.getValue().asText())));
            if (MonitorConditions.test(condition.path("script").path("source").asText(), params)) {
                tools.add(b.path("key").path("tool").asText());
            }
        }
        return tools;
    }

    /** A buckets_path value: _count, agg._count, agg.value, or percentiles as agg[95.0]. */
    private static double bucketValue(JsonNode bucket, String path) {
        if (path.equals("_count")) {
            return bucket.path("doc_count").asDouble();
        }
        int bracket = path.indexOf('[');
        if (bracket > 0) {
            return bucket.path(path.substring(0, bracket)).path("values").path(path.substring(bracket + 1, path.length() - 1)).asDouble();
        }
        String[] parts = path.split("\\.");
        JsonNode agg = bucket.path(parts[0]);
        return parts.length > 1 && parts[1].equals("_count") ? agg.path("doc_count").asDouble() : agg.path("value").asDouble();
    }
}
