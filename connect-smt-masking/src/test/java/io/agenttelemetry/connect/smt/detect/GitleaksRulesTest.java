package io.agenttelemetry.connect.smt.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

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
}
