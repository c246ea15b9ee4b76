package io.agenttelemetry.connect.opensearch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class IsmPolicyTest {
    @Test
    void theRetentionIsTheDeleteTransitionAndThePolicyCoversTheTemplatesIndices() throws Exception {
        IndexNameTemplate names = IndexNameTemplate.parse("agent-{kind}-{sensitivity}-{yyyy.MM.dd}");
        JsonNode policy = new ObjectMapper().readTree(IsmPolicy.body(14, IndexTemplates.patterns(names))).path("policy");
        assertEquals("hot", policy.path("default_state").asText());
        assertEquals("delete", policy.path("states").get(0).path("transitions").get(0).path("state_name").asText());
        assertEquals("14d", policy.path("states").get(0).path("transitions").get(0).path("conditions").path("min_index_age").asText());
        assertEquals("delete", policy.path("states").get(1).path("actions").get(0).fieldNames().next());
        List<String> patterns = new ArrayList<>();
        policy.path("ism_template").get(0).path("index_patterns").forEach(p -> patterns.add(p.asText()));
        List<String> templatePatterns = new ArrayList<>();
        for (String body : IndexTemplates.bodies(0, names).values()) {
            new ObjectMapper().readTree(body).path("index_patterns").forEach(p -> templatePatterns.add(p.asText()));
        }
        assertEquals(templatePatterns.stream().sorted().toList(), patterns.stream().sorted().toList());
    }
}
