package io.agenttelemetry.connect.opensearch;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import org.opensearch.client.opensearch.OpenSearchClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The Index State Management policy that ships with the sink: the indices of the shipped templates' patterns are
 * deleted once older than the retention (daily indices need no rollover). Installed where the ISM plugin exists; a cluster
 * without it (such as the minimal distribution the tests run) is told so in the log and otherwise left alone.
 */
final class IsmPolicy {
    static final String ID = "agent-telemetry-retention";
    private static final Logger log = LoggerFactory.getLogger(IsmPolicy.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private IsmPolicy() {
    }

    /** The policy with the given retention, for indices of the given patterns. */
    static String body(int retentionDays, List<String> indexPatterns) {
        try (InputStream in = IsmPolicy.class.getResourceAsStream("agent-telemetry-ism-policy.json")) {
            ObjectNode policy = (ObjectNode) JSON.readTree(in);
            ArrayNode patterns = ((ObjectNode) policy.path("policy").path("ism_template").get(0)).putArray("index_patterns");
            indexPatterns.forEach(patterns::add);
            ((ObjectNode) policy.path("policy").path("states").get(0).path("transitions").get(0).path("conditions"))
                    .put("min_index_age", retentionDays + "d");
            return policy.toString();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the ISM policy", e);
        }
    }

    /**
     * Creates the policy unless it exists (an existing one, perhaps edited by its owners, is kept).
     *
     * @return true if the cluster has ISM
     * @throws IOException if OpenSearch is unreachable, for the caller's retry
     */
    static boolean install(OpenSearchClient client, int retentionDays, List<String> indexPatterns) throws IOException {
        SetupReply reply = SetupReply.put(client, "/_plugins/_ism/policies/" + ID, body(retentionDays, indexPatterns));
        int status = reply.status();
        if (reply.ok()) {
            log.info("Installed ISM policy {} (delete after {} days)", ID, retentionDays);
            return true;
        }
        if (status == 409) {
            log.info("ISM policy {} exists; left as it is", ID);
            return true;
        }
        if ((status == 400 || status == 404 || status == 405) && reply.body().contains("no handler found")) {
            log.info("This OpenSearch has no Index State Management plugin; no retention policy installed");
            return false;
        }
        throw reply.failure("ISM policy " + ID);
    }
}
