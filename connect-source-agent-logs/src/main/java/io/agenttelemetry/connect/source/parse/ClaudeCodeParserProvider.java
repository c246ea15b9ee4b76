package io.agenttelemetry.connect.source.parse;

import static io.agenttelemetry.connect.source.parse.JsonLines.put;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
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
 * Claude Code and Claude Agent SDK session transcripts ({@code ~/.claude/projects/<project>/<session>.jsonl}):
 * an assistant message becomes a chat span (model, stop reason, token usage), each {@code tool_use} is held until
 * the {@code tool_result} with its id arrives and then becomes one tool-call span (tool name, arguments, result,
 * duration, error flag), user text and summaries become log events. The session id is the trace id.
 */
public final class ClaudeCodeParserProvider implements EventParserProvider {
    public static final String FORMAT = "claude-code";

    /** Tool calls waiting for their result; beyond this the oldest is emitted without one, bounding memory. */
    static final int MAX_PENDING_TOOL_CALLS = 1000;

    @Override
    public String name() {
        return FORMAT;
    }

    @Override
    public boolean sniff(String firstLine) {
        return firstLine.contains("\"sessionId\"") && (firstLine.contains("\"type\":") || firstLine.contains("\"type\" :"))
                || firstLine.contains("\"leafUuid\"");
    }

    @Override
    public EventParser create(ParserSettings settings) {
        return new ClaudeCodeParser();
    }

    /** A tool_use whose result has not been read yet. */
    private static final class PendingToolCall {
        final AgentEvent.Builder span;
        final EventSource source;

        PendingToolCall(AgentEvent.Builder span, EventSource source) {
            this.span = span;
            this.source = source;
        }
    }

    private static final class ClaudeCodeParser implements EventParser {
        private final Map<String, PendingToolCall> pending = new LinkedHashMap<>();

        @Override
        public List<AgentEvent> parse(String line, EventSource source) throws LineParseException {
            JsonNode entry = JsonLines.object(line);
            String type = JsonLines.text(entry.get("type"));
            if (type == null) {
                throw new LineParseException("no \"type\": not a Claude Code transcript entry");
            }
            Long time = Timestamps.AUTO.parse(JsonLines.text(entry.get("timestamp")));
            JsonNode message = entry.path("message");
            JsonNode content = message.path("content");
            List<AgentEvent> out = new ArrayList<>(2);
            switch (type) {
                case "assistant":
                    AgentEvent chat = chat(entry, message, time, source);
                    out.add(chat);
                    for (JsonNode block : content) {
                        if ("tool_use".equals(block.path("type").asText())) {
                            holdToolCall(entry, block, chat.spanId(), time, source, out);
                        }
                    }
                    break;
                case "user":
                    String text = text(content);
                    if (text != null) {
                        out.add(common(EventType.LOG, entry, time, source).name("user.message").body(text).build());
                    }
                    for (JsonNode block : content) {
                        if ("tool_result".equals(block.path("type").asText())) {
                            out.add(completeToolCall(entry, block, time, source));
                        }
                    }
                    break;
                case "summary":
                    out.add(common(EventType.LOG, entry, time, source).name("session.summary")
                            .body(JsonLines.text(entry.get("summary"))).build());
                    break;
                default:
                    out.add(common(EventType.LOG, entry, time, source).name("claude_code." + type)
                            .body(content.isMissingNode() ? JsonLines.text(entry.get("content")) : text(content)).build());
            }
            return out;
        }

        @Override
        public boolean holdsLines() {
            return !pending.isEmpty();
        }

        @Override
        public List<AgentEvent> finish() {
            List<AgentEvent> out = new ArrayList<>();
            pending.values().forEach(p -> out.add(p.span.build()));
            pending.clear();
            return out;
        }

        private AgentEvent chat(JsonNode entry, JsonNode message, Long time, EventSource source) {
            String model = JsonLines.text(message.get("model"));
            AgentEvent.Builder b = common(EventType.SPAN, entry, time, source)
                    .name(model == null ? "chat" : "chat " + model)
                    .kind(SpanKind.CLIENT)
                    .endTimeUnixNano(time)
                    .body(text(message.path("content")))
                    .attribute(GenAiAttributes.OPERATION_NAME, "chat")
                    .attribute(GenAiAttributes.PROVIDER_NAME, "anthropic");
            put(b, GenAiAttributes.REQUEST_MODEL, model);
            put(b, GenAiAttributes.RESPONSE_MODEL, model);
            put(b, GenAiAttributes.RESPONSE_ID, JsonLines.text(message.get("id")));
            put(b, "gen_ai.response.finish_reasons", JsonLines.text(message.get("stop_reason")));
            JsonNode usage = message.path("usage");
            put(b, GenAiAttributes.USAGE_INPUT_TOKENS, JsonLines.text(usage.get("input_tokens")));
            put(b, GenAiAttributes.USAGE_OUTPUT_TOKENS, JsonLines.text(usage.get("output_tokens")));
            put(b, "gen_ai.usage.cache_read.input_tokens", JsonLines.text(usage.get("cache_read_input_tokens")));
            put(b, "gen_ai.usage.cache_creation.input_tokens", JsonLines.text(usage.get("cache_creation_input_tokens")));
            return b.build();
        }

        private void holdToolCall(JsonNode entry, JsonNode block, String parentSpanId, Long time, EventSource source,
                                  List<AgentEvent> out) {
            String id = JsonLines.text(block.get("id"));
            String tool = JsonLines.text(block.get("name"));
            AgentEvent.Builder b = common(EventType.SPAN, entry, time, source)
                    .spanId(DerivedIds.spanId(id))
                    .parentSpanId(parentSpanId)
                    .name(tool == null ? "execute_tool" : "execute_tool " + tool)
                    .kind(SpanKind.INTERNAL)
                    .attribute(GenAiAttributes.OPERATION_NAME, "execute_tool")
                    .attribute(GenAiAttributes.TOOL_TYPE, "function");
            put(b, GenAiAttributes.TOOL_NAME, tool);
            put(b, GenAiAttributes.TOOL_CALL_ID, id);
            put(b, GenAiAttributes.TOOL_CALL_ARGUMENTS, JsonLines.text(block.get("input")));
            if (id == null) {
                out.add(b.build());
                return;
            }
            pending.put(id, new PendingToolCall(b, source));
            if (pending.size() > MAX_PENDING_TOOL_CALLS) {
                Iterator<PendingToolCall> oldest = pending.values().iterator();
                out.add(oldest.next().span.build());
                oldest.remove();
            }
        }

        private AgentEvent completeToolCall(JsonNode entry, JsonNode block, Long time, EventSource source) {
            String id = JsonLines.text(block.get("tool_use_id"));
            PendingToolCall call = id == null ? null : pending.remove(id);
            AgentEvent.Builder b;
            if (call != null) {
                b = call.span;
            } else {
                // Its tool_use was before where we started reading: a call with an end and no start.
                b = common(EventType.SPAN, entry, null, source).spanId(DerivedIds.spanId(id)).name("execute_tool")
                        .kind(SpanKind.INTERNAL).attribute(GenAiAttributes.OPERATION_NAME, "execute_tool");
                put(b, GenAiAttributes.TOOL_CALL_ID, id);
            }
            boolean error = block.path("is_error").asBoolean(false);
            String result = text(block.path("content"));
            b.endTimeUnixNano(time).statusCode(error ? StatusCode.ERROR : StatusCode.OK);
            put(b, GenAiAttributes.TOOL_CALL_RESULT, result);
            if (error) {
                b.statusMessage(result == null || result.length() <= 256 ? result : result.substring(0, 256));
                b.attribute(GenAiAttributes.ERROR_TYPE, "tool_error");
            }
            return b.build();
        }

        /** Trace (session), span (entry uuid), time, and the entry's context as attributes. */
        private static AgentEvent.Builder common(EventType type, JsonNode entry, Long time, EventSource source) {
            String session = JsonLines.text(entry.get("sessionId"));
            AgentEvent.Builder b = AgentEvent.builder(type).source(source)
                    .traceId(DerivedIds.traceId(session))
                    .spanId(DerivedIds.spanId(JsonLines.text(entry.get("uuid"))))
                    .parentSpanId(DerivedIds.spanId(JsonLines.text(entry.get("parentUuid"))))
                    .startTimeUnixNano(time)
                    .serviceName("claude-code");
            put(b, GenAiAttributes.CONVERSATION_ID, session);
            put(b, "session.id", session);
            put(b, "claude_code.uuid", JsonLines.text(entry.get("uuid")));
            put(b, "claude_code.parent_uuid", JsonLines.text(entry.get("parentUuid")));
            put(b, "claude_code.request_id", JsonLines.text(entry.get("requestId")));
            put(b, "claude_code.version", JsonLines.text(entry.get("version")));
            put(b, "claude_code.cwd", JsonLines.text(entry.get("cwd")));
            put(b, "claude_code.git_branch", JsonLines.text(entry.get("gitBranch")));
            put(b, "claude_code.user_type", JsonLines.text(entry.get("userType")));
            put(b, "claude_code.is_sidechain", JsonLines.text(entry.get("isSidechain")));
            return b;
        }

        /** Message content as text: a string as is, text blocks joined; null if it has no text. */
        private static String text(JsonNode content) {
            if (content.isTextual()) {
                return content.asText();
            }
            StringBuilder sb = new StringBuilder();
            for (JsonNode block : content) {
                if (block.isTextual()) {
                    sb.append(sb.length() > 0 ? "\n" : "").append(block.asText());
                } else if ("text".equals(block.path("type").asText())) {
                    sb.append(sb.length() > 0 ? "\n" : "").append(block.path("text").asText());
                }
            }
            return sb.length() == 0 ? null : sb.toString();
        }
    }
}
