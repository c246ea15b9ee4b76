package io.agenttelemetry.connect.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.kafka.connect.sink.SinkRecord;
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

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.agenttelemetry.connect.smt.MaskSensitiveData;

/**
 * MaskSensitiveData with every detector on over real agent telemetry: each JSON document of the corpus's agent traces
 * and logs (OTLP/JSON requests, OpenInference and GenAI spans, Claude Code transcripts, OpenAI Agents SDK payloads),
 * schemaless as a JSON converter hands it over. One operation masks every document once; MB/s = the documents' JSON
 * bytes × ops/s. Unlike the one synthetic event of {@link MaskingBenchmark}, this has the corpus's mix of ids,
 * times, numbers as strings, JSON in strings and prose.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class MaskingCorpusBenchmark {
    private List<SinkRecord> records;
    private MaskSensitiveData.Value<SinkRecord> mask;

    @Setup
    public void setUp() throws IOException {
        records = new ArrayList<>();
        for (Object document : documents()) {
            records.add(new SinkRecord("t", 0, null, null, null, document, records.size()));
        }
        mask = new MaskSensitiveData.Value<>();
        mask.configure(Map.of());
    }

    /** Every JSON document of the agent corpus, as plain maps, lists and values. */
    static List<Object> documents() throws IOException {
        Path corpus = Paths.get(System.getProperty("testdata.dir", "testdata"), "corpus");
        ObjectMapper json = new ObjectMapper();
        List<Object> out = new ArrayList<>();
        for (String dir : List.of("agent-traces", "agent-logs")) {
            List<Path> files;
            try (Stream<Path> walk = Files.walk(corpus.resolve(dir))) {
                files = walk.filter(f -> f.toString().endsWith(".json") || f.toString().endsWith(".jsonl")).sorted()
                        .collect(Collectors.toList());
            }
            for (Path f : files) {
                try (MappingIterator<Object> values = json.readerFor(Object.class).readValues(f.toFile())) {
                    values.forEachRemaining(out::add);
                }
            }
        }
        return out;
    }

    /** The documents' size as compact JSON. */
    static long bytes(List<Object> documents) throws IOException {
        ObjectMapper json = new ObjectMapper();
        long total = 0;
        for (Object document : documents) {
            total += json.writeValueAsBytes(document).length;
        }
        return total;
    }

    @Benchmark
    public void maskAgentCorpus(Blackhole bh) {
        for (SinkRecord r : records) {
            bh.consume(mask.apply(r));
        }
    }
}
