package io.agenttelemetry.connect.opensearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.util.HashMap;
import java.util.Map;

import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpenSearchSinkConfigTest {
    private static final String PEM = resource("tls/test-ca.pem");
    private static final String PKCS12 = resource("tls/truststore.p12");

    private static String resource(String name) {
        return Path.of("src/test/resources", name).toAbsolutePath().toString();
    }

    private static OpenSearchSinkConfig config(Map<String, String> extra) {
        Map<String, String> props = new HashMap<>();
        props.put("connection.url", "https://127.0.0.1:9200");
        props.putAll(extra);
        return new OpenSearchSinkConfig(props);
    }

    private static String subjectOfTrusted(TrustManager[] managers) {
        return ((X509TrustManager) managers[0]).getAcceptedIssuers()[0].getSubjectX500Principal().getName();
    }

    @Test
    void aPemFileOfCaCertificatesIsATrustStore() {
        TrustManager[] trust = TlsContext.trustManagers(config(Map.of("ssl.truststore.location", PEM, "ssl.truststore.type", "pem")));
        assertEquals("CN=agent-telemetry-test-ca", subjectOfTrusted(trust));
        assertNotNull(TlsContext.build(config(Map.of("ssl.truststore.location", PEM, "ssl.truststore.type", "pem"))));
    }

    @Test
    void aPkcs12TrustStoreOpensWithItsPasswordAndNotWithout() {
        TrustManager[] trust = TlsContext.trustManagers(config(Map.of("ssl.truststore.location", PKCS12,
                "ssl.truststore.password", "test-store-password")));
        assertEquals("CN=agent-telemetry-test-ca", subjectOfTrusted(trust));
        ConfigException e = assertThrows(ConfigException.class, () -> TlsContext.trustManagers(config(Map.of(
                "ssl.truststore.location", PKCS12, "ssl.truststore.password", "wrong"))));
        assertTrue(e.getMessage().contains("ssl.truststore.location"), e.getMessage());
    }

    @Test
    void aPemFileWithoutCertificatesIsRefusedByName(@TempDir Path dir) throws IOException {
        Path empty = Files.writeString(dir.resolve("empty.pem"), "not a certificate\n");
        ConfigException e = assertThrows(ConfigException.class, () -> TlsContext.trustManagers(config(Map.of(
                "ssl.truststore.location", empty.toString(), "ssl.truststore.type", "pem"))));
        assertTrue(e.getMessage().contains("ssl.truststore.location"), e.getMessage());
    }

    @Test
    void withoutATrustStoreTheJvmDefaultsApply() {
        assertNull(TlsContext.trustManagers(config(Map.of())));
        assertNull(TlsContext.keyManagers(config(Map.of())));
        assertTrue(config(Map.of()).verifyHostname, "hostname verification is on by default");
        assertTrue(!config(Map.of("ssl.endpoint.identification.algorithm", "")).verifyHostname);
    }

    @Test
    void sigV4NeedsARegionAndOneHttpsUrl() {
        assertTrue(assertThrows(ConfigException.class, () -> config(Map.of("aws.sigv4.service", "es")))
                .getMessage().contains("aws.region"));
        assertTrue(assertThrows(ConfigException.class, () -> config(Map.of("aws.sigv4.service", "aoss", "aws.region", "eu-west-1",
                "connection.url", "http://127.0.0.1:9200"))).getMessage().contains("https"));
        assertEquals("aoss", config(Map.of("aws.sigv4.service", "aoss", "aws.region", "eu-west-1")).sigV4Service);
        assertNull(config(Map.of()).sigV4Service);
    }

    @Test
    void untrustedCertificatesAreFinalAndRefusedConnectionsAreNot() {
        IOException untrusted = new IOException(new SSLHandshakeException("PKIX path building failed"));
        untrusted.getCause().initCause(new CertificateException("unable to find valid certification path"));
        org.apache.kafka.connect.errors.ConnectException e = ConnectionFailures.permanent("https://os:9200", untrusted);
        assertNotNull(e);
        assertTrue(e.getMessage().contains("ssl.truststore.location"), e.getMessage());
        assertNull(ConnectionFailures.permanent("https://os:9200", new ConnectException("Connection refused")));
        assertNull(ConnectionFailures.permanent("https://os:9200", new SSLHandshakeException("Remote host terminated the handshake")));
    }

    @Test
    void dataStreamsTakeNoDeletes() {
        assertTrue(assertThrows(ConfigException.class, () -> config(Map.of("data.stream.enabled", "true",
                "behavior.on.null.values", "delete"))).getMessage().contains("data streams"));
        assertTrue(config(Map.of("data.stream.enabled", "true")).dataStreams);
    }
}
