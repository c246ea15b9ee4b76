package io.agenttelemetry.connect.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class GenAiNormalizerTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A flat attribute map from the corpus, values rendered as strings the way the OTLP parser renders them. */
    private static Map<String, String> attributes(JsonNode node) {
        Map<String, String> out = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().isValueNode() ? e.getValue().asText() : e.getValue().toString()));
        return out;
    }

    private static Map<String, String> fixture(String name) throws IOException {
        return attributes(JSON.readTree(TestData.path("corpus/agent-traces/openinference-genai-mapping/" + name).toFile()));
    }

    @Test
    void openInferenceLlmSpanGetsCurrentGenAiNamesAndKeepsItsOwn() throws IOException {
        Map<String, String> in = fixture("openinference_client_span_tool_calls.json");
        Map<String, String> out = GenAiNormalizer.normalize(in);
        assertEquals("chat", out.get("gen_ai.operation.name"));
        assertEquals("gpt-4-0613", out.get("gen_ai.request.model"));
        assertEquals("openai", out.get("gen_ai.provider.name"));
        assertEquals("97", out.get("gen_ai.usage.input_tokens"));
        assertEquals("52", out.get("gen_ai.usage.output_tokens"));
        for (String original : in.keySet()) {
            assertEquals(in.get(original), out.get(original), original + " kept");
        }
        assertEquals("llm.provider,llm.model_name,llm.token_count.prompt,llm.token_count.completion,openinference.span.kind",
                out.get("agent_telemetry.normalized_from"));
        assertTrue(out.get("input.value").startsWith("{\"model\""), "JSON inside strings stays a string");
    }

    @Test
    void currentNamesAreNeverOverwritten() throws IOException {
        Map<String, String> current = fixture("otel_genai_client_span_tool_calls.json");
        assertSame(current, GenAiNormalizer.normalize(current), "already current: untouched");
        Map<String, String> mixed = new LinkedHashMap<>(current);
        mixed.put("gen_ai.system", "something-else");
        Map<String, String> out = GenAiNormalizer.normalize(mixed);
        assertEquals(current.get("gen_ai.provider.name"), out.get("gen_ai.provider.name"));
    }

    @Test
    void deprecatedGenAiAndVercelNamesAreMapped() throws IOException {
        Map<String, String> deprecated = Map.of("gen_ai.system", "openai", "gen_ai.usage.prompt_tokens", "10", "gen_ai.usage.completion_tokens", "3");
        Map<String, String> out = GenAiNormalizer.normalize(deprecated);
        assertEquals("openai", out.get("gen_ai.provider.name"));
        assertEquals("10", out.get("gen_ai.usage.input_tokens"));
        assertEquals("3", out.get("gen_ai.usage.output_tokens"));

        JsonNode vercel = JSON.readTree(TestData.path("corpus/agent-traces/vercel-ai-sdk/openinference-vercel-v6-all-spans.json").toFile());
        int withModel = 0;
        for (JsonNode span : vercel) {
            Map<String, String> a = GenAiNormalizer.normalize(attributes(span.path("attributes")));
            if (a.containsKey("ai.model.id")) {
                withModel++;
                assertTrue(a.containsKey("gen_ai.request.model"), span.path("name").asText());
                assertTrue(a.containsKey("gen_ai.provider.name"), span.path("name").asText());
            }
        }
        assertTrue(withModel > 0, "the Vercel capture has model attributes");
    }

    @Test
    void openInferenceToolSpansAndSessions() {
        Map<String, String> out = GenAiNormalizer.normalize(Map.of("openinference.span.kind", "TOOL", "tool.name", "get_weather", "session.id", "s-1"));
        assertEquals("execute_tool", out.get("gen_ai.operation.name"));
        assertEquals("get_weather", out.get("gen_ai.tool.name"));
        assertEquals("s-1", out.get("gen_ai.conversation.id"));
        assertEquals(Map.of("openinference.span.kind", "CHAIN"), GenAiNormalizer.normalize(Map.of("openinference.span.kind", "CHAIN")));
    }
}
