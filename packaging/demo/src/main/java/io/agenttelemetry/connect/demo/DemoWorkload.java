package io.agenttelemetry.connect.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.agenttelemetry.connect.model.otlp.OtlpJsonParser;
import io.agenttelemetry.connect.model.otlp.OtlpParseException;

/**
 * Files for the pipeline to read: real OTLP/JSON traces from the corpus, and a JSON-lines agent log written here
 * (tool calls with latencies and errors). Knows how many events it wrote, by parsing them as the source will.
 */
final class DemoWorkload {
    private static final String[] TOOLS = {"search_web", "read_file", "run_sql", "send_email", "create_ticket"};
    private static final ObjectMapper JSON = new ObjectMapper();

    private long events;

    long events() {
        return events;
    }

    /** Copies each corpus file as one JSON object per line (the OTel Collector file exporter layout). */
    void copyOtlpTraces(List<Path> corpusFiles, Path logDir) throws IOException, OtlpParseException {
        OtlpJsonParser parser = new OtlpJsonParser();
        for (Path src : corpusFiles) {
            StringBuilder out = new StringBuilder();
            List<String> lines = src.toString().endsWith(".jsonl")
                    ? Files.readAllLines(src, StandardCharsets.UTF_8)
                    : List.of(JSON.readTree(src.toFile()).toString());
            for (String line : lines) {
                if (!line.isBlank()) {
                    events += parser.parse(line, null).size();
                    out.append(line).append('\n');
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
            boolean error = random.nextDouble() < 0.04;
            t = t.plusMillis(50 + random.nextInt(2000));
            out.append(String.format(Locale.ROOT,
                    "{\"ts\":\"%s\",\"level\":\"%s\",\"msg\":\"tool call %s %s\",\"trace_id\":\"%032x\",\"span_id\":\"%016x\","
                            + "\"service.name\":\"support-agent\",\"gen_ai.tool.name\":\"%s\",\"duration_ms\":%d,\"status\":\"%s\"}%n",
                    t, error ? "ERROR" : "INFO", tool, error ? "failed" : "finished", random.nextLong() & Long.MAX_VALUE,
                    random.nextLong() & Long.MAX_VALUE, tool, ms, error ? "error" : "ok"));
        }
        Files.writeString(file, out, StandardCharsets.UTF_8);
        events += calls;
    }
}
