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
import org.junit.jupiter.api.extension.ExtendWith;

import io.agenttelemetry.connect.stack.Http;
import io.agenttelemetry.connect.stack.LocalStack;
import io.agenttelemetry.connect.stack.Wait;

/**
 * The OpenSearch sink with SigV4 signing (Amazon OpenSearch Service), through a local https endpoint that checks
 * every signature with the AWS SDK's signer before passing the request to the real OpenSearch.
 */
@ExtendWith(LocalStackExtension.class)
class OpenSearchSigV4IT {
    private static final Duration TIMEOUT = Duration.ofMinutes(2);
    private static final String KEY_ID = "AKIASIGV4TESTEXAMPLE";
    private static final String SECRET = "sigv4-test-secret-not-a-real-key";

    @Test
    void everyRequestIsSignedAndAWrongSecretFailsTheTask(LocalStack stack) throws Exception {
        String topic = "it-sigv4";
        KafkaTopics kafka = new KafkaTopics(stack.kafka().bootstrapServers());
        kafka.create(topic, 2);
        kafka.produce(topic, AgentEvents.toolSpans(250));
        try (SigV4CheckingProxy proxy = new SigV4CheckingProxy(Stacks.workDir("sigv4-proxy"), stack.openSearch().url(),
                KEY_ID, SECRET, "eu-west-1", "es")) {
            Path secrets = Stacks.secretsFile("it-sigv4", "secret=" + SECRET + "\nwrong=not-the-secret\n");
            Map<String, String> c = SinksIT.openSearchConfig(stack, topic, "it-sigv4");
            c.put("connection.url", proxy.url());
            c.put("ssl.truststore.location", proxy.certificate().toString());
            c.put("ssl.truststore.type", "pem");
            c.put("aws.sigv4.service", "es");
            c.put("aws.region", "eu-west-1");
            c.put("aws.access.key.id", KEY_ID);
            c.put("aws.secret.access.key", "${file:" + secrets + ":secret}");
            ConnectRest rest = new ConnectRest(stack.connect());
            rest.put("it-sigv4", c);
            rest.awaitRunning("it-sigv4", TIMEOUT);
            OpenSearchQueries os = new OpenSearchQueries(stack.openSearch().url());
            Wait.until("250 documents through the signing check", TIMEOUT, () -> os.count("it-sigv4-*") >= 250);
            assertEquals(250, os.count("it-sigv4-*"));
            assertTrue(proxy.verified.get() >= 2, "template and bulk requests were signed: " + proxy.verified.get());
            assertEquals(0, proxy.rejected.get(), "no request failed the signature check");
            String config = Http.get(stack.connect().restUrl() + "/connectors/it-sigv4").ok().body();
            assertFalse(config.contains(SECRET), "the secret is hidden in the REST config output");
            rest.delete("it-sigv4");

            // Signed with another secret: the endpoint answers 403 and the task fails instead of retrying.
            Map<String, String> wrong = new HashMap<>(c);
            wrong.put("aws.secret.access.key", "${file:" + secrets + ":wrong}");
            rest.put("it-sigv4-wrong", wrong);
            String trace = rest.awaitTaskFailed("it-sigv4-wrong", TIMEOUT);
            assertTrue(trace.contains("403"), trace);
            assertTrue(proxy.rejected.get() > 0);
            rest.delete("it-sigv4-wrong");
            assertFalse(Files.readString(stack.connect().process().log()).contains(SECRET), "the secret is not in the worker's log");
        }
    }
}
