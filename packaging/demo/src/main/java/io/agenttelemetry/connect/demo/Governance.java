package io.agenttelemetry.connect.demo;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import io.agenttelemetry.connect.stack.Http;
import io.agenttelemetry.connect.stack.KafkaBroker;
import io.agenttelemetry.connect.stack.LocalStack;

/**
 * Where the planted secrets and PII values ended up: all of them must be in the raw archive (restricted, for audit
 * and replay), none in OpenSearch, the masked archive or the masked topics, which SRE and analytics teams read. And
 * the broker's ACLs: the sre user reads the masked topics and is refused the raw topic.
 */
final class Governance {
    private final int planted;
    private final int inRawArchive;
    private final int inOpenSearch;
    private final int inMaskedArchive;
    private final int inMaskedTopics;
    private final long readableBySre;
    private final boolean sreDeniedRaw;

    private Governance(int planted, int inRawArchive, int inOpenSearch, int inMaskedArchive, int inMaskedTopics,
                       long readableBySre, boolean sreDeniedRaw) {
        this.planted = planted;
        this.inRawArchive = inRawArchive;
        this.inOpenSearch = inOpenSearch;
        this.inMaskedArchive = inMaskedArchive;
        this.inMaskedTopics = inMaskedTopics;
        this.readableBySre = readableBySre;
        this.sreDeniedRaw = sreDeniedRaw;
    }

    static Governance check(LocalStack stack, String bucket, List<String> planted, List<String> maskedTopics) {
        Set<String> raw = new HashSet<>();
        S3Archive.forEachObject(stack, bucket, DemoMain.RAW_PREFIX, (key, text) -> found(planted, text, raw));
        Set<String> masked = new HashSet<>();
        S3Archive.forEachObject(stack, bucket, DemoMain.MASKED_PREFIX, (key, text) -> found(planted, text, masked));
        Set<String> openSearch = new HashSet<>();
        scrollOpenSearch(stack, text -> found(planted, text, openSearch));
        // The masked topics are read as the sre user, which also proves the ACLs let it.
        Set<String> topics = new HashSet<>();
        long[] read = {0};
        AccessControl.readAll(stack, KafkaBroker.SRE, maskedTopics, value -> {
            read[0]++;
            found(planted, value, topics);
        });
        boolean denied = AccessControl.denied(stack, KafkaBroker.SRE, DemoMain.RAW_TOPIC);
        return new Governance(planted.size(), raw.size(), openSearch.size(), masked.size(), topics.size(), read[0], denied);
    }

    /** The sre user read the masked topics and was refused the raw one. */
    boolean accessControlHolds() {
        return readableBySre > 0 && sreDeniedRaw;
    }

    private static void found(List<String> planted, String text, Set<String> into) {
        for (String p : planted) {
            if (text.contains(p)) {
                into.add(p);
            }
        }
    }

    /** Every document of the agent indices, as JSON text. */
    private static void scrollOpenSearch(LocalStack stack, java.util.function.Consumer<String> action) {
        String url = stack.openSearch().url();
        JsonNode page = Http.send("POST", url + "/agent-*/_search?scroll=1m", "{\"size\":1000,\"query\":{\"match_all\":{}}}").ok().json();
        while (page.path("hits").path("hits").size() > 0) {
            for (JsonNode hit : page.path("hits").path("hits")) {
                action.accept(hit.path("_source").toString());
            }
            page = Http.send("POST", url + "/_search/scroll",
                    "{\"scroll\":\"1m\",\"scroll_id\":\"" + page.path("_scroll_id").asText() + "\"}").ok().json();
        }
    }

    /** Planted values found where they must not be: OpenSearch and the masked archive, counted per store. */
    int leaked() {
        return inOpenSearch + inMaskedArchive + inMaskedTopics;
    }

    int inRawArchive() {
        return inRawArchive;
    }

    void print() {
        System.out.println("Governance check (planted secrets and PII values, searched verbatim):");
        System.out.printf("  %-44s %d%n", "planted in prompts and tool arguments", planted);
        System.out.printf("  %-44s %d%n", "found in the raw archive (restricted)", inRawArchive);
        System.out.printf("  %-44s %d%n", "found in OpenSearch (masked)", inOpenSearch);
        System.out.printf("  %-44s %d%n", "found in the masked archive", inMaskedArchive);
        System.out.printf("  %-44s %d%n", "found in the masked topics (read as sre)", inMaskedTopics);
        System.out.printf("  %-44s %d records read, raw topic %s%n", "access of user sre", readableBySre,
                sreDeniedRaw ? "denied (TopicAuthorizationException)" : "NOT denied");
        System.out.println();
    }
}
