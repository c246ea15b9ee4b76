package io.agenttelemetry.connect.smt.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class GitleaksRulesTest {
    @Test
    void anchorsOfAnAllowlistRegexBindAllItsAlternatives() {
        assertEquals("(?i)^(?:true|false|null)$", GitleaksRules.anchorsBindAll("(?i)^true|false|null$"));
        assertEquals("^[a-zA-Z_.-]+$", GitleaksRules.anchorsBindAll("^[a-zA-Z_.-]+$"), "no alternation");
        assertEquals("^\\$(?:\\d+|{\\d+})$", GitleaksRules.anchorsBindAll("^\\$(?:\\d+|{\\d+})$"), "alternation inside a group");
        assertEquals("^[a|b]$", GitleaksRules.anchorsBindAll("^[a|b]$"), "a bar in a character class");
        assertEquals("foo|bar", GitleaksRules.anchorsBindAll("foo|bar"), "not anchored");
    }

    @Test
    void aTokenEndingInNullIsMaskedAsAnyOther() {
        // Found by the fault suite: gitleaks' global allowlist (?i)^true|false|null$ let this one through.
        Detectors detectors = Detectors.of(Detectors.builtIn(), Set.of());
        List<Finding> found = detectors.scan("pushed with token ghp_n9W1SPH6HVpit8vlOcC3WnXfscnLvkzwNULl");
        assertEquals(1, found.size(), found.toString());
        assertEquals("GITHUB_PAT", found.get(0).type());
        assertEquals(List.of(), detectors.scan("\"enabled\": false, \"value\": null"));
    }

    @Test
    void rulesRunFastFindWhatTheRulesAsWrittenFind() throws IOException {
        List<String> texts = corpusStrings();
        List<Detector> fast = GitleaksRules.load(true);
        List<Detector> asWritten = GitleaksRules.load(false);
        assertEquals(asWritten.size(), fast.size());
        int compared = 0;
        int found = 0;
        for (int i = 0; i < fast.size(); i++) {
            Detector rule = asWritten.get(i);
            for (String text : texts) {
                String lower = text.toLowerCase(Locale.ROOT);
                if (rule.keywords().length > 0 && Stream.of(rule.keywords()).noneMatch(lower::contains)) {
                    continue; // as Detectors gates them
                }
                List<Finding> expected = new ArrayList<>();
                rule.find(text, expected);
                List<Finding> actual = new ArrayList<>();
                fast.get(i).find(text, actual);
                assertEquals(expected.toString(), actual.toString(), rule.name() + " on " + text);
                compared++;
                found += expected.size();
            }
        }
        assertTrue(compared > 5_000 && found > 500, compared + " texts compared, " + found + " findings");
    }

    /** Every string of the agent traces and logs (JSON inside strings too) and every gitleaks example line. */
    private static List<String> corpusStrings() throws IOException {
        List<String> out = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        for (String dir : List.of("agent-traces", "agent-logs", "secrets/gitleaks")) {
            try (Stream<Path> files = Files.walk(DetectorCorpusTest.corpus(dir))) {
                files.filter(Files::isRegularFile).forEach(f -> {
                    try {
                        for (String line : Files.readAllLines(f)) {
                            out.add(line);
                            try {
                                strings(json.readTree(line), out, json);
                            } catch (IOException notJson) {
                                // a plain-text log line: the line itself is enough
                            }
                        }
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
        }
        return out;
    }

    private static void strings(JsonNode node, List<String> out, ObjectMapper json) {
        if (node == null) {
            return;
        }
        if (node.isTextual()) {
            out.add(node.asText());
            try {
                JsonNode inner = json.readTree(node.asText());
                if (inner != null && inner.isContainerNode()) {
                    strings(inner, out, json);
                }
            } catch (IOException notJson) {
                // text
            }
            return;
        }
        node.forEach(child -> strings(child, out, json));
    }
}
