package io.agenttelemetry.connect.opensearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class IndexTemplatesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final IndexNameTemplate DEFAULT_NAMES = IndexNameTemplate.parse("agent-{kind}-{yyyy.MM.dd}");

    @Test
    void templatesMatchTheDefaultIndexNamesAndTypeTheFieldsDashboardsAggregateOn() throws Exception {
        Map<String, String> bodies = IndexTemplates.bodies(0, DEFAULT_NAMES);
        JsonNode spans = JSON.readTree(bodies.get("agent-spans"));
        assertEquals("agent-spans-*", spans.path("index_patterns").get(0).asText());
        assertEquals(0, spans.path("template").path("settings").path("number_of_replicas").asInt());
        JsonNode props = spans.path("template").path("mappings").path("properties");
        assertEquals("date_nanos", props.path("startTime").path("type").asText());
        assertEquals("keyword", props.path("traceId").path("type").asText());
        assertEquals("long", props.path("durationInNanos").path("type").asText());
        assertEquals("long", props.path("attributes").path("properties").path("gen_ai.usage.input_tokens").path("type").asText());
        assertEquals("long", props.path("attributes").path("properties").path("agent_telemetry.approval.wait_ms").path("type").asText());
        assertEquals(2000, spans.path("template").path("settings").path("index.mapping.total_fields.limit").asInt());
        JsonNode logs = JSON.readTree(IndexTemplates.bodies(2, DEFAULT_NAMES).get("agent-logs"));
        assertEquals("agent-logs-*", logs.path("index_patterns").get(0).asText());
        assertEquals(2, logs.path("template").path("settings").path("number_of_replicas").asInt());
        assertEquals("text", logs.path("template").path("mappings").path("properties").path("body").path("type").asText());
    }

    @Test
    void templatesFollowACustomIndexNameTemplateSoItsIndicesGetTheMappingsToo() throws Exception {
        // With fixed agent-* patterns, indices named otherwise were mapped dynamically: token counts became keywords.
        IndexNameTemplate names = IndexNameTemplate.parse("fault-suite-{kind}-{sensitivity}-{yyyy.MM.dd}");
        Map<String, String> bodies = IndexTemplates.bodies(0, names);
        assertEquals(java.util.Set.of("fault-suite-spans", "fault-suite-logs"), bodies.keySet());
        JsonNode logs = JSON.readTree(bodies.get("fault-suite-logs"));
        assertEquals("fault-suite-logs-*-*", logs.path("index_patterns").get(0).asText());
        assertEquals("long", logs.path("template").path("mappings").path("properties").path("attributes").path("properties")
                .path("gen_ai.usage.input_tokens").path("type").asText());
        assertEquals(java.util.List.of("fault-suite-logs-*-*", "fault-suite-spans-*-*"), IndexTemplates.patterns(names));
    }

    @Test
    void noMappedAttributeIsADottedPrefixOfAnother() throws Exception {
        // OpenSearch expands dotted names into objects: "a.b" cannot be a value and the parent of "a.b.c".
        for (String body : IndexTemplates.bodies(1, DEFAULT_NAMES).values()) {
            java.util.List<String> names = new java.util.ArrayList<>();
            JSON.readTree(body).path("template").path("mappings").path("properties").path("attributes").path("properties")
                    .fieldNames().forEachRemaining(names::add);
            for (String a : names) {
                for (String b : names) {
                    assertEquals(false, b.startsWith(a + "."), a + " is a prefix of " + b);
                }
            }
        }
    }

    @Test
    void dataStreamTemplatesCoverTheNamesOfEachKindAndDeclareTheStream() throws Exception {
        Map<String, String> bodies = IndexTemplates.dataStreamBodies(0, IndexNameTemplate.parse("it-ds-{kind}-{sensitivity}"));
        assertEquals(java.util.Set.of("it-ds-spans-data-stream", "it-ds-logs-data-stream"), bodies.keySet());
        JsonNode spans = JSON.readTree(bodies.get("it-ds-spans-data-stream"));
        assertEquals("it-ds-spans-*", spans.path("index_patterns").get(0).asText());
        assertTrue(spans.has("data_stream"));
        assertEquals(200, spans.path("priority").asInt(), "above the index templates where patterns overlap");
        assertEquals("date", spans.path("template").path("mappings").path("properties").path("@timestamp").path("type").asText());
        assertEquals("date_nanos", spans.path("template").path("mappings").path("properties").path("startTime").path("type").asText());
        assertEquals("agent-spans-*", JSON.readTree(IndexTemplates.dataStreamBodies(0, IndexNameTemplate.parse("agent-{kind}-{yyyy.MM.dd}"))
                .get("agent-spans-data-stream")).path("index_patterns").get(0).asText());
    }
}
