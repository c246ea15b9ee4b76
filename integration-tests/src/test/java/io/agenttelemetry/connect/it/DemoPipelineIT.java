package io.agenttelemetry.connect.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.agenttelemetry.connect.demo.DemoMain;

/**
 * The demo's whole pipeline (smaller workload) on its own stack: the reference configs over REST, every event in
 * Kafka, OpenSearch, the raw and the masked archive, every planted secret in the raw archive and none anywhere else.
 */
class DemoPipelineIT {
    @Test
    void theReferencePipelineDeliversEveryEventAndLeaksNothing() throws Exception {
        String verdict = DemoMain.run(Stacks.repositoryRoot(), Stacks.workDir("demo"), false, 300);
        Matcher m = Pattern.compile("demo: OK events=(\\d+) kafka=(\\d+) opensearch=(\\d+) s3=(\\d+) leaked=(\\d+)").matcher(verdict);
        assertTrue(m.matches(), verdict);
        // 300 tool calls plus the corpus files: 295 CrewAI spans, the OTLP spec example's span, and 20 events of two
        // Claude Code sessions (chat spans, paired tool calls, user messages, summaries).
        assertEquals(616, Long.parseLong(m.group(1)), verdict);
        for (int g = 2; g <= 4; g++) {
            assertEquals(m.group(1), m.group(g), verdict);
        }
        assertEquals("0", m.group(5), verdict);
    }
}
