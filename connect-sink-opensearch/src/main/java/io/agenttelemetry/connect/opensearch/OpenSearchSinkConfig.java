package io.agenttelemetry.connect.opensearch;

import java.util.List;
import java.util.Map;

import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

import io.agenttelemetry.connect.aws.AwsCredentialsConfig;
import io.agenttelemetry.connect.model.Sensitivity;
import io.agenttelemetry.connect.model.config.EnumConfig;
import io.agenttelemetry.connect.model.config.NonEmptyList;

/** Configuration of {@link OpenSearchSinkConnector}; names follow the existing OpenSearch/Elasticsearch sinks. */
public final class OpenSearchSinkConfig extends AbstractConfig {
    public static final String CONNECTION_URL_CONFIG = "connection.url";
    public static final String CONNECTION_USERNAME_CONFIG = "connection.username";
    public static final String CONNECTION_PASSWORD_CONFIG = "connection.password";
    public static final String INDEX_NAME_TEMPLATE_CONFIG = "index.name.template";
    public static final String LINGER_MS_CONFIG = "linger.ms";
    public static final String MAX_IN_FLIGHT_REQUESTS_CONFIG = "max.in.flight.requests";
    public static final String MAX_BUFFERED_RECORDS_CONFIG = "max.buffered.records";
    public static final String MAX_BUFFERED_BYTES_CONFIG = "max.buffered.bytes";
    public static final String BATCH_SIZE_CONFIG = "batch.size";
    public static final String BULK_SIZE_BYTES_CONFIG = "bulk.size.bytes";
    public static final String MAX_RETRIES_CONFIG = "max.retries";
    public static final String RETRY_BACKOFF_MS_CONFIG = "retry.backoff.ms";
    public static final String BEHAVIOR_ON_NULL_VALUES_CONFIG = "behavior.on.null.values";
    public static final String BEHAVIOR_ON_MALFORMED_DOCS_CONFIG = "behavior.on.malformed.documents";
    public static final String SENSITIVITY_HEADER_CONFIG = "sensitivity.header.name";
    public static final String FINDINGS_HEADER_CONFIG = "findings.header.name";
    public static final String INDEX_TEMPLATES_INSTALL_CONFIG = "index.templates.install";
    public static final String INDEX_TEMPLATES_REPLICAS_CONFIG = "index.templates.replicas";
    public static final String INDEX_RETENTION_DAYS_CONFIG = "index.retention.days";
    public static final String DATA_STREAM_ENABLED_CONFIG = "data.stream.enabled";
    public static final String AWS_SIGV4_SERVICE_CONFIG = "aws.sigv4.service";
    public static final String AWS_REGION_CONFIG = "aws.region";
    public static final String SSL_TRUSTSTORE_LOCATION_CONFIG = "ssl.truststore.location";
    public static final String SSL_TRUSTSTORE_PASSWORD_CONFIG = "ssl.truststore.password";
    public static final String SSL_TRUSTSTORE_TYPE_CONFIG = "ssl.truststore.type";
    public static final String SSL_KEYSTORE_LOCATION_CONFIG = "ssl.keystore.location";
    public static final String SSL_KEYSTORE_PASSWORD_CONFIG = "ssl.keystore.password";
    public static final String SSL_KEYSTORE_TYPE_CONFIG = "ssl.keystore.type";
    public static final String SSL_KEY_PASSWORD_CONFIG = "ssl.key.password";
    public static final String SSL_ENDPOINT_IDENTIFICATION_CONFIG = "ssl.endpoint.identification.algorithm";

    /** Trust store formats: Java key stores, or PEM files of CA certificates. */
    public enum TrustStoreType { PKCS12, JKS, PEM }

    /** Key store formats for a client certificate. */
    public enum KeyStoreType { PKCS12, JKS }

    /** What to do with a record whose value is null (a tombstone). */
    public enum BehaviorOnNullValues { IGNORE, DELETE, FAIL }

    /** What to do with a document OpenSearch rejects as malformed (mapping or parse error). */
    public enum BehaviorOnMalformedDocuments { FAIL, WARN, IGNORE, REPORT }

    private static final String CONNECTION = "Connection";
    private static final String WRITES = "Writes";
    private static final String DATA = "Data";
    private static final String TLS = "TLS";
    private static final String AWS = "AWS";

    public static final ConfigDef CONFIG_DEF = AwsCredentialsConfig.define(new ConfigDef()
            .define(CONNECTION_URL_CONFIG, Type.LIST, ConfigDef.NO_DEFAULT_VALUE, new NonEmptyList("URL"),
                    Importance.HIGH, "OpenSearch URLs, e.g. https://search.example:9200; requests go to them in turn.",
                    CONNECTION, 1, Width.LONG, "URLs")
            .define(CONNECTION_USERNAME_CONFIG, Type.STRING, null, Importance.MEDIUM,
                    "User for HTTP basic authentication; none if unset.",
                    CONNECTION, 2, Width.MEDIUM, "User")
            .define(CONNECTION_PASSWORD_CONFIG, Type.PASSWORD, null, Importance.MEDIUM,
                    "Password for HTTP basic authentication. Use a config provider, e.g. ${file:/etc/secrets.properties:opensearch.password}.",
                    CONNECTION, 3, Width.MEDIUM, "Password")
            .define(INDEX_NAME_TEMPLATE_CONFIG, Type.STRING, "agent-{kind}-{yyyy.MM.dd}", new ConfigDef.NonEmptyString(),
                    Importance.HIGH,
                    "Index for each record. {kind} is spans or logs (or the topic for records that are not agent events), "
                            + "{topic} the record's topic, {sensitivity} its class from the masking header, and a date "
                            + "pattern in braces such as {yyyy.MM.dd} the event time in UTC.",
                    DATA, 1, Width.LONG, "Index name template")
            .define(SENSITIVITY_HEADER_CONFIG, Type.STRING, Sensitivity.HEADER, new ConfigDef.NonEmptyString(), Importance.LOW,
                    "Record header holding the sensitivity class for {sensitivity}; records without it count as restricted.",
                    DATA, 2, Width.MEDIUM, "Sensitivity header")
            .define(FINDINGS_HEADER_CONFIG, Type.STRING, "agent_telemetry.findings", new ConfigDef.NonEmptyString(), Importance.LOW,
                    "Record header in which MaskSensitiveData counts its findings (TYPE:count pairs); indexed as "
                            + "agentTelemetry.findingTypes and findingCount for the redaction panels.",
                    DATA, 3, Width.MEDIUM, "Findings header")
            .define(INDEX_TEMPLATES_INSTALL_CONFIG, Type.BOOLEAN, true, Importance.MEDIUM,
                    "Install the shipped index templates when the task starts (or before its first write if OpenSearch cannot be reached then), one per kind for the names "
                            + "index.name.template gives it (agent-spans-* and agent-logs-* by default): explicit types for "
                            + "ids, date_nanos times, token counts and agent_telemetry.* fields, and a cap on dynamic fields. "
                            + "Each template is named after its pattern (agent-spans, agent-logs).",
                    DATA, 4, Width.SHORT, "Install index templates")
            .define(INDEX_TEMPLATES_REPLICAS_CONFIG, Type.INT, 1, ConfigDef.Range.between(0, 10), Importance.LOW,
                    "number_of_replicas in the installed templates; 0 for a single-node cluster.",
                    DATA, 5, Width.SHORT, "Template replicas")
            .define(INDEX_RETENTION_DAYS_CONFIG, Type.INT, 0, ConfigDef.Range.between(0, 36_500), Importance.LOW,
                    "With index.templates.install: also install the Index State Management policy "
                            + IsmPolicy.ID + ", which deletes the indices of the templates' patterns older than this "
                            + "many days (an existing policy of that name is kept, so one policy serves a cluster). Needs the "
                            + "ISM plugin; without it this is logged and skipped. 0: no policy.",
                    DATA, 8, Width.SHORT, "Retention days")
            .define(DATA_STREAM_ENABLED_CONFIG, Type.BOOLEAN, false, Importance.MEDIUM,
                    "Write to data streams instead of indices: each name index.name.template gives (keep {kind} in it, "
                            + "and leave dates out, since a data stream rolls over by itself) is a data stream, documents are "
                            + "created with their ids and an @timestamp (event time), and the installed templates declare "
                            + "data_stream for those names. A replayed document whose id is in the current write index is "
                            + "refused as a conflict and skipped; after a rollover it would be written again. Tombstone "
                            + "deletes are not possible.",
                    DATA, 9, Width.SHORT, "Data streams")
            .define(BEHAVIOR_ON_NULL_VALUES_CONFIG, Type.STRING, "ignore", EnumConfig.validator(BehaviorOnNullValues.class),
                    Importance.MEDIUM, "Tombstones: ignore them, delete the document with the record's id, or fail the task.",
                    DATA, 6, Width.SHORT, "On null values")
            .define(BEHAVIOR_ON_MALFORMED_DOCS_CONFIG, Type.STRING, "fail", EnumConfig.validator(BehaviorOnMalformedDocuments.class),
                    Importance.MEDIUM,
                    "Documents OpenSearch rejects as malformed: fail the task, warn (log and skip), ignore (skip), or "
                            + "report (send the record to the dead letter queue, errors.deadletterqueue.topic.name, and go on).",
                    DATA, 7, Width.SHORT, "On malformed documents")
            .define(BATCH_SIZE_CONFIG, Type.INT, 1000, ConfigDef.Range.between(1, 100_000), Importance.MEDIUM,
                    "Most documents in one bulk request.",
                    WRITES, 1, Width.SHORT, "Batch size")
            .define(BULK_SIZE_BYTES_CONFIG, Type.LONG, 5L * 1024 * 1024, ConfigDef.Range.between(1024, 1024L * 1024 * 1024),
                    Importance.MEDIUM, "Most bytes of documents in one bulk request.",
                    WRITES, 2, Width.SHORT, "Bulk size bytes")
            .define(LINGER_MS_CONFIG, Type.LONG, 1000L, ConfigDef.Range.between(0, 600_000), Importance.LOW,
                    "How long documents may wait to fill a batch before they are sent. Everything buffered is sent "
                            + "before offsets are committed, so a longer linger never loses records.",
                    WRITES, 3, Width.SHORT, "Linger")
            .define(MAX_IN_FLIGHT_REQUESTS_CONFIG, Type.INT, 5, ConfigDef.Range.between(1, 64), Importance.LOW,
                    "Bulk requests being written at once. A full batch is written in the background while the task "
                            + "goes on reading and makes the next; with this many running, the task waits for the oldest.",
                    WRITES, 4, Width.SHORT, "Max in-flight requests")
            .define(MAX_BUFFERED_RECORDS_CONFIG, Type.INT, 20_000, ConfigDef.Range.between(1, 10_000_000), Importance.LOW,
                    "Most documents held in memory, buffered or being written; at this many the task waits for the "
                            + "oldest write before taking more (back-pressure), so memory stays bounded whatever the backlog.",
                    WRITES, 5, Width.SHORT, "Max buffered records")
            .define(MAX_BUFFERED_BYTES_CONFIG, Type.LONG, 128L * 1024 * 1024, ConfigDef.Range.between(1024, 64L * 1024 * 1024 * 1024),
                    Importance.LOW,
                    "Most bytes of documents (their JSON) held in memory, buffered or being written; at this many the "
                            + "task waits for the oldest write before taking more, so a run of large documents cannot "
                            + "exhaust the heap where max.buffered.records alone would allow it.",
                    WRITES, 6, Width.SHORT, "Max buffered bytes")
            .define(MAX_RETRIES_CONFIG, Type.INT, 5, ConfigDef.Range.between(0, 1000), Importance.LOW,
                    "Retries of a bulk request (or its failed items) on 429, 5xx and connection errors. When they are "
                            + "used up the batch is kept, the task pauses (RetriableException) and sends it again; nothing is dropped.",
                    WRITES, 7, Width.SHORT, "Max retries")
            .define(RETRY_BACKOFF_MS_CONFIG, Type.LONG, 100L, ConfigDef.Range.between(1, 600_000), Importance.LOW,
                    "First retry delay; doubled per retry with jitter.",
                    WRITES, 8, Width.SHORT, "Retry backoff")
            .define(SSL_TRUSTSTORE_LOCATION_CONFIG, Type.STRING, "", Importance.MEDIUM,
                    "Trust store for https URLs: the CA certificates OpenSearch's certificate must chain to. Empty to "
                            + "use the JVM's default trust store.", TLS, 1, Width.LONG, "Trust store")
            .define(SSL_TRUSTSTORE_TYPE_CONFIG, Type.STRING, "pkcs12", EnumConfig.validator(TrustStoreType.class), Importance.LOW,
                    "Format of the trust store: pkcs12, jks, or pem (a file of PEM certificates, e.g. OpenSearch's root-ca.pem).",
                    TLS, 2, Width.SHORT, "Trust store type")
            .define(SSL_TRUSTSTORE_PASSWORD_CONFIG, Type.PASSWORD, null, Importance.LOW,
                    "Password of the trust store, if it has one (not used for pem).", TLS, 3, Width.MEDIUM, "Trust store password")
            .define(SSL_KEYSTORE_LOCATION_CONFIG, Type.STRING, "", Importance.LOW,
                    "Key store with a client certificate and key, for clusters that authenticate clients by certificate; "
                            + "empty for none.", TLS, 4, Width.LONG, "Key store")
            .define(SSL_KEYSTORE_TYPE_CONFIG, Type.STRING, "pkcs12", EnumConfig.validator(KeyStoreType.class), Importance.LOW,
                    "Format of the key store: pkcs12 or jks.", TLS, 5, Width.SHORT, "Key store type")
            .define(SSL_KEYSTORE_PASSWORD_CONFIG, Type.PASSWORD, null, Importance.LOW,
                    "Password of the key store.", TLS, 6, Width.MEDIUM, "Key store password")
            .define(SSL_KEY_PASSWORD_CONFIG, Type.PASSWORD, null, Importance.LOW,
                    "Password of the private key in the key store; the key store password if unset.", TLS, 7, Width.MEDIUM, "Key password")
            .define(SSL_ENDPOINT_IDENTIFICATION_CONFIG, Type.STRING, "https", ConfigDef.ValidString.in("https", ""), Importance.LOW,
                    "https: the certificate must name the host of the URL (hostname verification, the default); empty "
                            + "turns that check off, which only a test cluster should need.",
                    TLS, 8, Width.SHORT, "Endpoint identification")
            .define(AWS_SIGV4_SERVICE_CONFIG, Type.STRING, "", ConfigDef.ValidString.in("", "es", "aoss"), Importance.MEDIUM,
                    "Sign every request with AWS Signature Version 4 for this service: es (Amazon OpenSearch Service) or "
                            + "aoss (Amazon OpenSearch Serverless); empty to not sign. Needs one https connection.url, and "
                            + "takes the credentials below instead of connection.username/password.",
                    AWS, 1, Width.SHORT, "SigV4 service")
            .define(AWS_REGION_CONFIG, Type.STRING, "", Importance.MEDIUM,
                    "Region of the domain or collection, e.g. eu-west-1, for SigV4 (and for STS when a role is assumed).",
                    AWS, 2, Width.SHORT, "Region"), AWS, 3);

    final List<String> urls;
    final String username;
    final Password password;
    final IndexNameTemplate indexTemplate;
    final String sensitivityHeader;
    final String findingsHeader;
    final BehaviorOnNullValues onNull;
    final BehaviorOnMalformedDocuments onMalformed;
    final boolean installTemplates;
    final int templateReplicas;
    final int retentionDays;
    final boolean dataStreams;
    final int batchSize;
    final long lingerMs;
    final int maxInFlightRequests;
    final int maxBufferedRecords;
    final long maxBufferedBytes;
    final long bulkSizeBytes;
    final int maxRetries;
    final long retryBackoffMs;
    final String trustStoreLocation;
    final TrustStoreType trustStoreType;
    final Password trustStorePassword;
    final String keyStoreLocation;
    final KeyStoreType keyStoreType;
    final Password keyStorePassword;
    final Password keyPassword;
    final boolean verifyHostname;
    /** The SigV4 signing service, or null when requests are not signed. */
    final String sigV4Service;
    final String awsRegion;
    final AwsCredentialsConfig awsCredentials;

    public OpenSearchSinkConfig(Map<String, ?> props) {
        super(CONFIG_DEF, props);
        urls = getList(CONNECTION_URL_CONFIG);
        username = getString(CONNECTION_USERNAME_CONFIG);
        password = getPassword(CONNECTION_PASSWORD_CONFIG);
        indexTemplate = IndexNameTemplate.parse(getString(INDEX_NAME_TEMPLATE_CONFIG));
        sensitivityHeader = getString(SENSITIVITY_HEADER_CONFIG);
        findingsHeader = getString(FINDINGS_HEADER_CONFIG);
        onNull = EnumConfig.parse(BehaviorOnNullValues.class, getString(BEHAVIOR_ON_NULL_VALUES_CONFIG));
        onMalformed = EnumConfig.parse(BehaviorOnMalformedDocuments.class, getString(BEHAVIOR_ON_MALFORMED_DOCS_CONFIG));
        installTemplates = getBoolean(INDEX_TEMPLATES_INSTALL_CONFIG);
        templateReplicas = getInt(INDEX_TEMPLATES_REPLICAS_CONFIG);
        retentionDays = getInt(INDEX_RETENTION_DAYS_CONFIG);
        dataStreams = getBoolean(DATA_STREAM_ENABLED_CONFIG);
        if (dataStreams && onNull == BehaviorOnNullValues.DELETE) {
            throw new ConfigException(BEHAVIOR_ON_NULL_VALUES_CONFIG, "delete", "data streams do not take deletes");
        }
        batchSize = getInt(BATCH_SIZE_CONFIG);
        lingerMs = getLong(LINGER_MS_CONFIG);
        maxInFlightRequests = getInt(MAX_IN_FLIGHT_REQUESTS_CONFIG);
        maxBufferedRecords = getInt(MAX_BUFFERED_RECORDS_CONFIG);
        maxBufferedBytes = getLong(MAX_BUFFERED_BYTES_CONFIG);
        bulkSizeBytes = getLong(BULK_SIZE_BYTES_CONFIG);
        maxRetries = getInt(MAX_RETRIES_CONFIG);
        retryBackoffMs = getLong(RETRY_BACKOFF_MS_CONFIG);
        trustStoreLocation = getString(SSL_TRUSTSTORE_LOCATION_CONFIG).trim();
        trustStoreType = EnumConfig.parse(TrustStoreType.class, getString(SSL_TRUSTSTORE_TYPE_CONFIG));
        trustStorePassword = getPassword(SSL_TRUSTSTORE_PASSWORD_CONFIG);
        keyStoreLocation = getString(SSL_KEYSTORE_LOCATION_CONFIG).trim();
        keyStoreType = EnumConfig.parse(KeyStoreType.class, getString(SSL_KEYSTORE_TYPE_CONFIG));
        keyStorePassword = getPassword(SSL_KEYSTORE_PASSWORD_CONFIG);
        keyPassword = getPassword(SSL_KEY_PASSWORD_CONFIG);
        verifyHostname = !getString(SSL_ENDPOINT_IDENTIFICATION_CONFIG).isEmpty();
        sigV4Service = getString(AWS_SIGV4_SERVICE_CONFIG).isEmpty() ? null : getString(AWS_SIGV4_SERVICE_CONFIG);
        awsRegion = getString(AWS_REGION_CONFIG).trim();
        awsCredentials = new AwsCredentialsConfig(this);
        if (sigV4Service != null) {
            if (awsRegion.isEmpty()) {
                throw new ConfigException(AWS_REGION_CONFIG, "", "SigV4 signing needs the region of the domain or collection");
            }
            if (urls.size() != 1 || !urls.get(0).trim().startsWith("https://")) {
                throw new ConfigException(CONNECTION_URL_CONFIG, String.join(",", urls), "SigV4 signing needs exactly one https URL");
            }
        }
    }
}
