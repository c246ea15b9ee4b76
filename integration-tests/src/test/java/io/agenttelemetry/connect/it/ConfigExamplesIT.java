package io.agenttelemetry.connect.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;

import io.agenttelemetry.connect.stack.Http;
import io.agenttelemetry.connect.stack.LocalStack;

/** Every file in config-examples/ is a valid request body that the worker accepts as it is. */
@ExtendWith(LocalStackExtension.class)
class ConfigExamplesIT {

    private static List<Path> examples() throws Exception {
        try (Stream<Path> files = Files.list(Stacks.repositoryRoot().resolve("config-examples"))) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().collect(Collectors.toList());
        }
    }

    @Test
    void everyExamplePassesTheWorkersValidationWithNoErrors(LocalStack stack) throws Exception {
        List<Path> examples = examples();
        assertFalse(examples.isEmpty());
        ConnectRest rest = new ConnectRest(stack.connect());
        for (Path example : examples) {
            JsonNode body = Http.mapper().readTree(example.toFile());
            assertTrue(body.path("name").isTextual(), example + " has a name");
            Map<String, String> config = new LinkedHashMap<>();
            body.path("config").fields().forEachRemaining(e -> config.put(e.getKey(), e.getValue().asText()));
            config.put("name", body.path("name").asText());
            JsonNode result = rest.validate(config.get("connector.class"), config);
            List<String> errors = new ArrayList<>();
            for (JsonNode c : result.path("configs")) {
                c.path("value").path("errors").forEach(e -> errors.add(c.path("value").path("name").asText() + ": " + e.asText()));
            }
            assertEquals(List.of(), errors, example.getFileName() + " validation errors");
            assertEquals(0, result.path("error_count").asInt(), example.getFileName().toString());
        }
    }

    @Test
    void examplesNameNoCredentialLiterals() throws Exception {
        for (Path example : examples()) {
            JsonNode config = Http.mapper().readTree(example.toFile()).path("config");
            config.fields().forEachRemaining(e -> {
                String key = e.getKey();
                if (key.contains("password") || key.contains("secret") || key.contains("access.key")) {
                    assertTrue(e.getValue().asText().startsWith("${"), example.getFileName() + " " + key + " must use a config provider");
                }
            });
        }
    }
}
