package io.agenttelemetry.connect.opensearch;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.opensearch.client.opensearch.OpenSearchClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The composable index templates that ship with the sink, one per kind (agent-spans-*, agent-logs-* with the default
 * index name template, else the names it gives): explicit types for ids,
 * times (date_nanos), token counts and our agent_telemetry.* fields, capped keywords for other attributes, and a
 * total-fields limit so a noisy framework cannot explode the mapping.
 */
final class IndexTemplates {
    private static final Logger log = LoggerFactory.getLogger(IndexTemplates.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    static final Map<String, String> TEMPLATES = Map.of(
            "agent-spans", "agent-spans-template.json",
            "agent-logs", "agent-logs-template.json");

    private IndexTemplates() {
    }

    /**
     * The index templates, for the names the index name template gives each kind (its other placeholders as
     * wildcards), with the configured number of replicas. Each is named after its pattern ({@code agent-logs} for
     * {@code agent-logs-*}), so connectors that write other indices do not replace each other's templates.
     */
    static Map<String, String> bodies(int replicas, IndexNameTemplate names) {
        Map<String, String> out = new LinkedHashMap<>();
        TEMPLATES.forEach((name, resource) -> {
            try (InputStream in = IndexTemplates.class.getResourceAsStream(resource)) {
                ObjectNode template = (ObjectNode) JSON.readTree(in);
                String pattern = names.wildcard(kind(name));
                template.putArray("index_patterns").add(pattern);
                ((ObjectNode) template.path("template").path("settings")).put("number_of_replicas", replicas);
                out.put(stem(pattern), template.toString());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + resource, e);
            }
        });
        return out;
    }

    /**
     * The templates for data streams: the same mappings plus {@code data_stream} and {@code @timestamp}, at a higher
     * priority than the index templates so they win where the patterns overlap.
     */
    static Map<String, String> dataStreamBodies(int replicas, IndexNameTemplate names) {
        Map<String, String> out = new LinkedHashMap<>();
        bodies(replicas, names).forEach((name, body) -> {
            try {
                ObjectNode template = (ObjectNode) JSON.readTree(body);
                template.put("priority", 200);
                template.putObject("data_stream");
                ((ObjectNode) template.path("template").path("mappings").path("properties")).putObject("@timestamp").put("type", "date");
                out.put(name + "-data-stream", template.toString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return out;
    }

    /** The index patterns of the templates, for the retention policy. */
    static List<String> patterns(IndexNameTemplate names) {
        List<String> out = new ArrayList<>();
        TEMPLATES.keySet().stream().sorted().forEach(name -> out.add(names.wildcard(kind(name))));
        return out;
    }

    /** The kind a shipped template is for: agent-spans -> spans. */
    private static String kind(String templateName) {
        return templateName.substring(templateName.indexOf('-') + 1);
    }

    private static String stem(String pattern) {
        return pattern.replace("*", "").replaceAll("-+$", "");
    }

    /** PUT _index_template/{name} for each; IOException (OpenSearch unreachable) is left to the caller's retry. */
    static void install(OpenSearchClient client, Map<String, String> templates) throws IOException {
        for (Map.Entry<String, String> t : templates.entrySet()) {
            SetupReply reply = SetupReply.put(client, "/_index_template/" + t.getKey(), t.getValue());
            if (!reply.ok()) {
                throw reply.failure("index template " + t.getKey());
            }
            log.info("Installed index template {}", t.getKey());
        }
    }
}
