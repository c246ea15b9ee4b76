package io.agenttelemetry.connect.model;

/** What an {@link AgentEvent} records. */
public enum EventType {
    SPAN,
    LOG
}
