package io.agenttelemetry.connect.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Adds the current OpenTelemetry GenAI names for attributes written under OpenInference, deprecated GenAI or
 * Vercel AI SDK names, keeping the originals. A current name already present always wins; the first source
 * found wins among several. The renamed originals are listed in {@code agent_telemetry.normalized_from}.
 */
public final class GenAiNormalizer {
    public static final String OPENINFERENCE_SPAN_KIND = "openinference.span.kind";

    /** Source name to current name, in order of preference. */
    private static final Map<String, String> RENAMES = new LinkedHashMap<>();
    /** OpenInference span kind to gen_ai.operation.name; kinds without a GenAI operation are left alone. */
    private static final Map<String, String> OPERATIONS = Map.of(
            "LLM", "chat",
            "TOOL", "execute_tool",
            "AGENT", "invoke_agent",
            "EMBEDDING", "embeddings");

    static {
        // Deprecated GenAI names.
        RENAMES.put("gen_ai.system", GenAiAttributes.PROVIDER_NAME);
        RENAMES.put("gen_ai.usage.prompt_tokens", GenAiAttributes.USAGE_INPUT_TOKENS);
        RENAMES.put("gen_ai.usage.completion_tokens", GenAiAttributes.USAGE_OUTPUT_TOKENS);
        // OpenInference.
        RENAMES.put("llm.provider", GenAiAttributes.PROVIDER_NAME);
        RENAMES.put("llm.system", GenAiAttributes.PROVIDER_NAME);
        RENAMES.put("llm.model_name", GenAiAttributes.REQUEST_MODEL);
        RENAMES.put("llm.token_count.prompt", GenAiAttributes.USAGE_INPUT_TOKENS);
        RENAMES.put("llm.token_count.completion", GenAiAttributes.USAGE_OUTPUT_TOKENS);
        RENAMES.put("tool.name", GenAiAttributes.TOOL_NAME);
        RENAMES.put("tool.description", "gen_ai.tool.description");
        RENAMES.put("tool_call.id", GenAiAttributes.TOOL_CALL_ID);
        RENAMES.put("session.id", GenAiAttributes.CONVERSATION_ID);
        RENAMES.put("agent.name", GenAiAttributes.AGENT_NAME);
        // Vercel AI SDK.
        RENAMES.put("ai.model.provider", GenAiAttributes.PROVIDER_NAME);
        RENAMES.put("ai.model.id", GenAiAttributes.REQUEST_MODEL);
        RENAMES.put("ai.usage.promptTokens", GenAiAttributes.USAGE_INPUT_TOKENS);
        RENAMES.put("ai.usage.completionTokens", GenAiAttributes.USAGE_OUTPUT_TOKENS);
    }

    private GenAiNormalizer() {
    }

    /** The attributes with current names added; the same map if nothing needed adding. */
    public static Map<String, String> normalize(Map<String, String> attributes) {
        Map<String, String> out = null;
        List<String> from = new ArrayList<>();
        for (Map.Entry<String, String> r : RENAMES.entrySet()) {
            String value = attributes.get(r.getKey());
            if (value != null && !(out != null ? out : attributes).containsKey(r.getValue())) {
                out = out != null ? out : new LinkedHashMap<>(attributes);
                out.put(r.getValue(), value);
                from.add(r.getKey());
            }
        }
        String kind = attributes.get(OPENINFERENCE_SPAN_KIND);
        String operation = kind == null ? null : OPERATIONS.get(kind);
        if (operation != null && !(out != null ? out : attributes).containsKey(GenAiAttributes.OPERATION_NAME)) {
            out = out != null ? out : new LinkedHashMap<>(attributes);
            out.put(GenAiAttributes.OPERATION_NAME, operation);
            from.add(OPENINFERENCE_SPAN_KIND);
        }
        if (out == null) {
            return attributes;
        }
        out.put(AgentTelemetryAttributes.NORMALIZED_FROM, String.join(",", from));
        return out;
    }
}
