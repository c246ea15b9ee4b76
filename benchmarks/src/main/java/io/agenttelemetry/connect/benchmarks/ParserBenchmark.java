package io.agenttelemetry.connect.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import io.agenttelemetry.connect.model.AgentEvent;
import io.agenttelemetry.connect.model.AgentEventConnect;
import io.agenttelemetry.connect.source.parse.EventParser;
import io.agenttelemetry.connect.source.parse.EventParserProvider;
import io.agenttelemetry.connect.source.parse.EventParsers;
import io.agenttelemetry.connect.source.parse.LineParseException;
import io.agenttelemetry.connect.source.parse.ParserSettings;
import io.agenttelemetry.connect.source.parse.Timestamps;

/**
 * Parser throughput per format: one benchmark operation parses every line of the format's input with a fresh
 * parser (parsers hold state across a file's lines) and converts each event to its Connect struct, as the source
 * does. MB/s = input bytes × ops/s. Inputs: the real CrewAI OTLP/JSON file, the Claude Code transcripts and OpenAI
 * Agents SDK payloads of the corpus (repeated to about 300 KB), 2,000 JSON-lines agent log lines like the demo's,
 * and 2,000 text log events of which every fifth is a five-line Python traceback.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ParserBenchmark {
    @Param({"otlp-json", "claude-code", "openai-agents", "jsonl", "text"})
    public String format;

    private List<String> lines;
    private EventParserProvider provider;
    private ParserSettings settings;

    @Setup
    public void setUp() throws IOException {
        lines = input(format);
        provider = EventParsers.load().get(format);
        settings = settings(format);
    }

    static ParserSettings settings(String format) {
        if (!format.equals("text")) {
            return ParserSettings.DEFAULTS;
        }
        return new ParserSettings(Timestamps.of("yyyy-MM-dd HH:mm:ss,SSS", "UTC"), Map.of(),
                Pattern.compile("^(?<time>\\S+ \\S+) (?<level>[A-Z]+) \\[(?<service>[^\\]]+)\\] (?<message>.*)$"),
                Pattern.compile("^\\d{4}-\\d{2}-\\d{2} "), false, 500, 2000, 1 << 20, Map.of());
    }

    /** The lines of a format's input. */
    static List<String> input(String format) throws IOException {
        Path corpus = Paths.get(System.getProperty("testdata.dir", "testdata"), "corpus");
        List<String> out = new ArrayList<>();
        switch (format) {
            case "otlp-json":
                return Files.readAllLines(corpus.resolve("agent-traces/crewai-telemetry/crewai-telemetry.otlp.jsonl"), StandardCharsets.UTF_8);
            case "claude-code":
                List<String> session = Files.readAllLines(corpus.resolve("agent-logs/claude-code/claude-code-log_representative_messages.jsonl"));
                while (bytes(out) < 300_000) {
                    out.addAll(session);
                }
                return out;
            case "openai-agents":
                List<String> payloads = Files.readAllLines(corpus.resolve("agent-logs/openai-agents-sdk/openai-traces-ingest-payloads.jsonl"));
                while (bytes(out) < 300_000) {
                    out.addAll(payloads);
                }
                return out;
            case "jsonl":
                for (int i = 0; i < 2000; i++) {
                    out.add(String.format("{\"ts\":\"2026-11-26T09:00:%02d.%03dZ\",\"level\":\"INFO\",\"msg\":\"tool call search_web finished\","
                            + "\"trace_id\":\"%032x\",\"span_id\":\"%016x\",\"service.name\":\"support-agent\",\"gen_ai.tool.name\":\"search_web\","
                            + "\"duration_ms\":%d,\"status\":\"ok\"}", i % 60, i % 1000, i * 7919L, i * 104729L, 20 + i % 400));
                }
                return out;
            default:
                for (int i = 0; i < 2000; i++) {
                    out.add(String.format("2026-11-26 09:00:%02d,%03d %s [planner] tool call %d %s", i % 60, i % 1000,
                            i % 5 == 0 ? "ERROR" : "INFO", i, i % 5 == 0 ? "failed" : "finished"));
                    if (i % 5 == 0) {
                        out.add("Traceback (most recent call last):");
                        out.add("  File \"/app/agent/tools.py\", line 42, in run");
                        out.add("    result = tool(**arguments)");
                        out.add("TimeoutError: search_web took longer than 30 s");
                    }
                }
                return out;
        }
    }

    static long bytes(List<String> lines) {
        return lines.stream().mapToLong(l -> l.getBytes(StandardCharsets.UTF_8).length + 1).sum();
    }

    @Benchmark
    public void parseToStructs(Blackhole bh) throws LineParseException {
        EventParser parser = provider.create(settings);
        for (String line : lines) {
            for (AgentEvent e : parser.parse(line, null)) {
                bh.consume(AgentEventConnect.toStruct(e));
            }
        }
        for (AgentEvent e : parser.finish()) {
            bh.consume(AgentEventConnect.toStruct(e));
        }
    }
}
