package io.agenttelemetry.connect.benchmarks;

import java.util.LinkedHashMap;
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
 * Struct), side by side with Kafka's MaskField masking two named fields of the same schemaless event.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class MaskingBenchmark {
    private SinkRecord schemaless;
    private SinkRecord struct;
    private MaskSensitiveData.Value<SinkRecord> mask;
    private MaskField.Value<SinkRecord> maskField;

    @Setup
    public void setUp() {
        AgentEvent e = AgentEvent.builder(EventType.SPAN)
                .traceId("5b8efff798038103d269b633813fc60c").spanId("eee19b7ec3c1b174").parentSpanId("eee19b7ec3c1b173")
                .name("execute_tool search_web").kind(SpanKind.INTERNAL).serviceName("support-agent")
                .startTimeUnixNano(1_764_151_200_123_456_789L).endTimeUnixNano(1_764_151_200_623_456_789L)
                .attribute("gen_ai.operation.name", "execute_tool").attribute("gen_ai.tool.name", "search_web")
                .attribute("gen_ai.tool.call.id", "call_8x1abcDEF2345678").attribute("gen_ai.agent.name", "support-agent")
                .attribute("gen_ai.request.model", "gpt-4o-2024-08-06").attribute("gen_ai.usage.input_tokens", "812")
                .attribute("gen_ai.tool.call.arguments", "{\"query\":\"refund policy for order ORD-2024-000123\",\"locale\":\"en-US\","
                        + "\"customer\":{\"name\":\"Jane\",\"contact\":\"jane.doe@example.com\"},\"limit\":5}")
                .attribute("gen_ai.tool.call.result", "Found 3 documents about refunds. The policy allows returns within 30 days of "
                        + "delivery when the item is unused, and store credit after that. Shipping costs are refunded only when "
                        + "the item arrived damaged. Contact support for exceptions; agents may approve up to 50 USD without "
                        + "a manager. See https://support.example.com/policies/refunds for the full text, updated 2026-10-01.")
                .resourceAttribute("service.name", "support-agent").resourceAttribute("deployment.environment", "prod")
                .build();
        Struct s = AgentEventConnect.toStruct(e);
        struct = new SinkRecord("t", 0, null, null, AgentEventConnect.SCHEMA, s, 1L);
        schemaless = new SinkRecord("t", 0, null, null, null, plain(s), 1L);
        mask = new MaskSensitiveData.Value<>();
        mask.configure(Map.of());
        maskField = new MaskField.Value<>();
        maskField.configure(Map.of("fields", "name,serviceName"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> plain(Struct s) {
        return (Map<String, Object>) io.agenttelemetry.connect.model.ConnectValues.toPlain(s);
    }

    @Benchmark
    public SinkRecord maskSensitiveDataSchemaless() {
        return mask.apply(schemaless);
    }

    @Benchmark
    public SinkRecord maskSensitiveDataStruct() {
        return mask.apply(struct);
    }

    @Benchmark
    public SinkRecord kafkaMaskFieldTwoFields() {
        return maskField.apply(schemaless);
    }

    /** Size of the schemaless event as JSON, to check it is about 1 KiB. */
    public static void main(String[] args) throws Exception {
        MaskingBenchmark b = new MaskingBenchmark();
        b.setUp();
        System.out.println(new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(b.schemaless.value()).length() + " bytes");
        System.out.println(b.mask.apply(b.schemaless).headers().lastWithName("agent_telemetry.findings").value());
    }
}
