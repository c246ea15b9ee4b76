package io.agenttelemetry.connect.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import io.agenttelemetry.connect.model.AgentEvent;
import io.agenttelemetry.connect.model.AgentEventConnect;
import io.agenttelemetry.connect.source.parse.EventParser;
import io.agenttelemetry.connect.source.parse.JsonLinesParserProvider;
import io.agenttelemetry.connect.source.parse.LineParseException;
import io.agenttelemetry.connect.source.parse.OtlpJsonParserProvider;
import io.agenttelemetry.connect.source.parse.ParserSettings;

/**
 * Parser throughput: one benchmark operation parses every line of the input once and converts each event to its
 * Connect struct, as the source does. MB/s = input bytes × ops/s. Inputs: the real CrewAI OTLP/JSON file of the
 * corpus, and 2,000 JSON-lines agent log lines like the demo's.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ParserBenchmark {
    private List<String> otlpLines;
    private List<String> jsonLines;
    private EventParser otlp;
    private EventParser jsonl;

    /** Input sizes, to turn ops/s into MB/s. */
    public static long otlpBytes;
    public static long jsonlBytes;

    @Setup
    public void setUp() throws IOException {
        Path corpus = Paths.get(System.getProperty("testdata.dir", "testdata"),
                "corpus/agent-traces/crewai-telemetry/crewai-telemetry.otlp.jsonl");
        otlpLines = Files.readAllLines(corpus, StandardCharsets.UTF_8);
        jsonLines = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            jsonLines.add(String.format("{\"ts\":\"2026-11-26T09:00:%02d.%03dZ\",\"level\":\"INFO\",\"msg\":\"tool call search_web finished\","
                    + "\"trace_id\":\"%032x\",\"span_id\":\"%016x\",\"service.name\":\"support-agent\",\"gen_ai.tool.name\":\"search_web\","
                    + "\"duration_ms\":%d,\"status\":\"ok\"}", i % 60, i % 1000, i * 7919L, i * 104729L, 20 + i % 400));
        }
        otlpBytes = otlpLines.stream().mapToLong(l -> l.getBytes(StandardCharsets.UTF_8).length + 1).sum();
        jsonlBytes = jsonLines.stream().mapToLong(l -> l.getBytes(StandardCharsets.UTF_8).length + 1).sum();
        otlp = new OtlpJsonParserProvider().create(ParserSettings.DEFAULTS);
        jsonl = new JsonLinesParserProvider().create(ParserSettings.DEFAULTS);
    }

    @Benchmark
    public void otlpJsonToStructs(Blackhole bh) throws LineParseException {
        for (String line : otlpLines) {
            for (AgentEvent e : otlp.parse(line, null)) {
                bh.consume(AgentEventConnect.toStruct(e));
            }
        }
    }

    @Benchmark
    public void jsonLinesToStructs(Blackhole bh) throws LineParseException {
        for (String line : jsonLines) {
            for (AgentEvent e : jsonl.parse(line, null)) {
                bh.consume(AgentEventConnect.toStruct(e));
            }
        }
    }
}
