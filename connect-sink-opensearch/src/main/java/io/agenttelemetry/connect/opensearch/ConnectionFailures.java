package io.agenttelemetry.connect.opensearch;

import java.security.cert.CertificateException;

import javax.net.ssl.SSLPeerUnverifiedException;

import org.apache.kafka.connect.errors.ConnectException;
import org.opensearch.client.opensearch._types.OpenSearchException;
import org.opensearch.client.transport.httpclient5.ResponseException;

/**
 * Failures to reach OpenSearch that retrying cannot cure: a certificate that is not trusted or does not name the
 * host, and refused credentials. Everything else (refused connections, a handshake cut short by a restarting
 * node) is retried.
 */
final class ConnectionFailures {
    private ConnectionFailures() {
    }

    /** @return the error to fail the task with, or null if the failure may pass */
    static ConnectException permanent(String urls, Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CertificateException || t instanceof SSLPeerUnverifiedException) {
                return new ConnectException("TLS to " + urls + " failed: " + t.getMessage() + ". Check "
                        + OpenSearchSinkConfig.SSL_TRUSTSTORE_LOCATION_CONFIG + " (the CA of OpenSearch's certificate) and that "
                        + "the certificate names the host in " + OpenSearchSinkConfig.CONNECTION_URL_CONFIG, e);
            }
            int status = t instanceof ResponseException ? ((ResponseException) t).status()
                    : t instanceof OpenSearchException ? ((OpenSearchException) t).status() : 0;
            ConnectException refused = refused(urls, status, e.getMessage(), e);
            if (refused != null) {
                return refused;
            }
        }
        return null;
    }

    /** @return the error to fail the task with if OpenSearch refused the credentials (401, 403), else null */
    static ConnectException refused(String urls, int status, String message, Throwable cause) {
        if (status != 401 && status != 403) {
            return null;
        }
        return new ConnectException(urls + " refused the request with HTTP " + status + " (" + message
                + "). Check " + OpenSearchSinkConfig.CONNECTION_USERNAME_CONFIG + ", "
                + OpenSearchSinkConfig.CONNECTION_PASSWORD_CONFIG + " (or the AWS credentials when requests are "
                + "signed) and the user's permissions", cause);
    }
}
