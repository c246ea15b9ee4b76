package io.agenttelemetry.connect.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.agenttelemetry.connect.stack.Http;
import io.agenttelemetry.connect.stack.LocalStack;
import io.agenttelemetry.connect.stack.OpenSearchNode;
import io.agenttelemetry.connect.stack.Wait;

/**
 * The OpenSearch sink against OpenSearch with its security plugin (demo configuration): https with the node's CA
 * and hostname verification, basic authentication; and the failures a misconfigured sink must report, not retry.
 */
class OpenSearchSecurityIT {
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    @Test
    void writesOverVerifiedTlsWithBasicAuthAndFailsClearlyWithoutTheCaOrWithAWrongPassword() throws Exception {
        try (LocalStack stack = Stacks.builder("opensearch-secured").openSearchSecured(true).s3(false).start()) {
            OpenSearchNode node = stack.openSearch();
            assertTrue(node.url().startsWith("https://127.0.0.1:"), node.url());
            assertEquals(401, Http.tls(node.caCertificate(), OpenSearchNode.ADMIN_USER, "wrong").get(node.url()).status(),
                    "the node refuses requests without valid credentials");

            String topic = "it-secured";
            KafkaTopics kafka = new KafkaTopics(stack.kafka().bootstrapServers());
            kafka.create(topic, 2);
            kafka.produce(topic, AgentEvents.toolSpans(300));

            // The password through the worker's file config provider: REST shows the placeholder only.
            Path secrets = Stacks.secretsFile("it-opensearch", "password=" + OpenSearchNode.ADMIN_PASSWORD + "\nwrong=Not-The-Password-1!\n");
            Map<String, String> c = SinksIT.openSearchConfig(stack, topic, "it-secured");
            c.put("connection.username", OpenSearchNode.ADMIN_USER);
            c.put("connection.password", "${file:" + secrets + ":password}");
            c.put("ssl.truststore.location", node.caCertificate().toString());
            c.put("ssl.truststore.type", "pem");
            ConnectRest rest = new ConnectRest(stack.connect());
            rest.put("it-secured", c);
            rest.awaitRunning("it-secured", TIMEOUT);
            OpenSearchQueries os = new OpenSearchQueries(node.url(), node.http());
            Wait.until("300 documents over TLS", TIMEOUT, () -> os.count("it-secured-*") >= 300);
            assertEquals(300, os.count("it-secured-*"));

            String config = Http.get(stack.connect().restUrl() + "/connectors/it-secured").ok().body();
            assertFalse(config.contains(OpenSearchNode.ADMIN_PASSWORD), "the password is hidden in the REST config output");
            assertFalse(Files.readString(stack.connect().process().log()).contains(OpenSearchNode.ADMIN_PASSWORD),
                    "the password is not in the worker's log");

            // Without the node's CA the certificate is not trusted: the task fails and says what to check.
            Map<String, String> untrusted = new HashMap<>(c);
            untrusted.remove("ssl.truststore.location");
            untrusted.remove("ssl.truststore.type");
            rest.put("it-secured-untrusted", untrusted);
            String trace = rest.awaitTaskFailed("it-secured-untrusted", TIMEOUT);
            assertTrue(trace.contains("ssl.truststore.location"), trace);

            // A wrong password: OpenSearch answers 401 and the task fails instead of retrying forever. It fails when
            // it starts (installing the index templates), not when the first record comes: this topic has none.
            String quiet = "it-secured-quiet";
            kafka.create(quiet, 1);
            Map<String, String> wrong = new HashMap<>(c);
            wrong.put("topics", quiet);
            wrong.put("connection.password", "${file:" + secrets + ":wrong}");
            rest.put("it-secured-wrong-password", wrong);
            trace = rest.awaitTaskFailed("it-secured-wrong-password", TIMEOUT);
            assertTrue(trace.contains("HTTP 401"), trace);
            assertEquals(300, os.count("it-secured-*"), "nothing else was written");
        }
    }
}
