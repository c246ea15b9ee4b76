package io.agenttelemetry.connect.aws;

import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.common.config.types.Password;

/**
 * The AWS credential settings, the same in every connector that signs AWS requests: static keys (the secret as a
 * PASSWORD) or the default chain, optionally only used to assume a role through STS.
 */
public final class AwsCredentialsConfig {
    public static final String ACCESS_KEY_ID_CONFIG = "aws.access.key.id";
    public static final String SECRET_ACCESS_KEY_CONFIG = "aws.secret.access.key";
    public static final String STS_ROLE_ARN_CONFIG = "aws.sts.role.arn";
    public static final String STS_SESSION_NAME_CONFIG = "aws.sts.role.session.name";
    public static final String STS_EXTERNAL_ID_CONFIG = "aws.sts.role.external.id";
    public static final String STS_ENDPOINT_CONFIG = "aws.sts.endpoint";

    final String accessKeyId;
    final Password secretAccessKey;
    final String stsRoleArn;
    final String stsSessionName;
    final Password stsExternalId;
    final String stsEndpoint;

    public AwsCredentialsConfig(AbstractConfig config) {
        accessKeyId = config.getString(ACCESS_KEY_ID_CONFIG).trim();
        secretAccessKey = config.getPassword(SECRET_ACCESS_KEY_CONFIG);
        stsRoleArn = config.getString(STS_ROLE_ARN_CONFIG).trim();
        stsSessionName = config.getString(STS_SESSION_NAME_CONFIG);
        stsExternalId = config.getPassword(STS_EXTERNAL_ID_CONFIG);
        stsEndpoint = config.getString(STS_ENDPOINT_CONFIG).trim();
    }

    /** Adds the settings to the definition, in the group, numbered from firstOrder on. */
    public static ConfigDef define(ConfigDef def, String group, int firstOrder) {
        int order = firstOrder;
        return def
                .define(ACCESS_KEY_ID_CONFIG, Type.STRING, "", Importance.MEDIUM,
                        "Static access key id; empty to use the default credential chain (environment, profile, "
                                + "container or instance role).", group, order++, Width.MEDIUM, "Access key id")
                .define(SECRET_ACCESS_KEY_CONFIG, Type.PASSWORD, "", Importance.MEDIUM,
                        "Secret key for the static access key id. Use a config provider, e.g. ${env:AWS_SECRET_ACCESS_KEY}.",
                        group, order++, Width.MEDIUM, "Secret access key")
                .define(STS_ROLE_ARN_CONFIG, Type.STRING, "", Importance.MEDIUM,
                        "Role to assume through STS (AssumeRole) with the credentials above; its temporary credentials "
                                + "sign the requests and are refreshed before they expire. Empty to use the credentials directly.",
                        group, order++, Width.LONG, "Role ARN")
                .define(STS_SESSION_NAME_CONFIG, Type.STRING, "agent-telemetry-connect", new ConfigDef.NonEmptyString(),
                        Importance.LOW, "Session name of the assumed role, shown in CloudTrail.", group, order++, Width.MEDIUM,
                        "Role session name")
                .define(STS_EXTERNAL_ID_CONFIG, Type.PASSWORD, "", Importance.LOW,
                        "External id the role's trust policy requires, if any.", group, order++, Width.MEDIUM, "Role external id")
                .define(STS_ENDPOINT_CONFIG, Type.STRING, "", Importance.LOW,
                        "STS endpoint URL, e.g. a VPC endpoint; empty for the region's default.", group, order, Width.LONG,
                        "STS endpoint");
    }

    /** The provider these settings describe, for the region STS should use; close it with its user. */
    public AwsCredentials open(String region) {
        return new AwsCredentials(this, region);
    }
}
