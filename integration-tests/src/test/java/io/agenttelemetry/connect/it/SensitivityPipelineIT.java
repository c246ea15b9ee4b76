package io.agenttelemetry.connect.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.agenttelemetry.connect.stack.LocalStack;

/**
 * The governance chain on a real worker: the source tails agent logs with planted secrets and PII, and its SMT
 * chain masks, classifies and routes each event by sensitivity. No planted value reaches any topic.
 */
@ExtendWith(LocalStackExtension.class)
class SensitivityPipelineIT {
    // Published test values (gitleaks rule examples, payment test cards, the example.com domain).
    static final String SLACK_TOKEN = "xoxb-781236542736-2364535789652-GkwFDQoHqzXDVsC6GzqYUypD";
    static final String CARD = "4111 1111 1111 1111";
    static final String EMAIL = "jane.doe@example.com";

    @Test
    void eventsAreMaskedClassifiedAndRoutedAndNoPlantedValueLeaks(LocalStack stack) throws Exception {
        Path dir = Files.createDirectories(Stacks.workDir("sensitivity-" + System.nanoTime()));
        Files.writeString(dir.resolve("agent.log"), String.join("\n",
                "{\"msg\":\"posting to slack with " + SLACK_TOKEN + "\",\"gen_ai.tool.name\":\"post_message\"}",
                "{\"msg\":\"charging card " + CARD + " for " + EMAIL + "\",\"gen_ai.tool.name\":\"charge\"}",
                "{\"msg\":\"weather lookup finished\",\"gen_ai.tool.name\":\"get_weather\"}",
                "{\"msg\":\"query ran\",\"gen_ai.tool.name\":\"run_sql\"}", ""));
        Map<String, String> config = AgentLogSourceIT.sourceConfig(dir, "it-gov");
        config.put("format", "jsonl");
        config.put("transforms", "mask,classify,route");
        config.put("transforms.mask.type", "io.agenttelemetry.connect.smt.MaskSensitiveData$Value");
        config.put("transforms.classify.type", "io.agenttelemetry.connect.smt.ClassifySensitivity");
        config.put("transforms.classify.tool.rules", "run_sql:restricted");
        config.put("transforms.route.type", "io.agenttelemetry.connect.smt.RouteBySensitivity");
        ConnectRest rest = new ConnectRest(stack.connect());
        rest.put("it-gov", config);
        rest.awaitRunning("it-gov", Duration.ofMinutes(2));

        KafkaTopics kafka = new KafkaTopics(stack.kafka().bootstrapServers());
        List<String> restricted = AgentLogSourceIT.messages(kafka.readUntil("it-gov.restricted", r -> r.size() >= 2, Duration.ofMinutes(2)));
        List<String> confidential = AgentLogSourceIT.messages(kafka.readUntil("it-gov.confidential", r -> r.size() >= 1, Duration.ofMinutes(1)));
        List<String> internal = AgentLogSourceIT.messages(kafka.readUntil("it-gov.internal", r -> r.size() >= 1, Duration.ofMinutes(1)));

        assertEquals(List.of("posting to slack with [REDACTED:SLACK_BOT_TOKEN]", "query ran"), restricted);
        assertEquals(List.of("charging card [REDACTED:CREDIT_CARD] for [REDACTED:EMAIL]"), confidential);
        assertEquals(List.of("weather lookup finished"), internal);
        for (String topic : List.of("it-gov.restricted", "it-gov.confidential", "it-gov.internal")) {
            for (ConsumerRecord<String, String> r : kafka.readUntil(topic, x -> false, Duration.ofSeconds(2))) {
                for (String planted : List.of(SLACK_TOKEN, CARD, EMAIL)) {
                    assertFalse(r.value().contains(planted), planted + " leaked into " + topic);
                }
            }
        }
        rest.delete("it-gov");
    }
}
