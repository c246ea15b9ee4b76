package io.agenttelemetry.connect.benchmarks;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Every benchmark side by side with its baseline in one run, printed as one Markdown table (ours, baseline,
 * ratio, goal, pass/fail), for BENCHMARKS.md. About 17 minutes on 2 cores.
 * Usage: {@code java -cp "benchmarks/target/classes:$(cat benchmarks/target/benchmarks.classpath)"
 * io.agenttelemetry.connect.benchmarks.BenchmarkSuite [source-megabytes] [sink-events]}.
 */
public final class BenchmarkSuite {
    private BenchmarkSuite() {
    }

    public static void main(String[] args) throws Exception {
        int megabytes = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int events = args.length > 1 ? Integer.parseInt(args[1]) : 200_000;
        Path root = Paths.get("").toAbsolutePath();
        List<Result> rows = new ArrayList<>();
        rows.addAll(masking());
        rows.addAll(parsers());
        rows.addAll(eventJson());
        rows.addAll(SourceThroughputBenchmark.run(root, megabytes));
        rows.addAll(SinkThroughputBenchmark.run(root, events));
        System.out.println();
        System.out.println(Result.header());
        rows.forEach(r -> System.out.println(r.markdown()));
    }

    private static Collection<RunResult> jmh(String include) throws Exception {
        // Two forks: the JIT's choices in one fork moved a run's score by up to 20%.
        Options options = new OptionsBuilder().include(include).forks(2).warmupIterations(3).warmupTime(TimeValue.seconds(2))
                .measurementIterations(5).measurementTime(TimeValue.seconds(2)).build();
        return new Runner(options).run();
    }

    private static double score(Collection<RunResult> results, String method) {
        for (RunResult r : results) {
            if (r.getParams().getBenchmark().endsWith("." + method)) {
                return r.getPrimaryResult().getScore();
            }
        }
        throw new IllegalStateException("no result for " + method);
    }

    private static List<Result> masking() throws Exception {
        Collection<RunResult> r = jmh(MaskingBenchmark.class.getSimpleName());
        double maskField = score(r, "kafkaMaskFieldTwoFields");
        List<Result> rows = new ArrayList<>();
        for (String method : List.of("maskSensitiveDataSchemaless", "maskSensitiveDataStruct")) {
            double ours = score(r, method);
            rows.add(new Result("Masking (1 thread)", method + ", all detectors", ours, "MaskField, 2 fields", maskField, "records/s",
                    1.0 / 3, ">= 100k/s and >= 1/3 of MaskField" + (ours >= 100_000 ? "" : " (100k/s: fail)")));
        }
        rows.add(new Result("Masking (1 thread)", "the floor: every string read once by an automaton, the JSON arguments parsed "
                + "and written again, no detector", score(r, "floorWithoutDetection"), "MaskField, 2 fields", maskField, "records/s",
                0, "reported"));
        Collection<RunResult> corpus = jmh(MaskingCorpusBenchmark.class.getSimpleName());
        List<Object> documents = MaskingCorpusBenchmark.documents();
        rows.add(new Result("Masking (1 thread)", "the agent corpus's " + documents.size() + " documents, schemaless, all detectors",
                score(corpus, "maskAgentCorpus") * MaskingCorpusBenchmark.bytes(documents) / 1e6, "none", 0, "MB/s", 0, "reported"));
        return rows;
    }

    private static List<Result> eventJson() throws Exception {
        Collection<RunResult> r = jmh(EventJsonBenchmark.class.getSimpleName());
        return List.of(new Result("Source values (1 thread)", "value.format=json: the source writes each event's JSON",
                score(r, "jsonValueFormat"), "value.format=struct: the struct, written by the worker's JsonConverter",
                score(r, "structThroughJsonConverter"), "events/s", 0, "reported"),
                new Result("Source values (1 thread)", "the source benchmark's 1 KiB lines parsed, normalized and written as JSON",
                        score(r, "parseAndWriteJson"), "none", 0, "events/s", 0, "reported"));
    }

    private static List<Result> parsers() throws Exception {
        Collection<RunResult> r = jmh(ParserBenchmark.class.getSimpleName());
        List<Result> rows = new ArrayList<>();
        for (RunResult run : r) {
            String format = run.getParams().getParam("format");
            double mbPerSecond = run.getPrimaryResult().getScore() * ParserBenchmark.bytes(ParserBenchmark.input(format)) / 1e6;
            rows.add(new Result("Parsers (1 thread)", format + " → Connect structs", mbPerSecond, "none", 0, "MB/s", 0, "reported"));
        }
        return rows;
    }
}
