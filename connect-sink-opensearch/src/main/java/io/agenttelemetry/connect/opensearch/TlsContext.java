package io.agenttelemetry.connect.opensearch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;

import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

/** The SSLContext for https URLs: the configured trust store (or the JVM's) and an optional client key store. */
final class TlsContext {
    private TlsContext() {
    }

    static SSLContext build(OpenSearchSinkConfig config) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers(config), trustManagers(config), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new ConfigException("Cannot set up TLS for OpenSearch: " + e.getMessage());
        }
    }

    /** The configured trust store's managers, or null for the JVM's default trust. */
    static TrustManager[] trustManagers(OpenSearchSinkConfig config) {
        if (config.trustStoreLocation.isEmpty()) {
            return null;
        }
        try {
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trustStore(config));
            return trust.getTrustManagers();
        } catch (GeneralSecurityException e) {
            throw new ConfigException(OpenSearchSinkConfig.SSL_TRUSTSTORE_LOCATION_CONFIG, config.trustStoreLocation,
                    "cannot use it as a trust store: " + e.getMessage());
        }
    }

    /** The client certificate's key managers, or null when no key store is configured. */
    static KeyManager[] keyManagers(OpenSearchSinkConfig config) {
        if (config.keyStoreLocation.isEmpty()) {
            return null;
        }
        try {
            KeyStore store = load(OpenSearchSinkConfig.SSL_KEYSTORE_LOCATION_CONFIG, config.keyStoreLocation,
                    config.keyStoreType.name(), config.keyStorePassword);
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            Password keyPassword = config.keyPassword != null ? config.keyPassword : config.keyStorePassword;
            keys.init(store, chars(keyPassword));
            return keys.getKeyManagers();
        } catch (GeneralSecurityException e) {
            throw new ConfigException(OpenSearchSinkConfig.SSL_KEYSTORE_LOCATION_CONFIG, config.keyStoreLocation,
                    "cannot use it as a key store: " + e.getMessage());
        }
    }

    private static KeyStore trustStore(OpenSearchSinkConfig config) throws GeneralSecurityException {
        if (config.trustStoreType != OpenSearchSinkConfig.TrustStoreType.PEM) {
            return load(OpenSearchSinkConfig.SSL_TRUSTSTORE_LOCATION_CONFIG, config.trustStoreLocation,
                    config.trustStoreType.name(), config.trustStorePassword);
        }
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(Path.of(config.trustStoreLocation))) {
            store.load(null, null);
            int i = 0;
            for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                store.setCertificateEntry("ca-" + i++, c);
            }
            if (i == 0) {
                throw new ConfigException(OpenSearchSinkConfig.SSL_TRUSTSTORE_LOCATION_CONFIG, config.trustStoreLocation,
                        "no PEM certificate in the file");
            }
            return store;
        } catch (IOException e) {
            throw new ConfigException(OpenSearchSinkConfig.SSL_TRUSTSTORE_LOCATION_CONFIG, config.trustStoreLocation,
                    "cannot read it: " + e.getMessage());
        }
    }

    private static KeyStore load(String key, String location, String type, Password password) throws GeneralSecurityException {
        KeyStore store = KeyStore.getInstance(type);
        try (InputStream in = Files.newInputStream(Path.of(location))) {
            store.load(in, chars(password));
            return store;
        } catch (IOException e) {
            throw new ConfigException(key, location, "cannot read it as " + type + ": " + e.getMessage());
        }
    }

    private static char[] chars(Password password) {
        return password == null ? null : password.value().toCharArray();
    }
}
