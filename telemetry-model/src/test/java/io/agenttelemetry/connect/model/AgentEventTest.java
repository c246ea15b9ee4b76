package io.agenttelemetry.connect.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class AgentEventTest {

    @Test
    void idsAreNormalizedToLowercaseHex() {
        AgentEvent e = SampleEvents.toolCallSpan();
        assertEquals("5b8efff798038103d269b633813fc60c", e.traceId());
        assertEquals("eee19b7ec3c1b174", e.spanId());
        assertEquals("eee19b7ec3c1b173", e.parentSpanId());
    }

    @Test
    void emptyParentIdMeansRootSpan() {
        AgentEvent e = AgentEvent.builder(EventType.SPAN).parentSpanId("").build();
        assertNull(e.parentSpanId());
    }

    @Test
    void durationIsDerivedFromStartAndEnd() {
        assertEquals(797_000L, SampleEvents.toolCallSpan().durationNanos());
        assertNull(SampleEvents.logRecord().durationNanos());
    }

    @Test
    void attributesAreImmutable() {
        AgentEvent e = SampleEvents.toolCallSpan();
        assertThrows(UnsupportedOperationException.class, () -> e.attributes().put("x", "y"));
    }

    @Test
    void toBuilderCopiesEveryField() {
        AgentEvent e = SampleEvents.toolCallSpan();
        assertEquals(e, e.toBuilder().build());
    }

    @Test
    void sensitivityParsesCaseInsensitivelyAndOrders() {
        assertEquals(Sensitivity.CONFIDENTIAL, Sensitivity.parse(" Confidential "));
        assertEquals("restricted", Sensitivity.RESTRICTED.label());
        assertEquals(true, Sensitivity.RESTRICTED.atLeast(Sensitivity.INTERNAL));
        assertEquals(false, Sensitivity.PUBLIC.atLeast(Sensitivity.INTERNAL));
        assertThrows(IllegalArgumentException.class, () -> Sensitivity.parse("secret"));
    }

    @Test
    void versionComesFromOurOwnBuild() {
        // Filtered from the POM at build time; "unknown" would mean the resource is missing.
        assertEquals(true, PluginVersion.get().matches("\\d+\\.\\d+\\.\\d+.*"), PluginVersion.get());
    }
}
