package io.agenttelemetry.connect.aws;

import java.net.URI;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.StsClientBuilder;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * Credentials: static keys or the default chain, optionally used only to assume a role through STS, whose
 * temporary credentials are then refreshed before they expire.
 */
public final class AwsCredentials implements SdkAutoCloseable {
    private final AwsCredentialsProvider provider;
    private final StsClient sts;

    AwsCredentials(AwsCredentialsConfig config, String region) {
        AwsCredentialsProvider base = config.accessKeyId.isEmpty()
                ? DefaultCredentialsProvider.builder().build()
                : StaticCredentialsProvider.create(AwsBasicCredentials.create(config.accessKeyId, config.secretAccessKey.value()));
        if (config.stsRoleArn.isEmpty()) {
            provider = base;
            sts = null;
            return;
        }
        StsClientBuilder b = StsClient.builder().region(Region.of(region)).credentialsProvider(base)
                .httpClientBuilder(ApacheHttpClient.builder());
        if (!config.stsEndpoint.isEmpty()) {
            b.endpointOverride(URI.create(config.stsEndpoint));
        }
        sts = b.build();
        provider = StsAssumeRoleCredentialsProvider.builder().stsClient(sts).refreshRequest(r -> {
            r.roleArn(config.stsRoleArn).roleSessionName(config.stsSessionName);
            if (!config.stsExternalId.value().isEmpty()) {
                r.externalId(config.stsExternalId.value());
            }
        }).build();
    }

    public AwsCredentialsProvider provider() {
        return provider;
    }

    @Override
    public void close() {
        if (provider instanceof SdkAutoCloseable) {
            ((SdkAutoCloseable) provider).close();
        }
        if (sts != null) {
            sts.close();
        }
    }
}
