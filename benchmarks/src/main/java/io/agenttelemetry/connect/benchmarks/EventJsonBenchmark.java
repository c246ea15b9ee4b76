package io.agenttelemetry.connect.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.connect.json.JsonConverter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import io.agenttelemetry.connect.model.AgentEvent;
import io.agenttelemetry.connect.model.AgentEventConnect;
import io.agenttelemetry.connect.model.AgentEventJson;
import io.agenttelemetry.connect.model.EventSource;
import io.agenttelemetry.connect.source.parse.EventParser;
import io.agenttelemetry.connect.source.parse.EventParsers;
import io.agenttelemetry.connect.source.parse.LineParseException;
import io.agenttelemetry.connect.source.parse.ParserSettings;

/**
 * The source's value for one event, from the parsed event to the bytes the producer sends, on the events of the
 * source benchmark (1 KiB JSON-lines agent events, 1.5 KB as events): with {@code value.format=json} the source
 * writes the JSON itself, a batch at a time; with {@code value.format=struct} it builds the Connect struct and the
 * worker's JsonConverter (without schemas) writes the same bytes. Also the whole of what the source adds to a line
 * that FileStreamSource only moves: parsing it, normalizing it and writing it. Throughput in events/s.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class EventJsonBenchmark {
    static final int EVENTS = 1000;

    private List<AgentEvent> events;
    private List<String> lines;
    private EventParser parser;
    private final EventSource source = EventSource.create("/var/log/agents/agent-events.jsonl", 0, "jsonl");
    private JsonConverter converter;

    @Setup
    public void setUp() throws LineParseException {
        parser = EventParsers.load().get("jsonl").create(ParserSettings.DEFAULTS);
        Random random = new Random(7);
        events = new ArrayList<>();
        lines = new ArrayList<>();
        for (int i = 0; i < EVENTS; i++) {
            lines.add(SourceThroughputBenchmark.eventLine(random, i));
            events.addAll(parser.parse(lines.get(i), null));
        }
        converter = new JsonConverter();
        converter.configure(Map.of("schemas.enable", "false"), false);
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public void jsonValueFormat(Blackhole bh) {
        try (AgentEventJson.Writer json = new AgentEventJson.Writer()) {
            for (AgentEvent e : events) {
                bh.consume(json.toBytes(e));
            }
        }
    }

    /**
     * What the source does for a line beyond what FileStreamSource does: parse and normalize it into an event and
     * write the event's JSON (value.format=json).
     */
    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public void parseAndWriteJson(Blackhole bh) throws LineParseException {
        try (AgentEventJson.Writer json = new AgentEventJson.Writer()) {
            for (String line : lines) {
                for (AgentEvent e : parser.parse(line, source)) {
                    bh.consume(json.toBytes(e));
                }
            }
        }
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public void structThroughJsonConverter(Blackhole bh) {
        for (AgentEvent e : events) {
            bh.consume(converter.fromConnectData("t", AgentEventConnect.SCHEMA, AgentEventConnect.toStruct(e)));
        }
    }
}
