package io.agenttelemetry.connect.benchmarks;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.transforms.MaskField;
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

import io.agenttelemetry.connect.model.AgentEvent;
import io.agenttelemetry.connect.model.AgentEventConnect;
import io.agenttelemetry.connect.model.EventType;
import io.agenttelemetry.connect.model.SpanKind;
import io.agenttelemetry.connect.smt.MaskSensitiveData;

/**
 * Records/s per thread for 1 KiB agent tool-call events: MaskSensitiveData with every detector on (schemaless and
 * Struct), side by side with Kafka's MaskField masking two named fields of the same schemaless event, and with what
 * the masking costs before any detector runs ({@link MaskingFloor}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class MaskingBenchmark {
    /** Records differ in their ids, times and token counts, as real ones do, so no per-value cache sees repeats there. */
    private static final int RECORDS = 1024;
    private final SinkRecord[] schemaless = new SinkRecord[RECORDS];
    private final SinkRecord[] struct = new SinkRecord[RECORDS];
    private int next;
    private MaskSensitiveData.Value<SinkRecord> mask;
    private MaskField.Value<SinkRecord> maskField;

    @Setup
    public void setUp() {
        java.util.Random random = new java.util.Random(42);
        for (int i = 0; i < RECORDS; i++) {
            Struct s = AgentEventConnect.toStruct(event(random, i));
            struct[i] = new SinkRecord("t", 0, null, null, AgentEventConnect.SCHEMA, s, i);
            schemaless[i] = new SinkRecord("t", 0, null, null, null, plain(s), i);
        }
        mask = new MaskSensitiveData.Value<>();
        mask.configure(Map.of());
        maskField = new MaskField.Value<>();
        maskField.configure(Map.of("fields", "name,serviceName"));
    }

    private static String hex(java.util.Random random, int chars) {
        StringBuilder sb = new StringBuilder(chars);
        for (int i = 0; i < chars; i++) {
            sb.append(Character.forDigit(random.nextInt(16), 16));
        }
        return sb.toString();
    }

    static AgentEvent event(java.util.Random random, int i) {
        long start = 1_764_151_200_123_456_789L + i * 1_000_003L;
        return AgentEvent.builder(EventType.SPAN)
                .traceId(hex(random, 32)).spanId(hex(random, 16)).parentSpanId(hex(random, 16))
                .name("execute_tool search_web").kind(SpanKind.INTERNAL).serviceName("support-agent")
                .startTimeUnixNano(start).endTimeUnixNano(start + 500_000_000L + random.nextInt(1_000_000))
                .attribute("gen_ai.operation.name", "execute_tool").attribute("gen_ai.tool.name", "search_web")
                .attribute("gen_ai.tool.call.id", "call_" + hex(random, 16)).attribute("gen_ai.agent.name", "support-agent")
                .attribute("gen_ai.request.model", "gpt-4o-2024-08-06").attribute("gen_ai.usage.input_tokens", Integer.toString(200 + random.nextInt(2000)))
                .attribute("gen_ai.tool.call.arguments", "{\"query\":\"refund policy for order ORD-2024-" + (100000 + i) + "\",\"locale\":\"en-US\","
                        + "\"customer\":{\"name\":\"Jane\",\"contact\":\"jane.doe" + i + "@example.com\"},\"limit\":5}")
                .attribute("gen_ai.tool.call.result", "Found " + (i % 7) + " documents about refunds. The policy allows returns within 30 days of "
                        + "delivery when the item is unused, and store credit after that. Shipping costs are refunded only when "
                        + "the item arrived damaged. Contact support for exceptions; agents may approve up to " + (i % 90 + 10) + " USD without "
                        + "a manager. See https://support.example.com/policies/refunds for the full text, updated 2026-10-01.")
                .resourceAttribute("service.name", "support-agent").resourceAttribute("deployment.environment", "prod")
                .build();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> plain(Struct s) {
        return (Map<String, Object>) io.agenttelemetry.connect.model.ConnectValues.toPlain(s);
    }

    @Benchmark
    public SinkRecord maskSensitiveDataSchemaless() {
        return mask.apply(schemaless[next++ & (RECORDS - 1)]);
    }

    @Benchmark
    public SinkRecord maskSensitiveDataStruct() {
        return mask.apply(struct[next++ & (RECORDS - 1)]);
    }

    @Benchmark
    public SinkRecord kafkaMaskFieldTwoFields() {
        return maskField.apply(schemaless[next++ & (RECORDS - 1)]);
    }

    /** No detection, only the passes and copies full detection cannot do without ({@link MaskingFloor}). */
    @Benchmark
    @SuppressWarnings("unchecked")
    public int floorWithoutDetection() {
        Map<String, Object> value = (Map<String, Object>) schemaless[next++ & (RECORDS - 1)].value();
        return MaskingFloor.scan(value, 0) + MaskingFloor.rewriteArguments(value).size();
    }

    /** Size of the schemaless event as JSON, to check it is about 1 KiB. */
    public static void main(String[] args) throws Exception {
        MaskingBenchmark b = new MaskingBenchmark();
        b.setUp();
        System.out.println(new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(b.schemaless[0].value()).length() + " bytes");
        System.out.println(b.mask.apply(b.schemaless[0]).headers().lastWithName("agent_telemetry.findings").value());
    }
}
