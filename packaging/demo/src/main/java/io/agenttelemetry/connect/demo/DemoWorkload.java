package io.agenttelemetry.connect.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.agenttelemetry.connect.model.AgentTelemetryAttributes;
import io.agenttelemetry.connect.source.parse.EventParser;
import io.agenttelemetry.connect.source.parse.EventParserProvider;
import io.agenttelemetry.connect.source.parse.EventParsers;
import io.agenttelemetry.connect.source.parse.LineParseException;
import io.agenttelemetry.connect.source.parse.ParserSettings;

/**
 * Files for the pipeline to read: real OTLP/JSON traces and Claude Code transcripts from the corpus, and a JSON-lines agent log written here
 * (tool calls with latencies, errors, retries, timeouts, human approvals and policy denials, and secrets and PII
 * planted in tool arguments and messages). Knows how many events it wrote, by parsing them as the source will, and
 * which values it planted, so the demo can look for them everywhere they must not be.
 */
final class DemoWorkload {
    private static final String[] TOOLS = {"search_web", "read_file", "run_sql", "send_email", "create_ticket"};
    private static final String[] AGENTS = {"triage-agent", "billing-agent", "ops-agent"};
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    private long events;
    private final List<String> planted = new java.util.ArrayList<>();

    long events() {
        return events;
    }

    /** Every secret and PII value written into the files. Made up here from a seed: none is a real credential. */
    List<String> planted() {
        return planted;
    }

    /**
     * Copies real corpus files into the log directory, a JSON document per line (the OTel Collector file exporter
     * layout for OTLP files), and counts their events with the source's own parsers, as the source will read them.
     */
    void copyCorpusFiles(List<Path> corpusFiles, Path logDir) throws IOException {
        EventParsers parsers = EventParsers.load();
        for (Path src : corpusFiles) {
            List<String> lines = src.toString().endsWith(".jsonl")
                    ? Files.readAllLines(src, StandardCharsets.UTF_8)
                    : List.of(JSON.readTree(src.toFile()).toString());
            StringBuilder out = new StringBuilder();
            EventParser parser = null;
            for (String line : lines) {
                if (line.isBlank()) {
                    continue;
                }
                out.append(line).append('\n');
                if (parser == null) {
                    EventParserProvider provider = parsers.sniff(line);
                    if (provider == null) {
                        throw new IllegalStateException("the source would not recognize " + src);
                    }
                    parser = provider.create(ParserSettings.DEFAULTS);
                }
                try {
                    events += parser.parse(line, null).size();
                } catch (LineParseException e) {
                    // An unreadable line goes to the error topic, not among the events.
                }
            }
            Files.writeString(logDir.resolve(src.getFileName().toString().replaceAll("\\.json$", ".jsonl")), out);
        }
    }

    /** A JSON-lines application log of an agent's tool calls. */
    void writeAgentLog(Path file, int calls, long seed) throws IOException {
        Random random = new Random(seed);
        StringBuilder out = new StringBuilder();
        Instant t = Instant.parse("2026-11-26T09:00:00Z");
        for (int i = 0; i < calls; i++) {
            String tool = TOOLS[random.nextInt(TOOLS.length)];
            // Log-normal latencies, as tool calls have: most fast, a long tail.
            long ms = Math.round(Math.exp(4.5 + random.nextGaussian() * 0.8));
            boolean timeout = random.nextDouble() < 0.01;
            boolean error = timeout || random.nextDouble() < 0.03;
            t = t.plusMillis(50 + random.nextInt(2000));
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("ts", t.toString());
            line.put("level", error ? "ERROR" : "INFO");
            line.put("msg", "tool call " + tool + " " + (error ? "failed" : "finished"));
            line.put("trace_id", String.format("%032x", random.nextLong() & Long.MAX_VALUE));
            line.put("span_id", String.format("%016x", random.nextLong() & Long.MAX_VALUE));
            line.put("service.name", "support-agent");
            line.put("gen_ai.agent.name", AGENTS[random.nextInt(AGENTS.length)]);
            line.put("gen_ai.tool.name", tool);
            line.put("duration_ms", timeout ? 30_000 : ms);
            line.put("status", error ? "error" : "ok");
            if (random.nextDouble() < 0.08) {
                line.put(AgentTelemetryAttributes.RETRY_ATTEMPT, 2 + random.nextInt(2));
            }
            if (timeout) {
                line.put(AgentTelemetryAttributes.TIMEOUT, true);
                line.put(AgentTelemetryAttributes.TIMEOUT_MS, 30_000);
            }
            if (tool.equals("send_email") && random.nextDouble() < 0.5) {
                boolean approved = random.nextDouble() < 0.85;
                line.put(AgentTelemetryAttributes.APPROVAL_STATE, "decided");
                line.put(AgentTelemetryAttributes.APPROVAL_DECISION, approved ? "approved" : "rejected");
                line.put(AgentTelemetryAttributes.APPROVAL_WAIT_MS, Math.round(Math.exp(9 + random.nextGaussian())));
            }
            if (tool.equals("run_sql") && random.nextDouble() < 0.1) {
                line.put(AgentTelemetryAttributes.POLICY_DECISION, "deny");
                line.put(AgentTelemetryAttributes.POLICY_NAME, "no-prod-writes");
                line.put("level", "WARN");
            }
            if (i % 20 == 7) {
                plantSecrets(line, random);
            }
            out.append(JSON.writeValueAsString(line)).append('\n');
        }
        Files.writeString(file, out, StandardCharsets.UTF_8);
        events += calls;
    }

    /** Secrets and PII where agents leak them: inside JSON tool arguments and in free-text messages. */
    private void plantSecrets(Map<String, Object> line, Random random) throws IOException {
        String github = plant("ghp_" + random(random, ALNUM, 36));
        String aws = plant("AKIA" + random(random, BASE32, 16));
        String email = plant("customer" + random.nextInt(1_000_000) + "@example.org");
        String card = plant(card(random));
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("query", "deploy the hotfix with credentials " + aws + " and token " + github);
        args.put("notify", email);
        args.put("note", "customer paid with card " + card);
        line.put("gen_ai.tool.call.arguments", JSON.writeValueAsString(args));
        line.put("msg", line.get("msg") + " for " + email);
    }

    private String plant(String value) {
        planted.add(value);
        return value;
    }

    private static String random(Random random, String alphabet, int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    /** A Luhn-valid 16-digit number starting with 4, written in groups of four. */
    private static String card(Random random) {
        int[] d = new int[16];
        d[0] = 4;
        for (int i = 1; i < 15; i++) {
            d[i] = random.nextInt(10);
        }
        int sum = 0;
        for (int i = 0; i < 15; i++) {
            int v = d[14 - i];
            if (i % 2 == 0) {
                v *= 2;
                v = v > 9 ? v - 9 : v;
            }
            sum += v;
        }
        d[15] = (10 - sum % 10) % 10;
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            sb.append(i > 0 && i % 4 == 0 ? " " : "").append(d[i]);
        }
        return sb.toString();
    }
}
