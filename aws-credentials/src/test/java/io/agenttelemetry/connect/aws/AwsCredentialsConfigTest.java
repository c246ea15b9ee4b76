package io.agenttelemetry.connect.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.junit.jupiter.api.Test;

import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;

class AwsCredentialsConfigTest {
    private static final ConfigDef DEF = AwsCredentialsConfig.define(new ConfigDef(), "AWS", 1);

    private static io.agenttelemetry.connect.aws.AwsCredentials open(Map<String, String> props) {
        return new AwsCredentialsConfig(new AbstractConfig(DEF, props)).open("eu-west-1");
    }

    @Test
    void secretsArePasswordsAndEverySettingIsDocumentedInItsGroup() {
        assertEquals(Type.PASSWORD, DEF.configKeys().get(AwsCredentialsConfig.SECRET_ACCESS_KEY_CONFIG).type);
        assertEquals(Type.PASSWORD, DEF.configKeys().get(AwsCredentialsConfig.STS_EXTERNAL_ID_CONFIG).type);
        DEF.configKeys().values().forEach(k -> {
            assertEquals("AWS", k.group, k.name);
            assertTrue(k.documentation != null && !k.documentation.isEmpty(), k.name);
        });
    }

    @Test
    void staticKeysAreUsedAsGiven() {
        try (io.agenttelemetry.connect.aws.AwsCredentials c = open(Map.of("aws.access.key.id", "AKIAEXAMPLE",
                "aws.secret.access.key", "example-secret"))) {
            AwsCredentials resolved = c.provider().resolveCredentials();
            assertEquals("AKIAEXAMPLE", resolved.accessKeyId());
            assertEquals("example-secret", resolved.secretAccessKey());
        }
    }

    @Test
    void withoutKeysTheDefaultChainAndWithARoleStsAssumeRole() {
        try (io.agenttelemetry.connect.aws.AwsCredentials c = open(Map.of())) {
            assertTrue(c.provider() instanceof DefaultCredentialsProvider);
        }
        try (io.agenttelemetry.connect.aws.AwsCredentials c = open(Map.of("aws.sts.role.arn", "arn:aws:iam::123456789012:role/r",
                "aws.access.key.id", "AKIAEXAMPLE", "aws.secret.access.key", "example-secret"))) {
            assertTrue(c.provider() instanceof StsAssumeRoleCredentialsProvider, c.provider().getClass().getName());
        }
    }
}
