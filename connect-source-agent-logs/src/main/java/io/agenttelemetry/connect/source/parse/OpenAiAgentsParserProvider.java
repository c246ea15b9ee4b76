package io.agenttelemetry.connect.source.parse;

import static io.agenttelemetry.connect.source.parse.JsonLines.put;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.agenttelemetry.connect.model.AgentEvent;
import io.agenttelemetry.connect.model.EventSource;
import io.agenttelemetry.connect.model.EventType;
import io.agenttelemetry.connect.model.GenAiAttributes;
import io.agenttelemetry.connect.model.SpanKind;
import io.agenttelemetry.connect.model.StatusCode;

/**
 * OpenAI Agents SDK trace exports: per line, a trace-ingest payload {@code {"data":[item,...]}}, a single item, or a
 * recorded request whose {@code body} is such a payload. A {@code trace.span} becomes a span named and attributed
 * after its {@code span_data.type} (agent, function = tool call, response/generation = model call, handoff,
 * guardrail, custom); a {@code trace} item becomes a log event carrying the workflow name. Every
 * {@code span_data} field is kept as an {@code openai_agents.span_data.*} attribute.
 */
public final class OpenAiAgentsParserProvider implements EventParserProvider {
    public static final String FORMAT = "openai-agents";

    private static final String DATA_PREFIX = "openai_agents.span_data.";

    @Override
    public String name() {
        return FORMAT;
    }

    @Override
    public boolean sniff(String firstLine) {
        return firstLine.contains("\"trace.span\"") || firstLine.contains("\"object\": \"trace\"")
                || firstLine.contains("\"object\":\"trace\"");
    }

    @Override
    public EventParser create(ParserSettings settings) {
        return (line, source) -> {
            JsonNode root = JsonLines.object(line);
            JsonNode body = root.has("body") ? root.get("body") : root;
            if (body.isTextual()) {
                body = JsonLines.parse(body.asText());
            }
            JsonNode items = body.has("data") ? body.get("data") : body.has("object") ? body : null;
            if (items == null) {
                throw new LineParseException("neither a trace-ingest payload {\"data\":[...]} nor a trace or trace.span item");
            }
            List<AgentEvent> out = new ArrayList<>();
            for (JsonNode item : items.isArray() ? items : List.of(items)) {
                AgentEvent e = item(item, source);
                if (e != null) {
                    out.add(e);
                }
            }
            return out;
        };
    }

    private static AgentEvent item(JsonNode item, EventSource source) throws LineParseException {
        String object = item.path("object").asText();
        if ("trace".equals(object)) {
            String workflow = JsonLines.text(item.get("workflow_name"));
            AgentEvent.Builder b = AgentEvent.builder(EventType.LOG).source(source).name("openai_agents.trace")
                    .traceId(DerivedIds.traceId(stripPrefix(JsonLines.text(item.get("id")), "trace_")))
                    .serviceName("openai-agents").body(workflow);
            put(b, "openai_agents.trace.id", JsonLines.text(item.get("id")));
            put(b, "openai_agents.workflow_name", workflow);
            put(b, "openai_agents.group_id", JsonLines.text(item.get("group_id")));
            put(b, GenAiAttributes.CONVERSATION_ID, JsonLines.text(item.get("group_id")));
            put(b, "openai_agents.metadata", JsonLines.text(item.get("metadata")));
            return b.build();
        }
        if (!"trace.span".equals(object)) {
            return null;
        }
        JsonNode data = item.path("span_data");
        String type = data.path("type").asText("custom");
        AgentEvent.Builder b = AgentEvent.builder(EventType.SPAN).source(source)
                .traceId(DerivedIds.traceId(stripPrefix(JsonLines.text(item.get("trace_id")), "trace_")))
                .spanId(DerivedIds.spanId(JsonLines.text(item.get("id"))))
                .parentSpanId(DerivedIds.spanId(JsonLines.text(item.get("parent_id"))))
                .startTimeUnixNano(Timestamps.AUTO.parse(JsonLines.text(item.get("started_at"))))
                .endTimeUnixNano(Timestamps.AUTO.parse(JsonLines.text(item.get("ended_at"))))
                .serviceName("openai-agents")
                .kind(SpanKind.INTERNAL)
                .statusCode(StatusCode.UNSET);
        put(b, "openai_agents.trace.id", JsonLines.text(item.get("trace_id")));
        put(b, "openai_agents.span.id", JsonLines.text(item.get("id")));
        put(b, "openai_agents.parent.id", JsonLines.text(item.get("parent_id")));
        for (Iterator<Map.Entry<String, JsonNode>> it = data.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            put(b, DATA_PREFIX + f.getKey(), JsonLines.text(f.getValue()));
        }
        String name = JsonLines.text(data.get("name"));
        switch (type) {
            case "agent":
                b.name(name == null ? "invoke_agent" : "invoke_agent " + name).attribute(GenAiAttributes.OPERATION_NAME, "invoke_agent");
                put(b, GenAiAttributes.AGENT_NAME, name);
                break;
            case "function":
                b.name(name == null ? "execute_tool" : "execute_tool " + name)
                        .attribute(GenAiAttributes.OPERATION_NAME, "execute_tool").attribute(GenAiAttributes.TOOL_TYPE, "function");
                put(b, GenAiAttributes.TOOL_NAME, name);
                put(b, GenAiAttributes.TOOL_CALL_ARGUMENTS, JsonLines.text(data.get("input")));
                put(b, GenAiAttributes.TOOL_CALL_RESULT, JsonLines.text(data.get("output")));
                break;
            case "response":
            case "generation":
                String model = JsonLines.text(data.get("model"));
                b.name(model == null ? "chat" : "chat " + model).kind(SpanKind.CLIENT)
                        .attribute(GenAiAttributes.OPERATION_NAME, "chat").attribute(GenAiAttributes.PROVIDER_NAME, "openai");
                put(b, GenAiAttributes.REQUEST_MODEL, model);
                put(b, GenAiAttributes.RESPONSE_ID, JsonLines.text(data.get("response_id")));
                JsonNode usage = data.path("usage");
                put(b, GenAiAttributes.USAGE_INPUT_TOKENS, JsonLines.text(usage.get("input_tokens")));
                put(b, GenAiAttributes.USAGE_OUTPUT_TOKENS, JsonLines.text(usage.get("output_tokens")));
                break;
            case "handoff":
                b.name("handoff");
                put(b, "openai_agents.handoff.from_agent", JsonLines.text(data.get("from_agent")));
                put(b, "openai_agents.handoff.to_agent", JsonLines.text(data.get("to_agent")));
                break;
            default:
                b.name(name == null ? type : type + " " + name);
        }
        JsonNode error = item.get("error");
        if (error != null && !error.isNull()) {
            b.statusCode(StatusCode.ERROR).statusMessage(JsonLines.text(error.get("message")));
            put(b, GenAiAttributes.ERROR_TYPE, "openai_agents." + type + "_error");
            put(b, "openai_agents.error.data", JsonLines.text(error.get("data")));
        }
        return b.build();
    }

    private static String stripPrefix(String id, String prefix) {
        return id != null && id.startsWith(prefix) ? id.substring(prefix.length()) : id;
    }
}
