package io.agenttelemetry.connect.model;

import java.util.Map;

/** Events with every field set, for round-trip tests. */
final class SampleEvents {
    private SampleEvents() {
    }

    static AgentEvent toolCallSpan() {
        return AgentEvent.builder(EventType.SPAN)
                .traceId("5B8EFFF798038103D269B633813FC60C")
                .spanId("EEE19B7EC3C1B174")
                .parentSpanId("EEE19B7EC3C1B173")
                .name("execute_tool search_web")
                .kind(SpanKind.INTERNAL)
                .startTimeUnixNano(1_744_222_695_480_680_000L)
                .endTimeUnixNano(1_744_222_695_481_477_000L)
                .statusCode(StatusCode.ERROR)
                .statusMessage("tool timed out")
                .serviceName("support-agent")
                .scopeName("openinference.instrumentation.openai_agents")
                .scopeVersion("1.2.3")
                .resourceAttribute("service.name", "support-agent")
                .resourceAttribute("deployment.environment", "prod")
                .attribute(GenAiAttributes.OPERATION_NAME, "execute_tool")
                .attribute(GenAiAttributes.TOOL_NAME, "search_web")
                .attribute(GenAiAttributes.TOOL_CALL_ID, "call_8x1")
                .attribute(GenAiAttributes.TOOL_CALL_ARGUMENTS, "{\"query\":\"weather in Tokyo\"}")
                .attribute(AgentTelemetryAttributes.RETRY_ATTEMPT, "2")
                .attribute(AgentTelemetryAttributes.TIMEOUT, "true")
                .event(SpanEvent.create("exception", 1_744_222_695_481_000_000L,
                        Map.of("exception.type", "TimeoutError", "exception.message", "no answer in 30s")))
                .source(EventSource.create("/var/log/agents/traces.jsonl", 4096L, "otlp-json"))
                .build();
    }

    static AgentEvent logRecord() {
        return AgentEvent.builder(EventType.LOG)
                .traceId("5b8efff798038103d269b633813fc60c")
                .startTimeUnixNano(1_544_712_660_300_000_000L)
                .severityText("ERROR")
                .severityNumber(17)
                .body("Traceback (most recent call last):\n  File \"agent.py\", line 3\nValueError: bad tool")
                .serviceName("support-agent")
                .build();
    }
}
