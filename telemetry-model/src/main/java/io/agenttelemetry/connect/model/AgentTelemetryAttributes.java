package io.agenttelemetry.connect.model;

/**
 * Our own {@code agent_telemetry.*} attributes for agent concepts OpenTelemetry has no names for yet.
 * Each is documented in telemetry-model/README.md; values are strings like every attribute.
 */
public final class AgentTelemetryAttributes {
    /** {@code requested} or {@code decided}: which step of a human approval this event records. */
    public static final String APPROVAL_STATE = "agent_telemetry.approval.state";
    /** {@code approved}, {@code rejected} or {@code expired}. */
    public static final String APPROVAL_DECISION = "agent_telemetry.approval.decision";
    /** Milliseconds between the approval request and the decision. */
    public static final String APPROVAL_WAIT_MS = "agent_telemetry.approval.wait_ms";
    /** Who decided (user id or role), when known. */
    public static final String APPROVAL_APPROVER = "agent_telemetry.approval.approver";
    /** {@code allow} or {@code deny}: the outcome of a policy or permission check. */
    public static final String POLICY_DECISION = "agent_telemetry.policy.decision";
    /** Name of the policy or permission rule that decided. */
    public static final String POLICY_NAME = "agent_telemetry.policy.name";
    /** Why the policy decided so. */
    public static final String POLICY_REASON = "agent_telemetry.policy.reason";
    /** 1 for the first try, 2 for the first retry, and so on. */
    public static final String RETRY_ATTEMPT = "agent_telemetry.retry.attempt";
    /** {@code true} when the operation ended because a timeout expired. */
    public static final String TIMEOUT = "agent_telemetry.timeout";
    /** The timeout that applied, in milliseconds. */
    public static final String TIMEOUT_MS = "agent_telemetry.timeout_ms";
    /** Original attribute names a normalizer renamed, comma-separated (the originals are kept too). */
    public static final String NORMALIZED_FROM = "agent_telemetry.normalized_from";

    private AgentTelemetryAttributes() {
    }
}
