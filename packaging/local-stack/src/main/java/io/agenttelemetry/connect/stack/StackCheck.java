package io.agenttelemetry.connect.stack;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;

/** Proves each endpoint of a started stack answers, and that the worker loaded our plugins. */
public final class StackCheck {
    private StackCheck() {
    }

    public static void run(LocalStack stack, Consumer<String> out) {
        for (ConnectWorker w : stack.workers()) {
            JsonNode root = Http.get(w.restUrl() + "/").ok().json();
            out.accept("Connect " + w.name() + ": Kafka " + root.path("version").asText()
                    + ", cluster " + root.path("kafka_cluster_id").asText());
        }
        JsonNode plugins = Http.get(stack.connect().restUrl() + "/connector-plugins?connectorsOnly=false").ok().json();
        List<String> ours = new ArrayList<>();
        for (JsonNode p : plugins) {
            String cls = p.path("class").asText();
            if (cls.startsWith("io.agenttelemetry.")) {
                ours.add(cls.substring(cls.lastIndexOf('.') + 1) + " " + p.path("type").asText() + " " + p.path("version").asText());
            }
        }
        if (ours.isEmpty()) {
            throw new StackException("the worker loaded none of our plugins from " + stack.layout().pluginPath());
        }
        out.accept("Our plugins on the worker: " + String.join(", ", ours));
        try {
            JsonNode health = Http.get(stack.openSearch().url() + "/_cluster/health").ok().json();
            JsonNode info = Http.get(stack.openSearch().url() + "/").ok().json();
            out.accept("OpenSearch " + info.path("version").path("number").asText() + ": cluster " + health.path("status").asText());
        } catch (IllegalStateException noOpenSearch) {
            // Built without it.
        }
        try {
            int status = Http.get(stack.s3().endpoint() + "/").status();
            out.accept("S3 server: answers (HTTP " + status + " to an unsigned request, as S3 does)");
        } catch (IllegalStateException noS3) {
            // Built without it.
        }
    }
}
