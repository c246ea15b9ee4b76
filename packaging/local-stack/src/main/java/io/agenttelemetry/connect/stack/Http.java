package io.agenttelemetry.connect.stack;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Base64;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Small JSON-over-HTTP client for the servers' REST APIs (Connect, OpenSearch). */
public final class Http {
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private Http() {
    }

    /** A response: status and body text. */
    public static final class Response {
        private final int status;
        private final String body;

        Response(int status, String body) {
            this.status = status;
            this.body = body;
        }

        public int status() {
            return status;
        }

        public String body() {
            return body;
        }

        public JsonNode json() {
            try {
                return MAPPER.readTree(body);
            } catch (IOException e) {
                throw new StackException("not JSON (HTTP " + status + "): " + body, e);
            }
        }

        /** Throws unless the status is 2xx, with the body in the message. */
        public Response ok() {
            if (status / 100 != 2) {
                throw new StackException("HTTP " + status + ": " + body);
            }
            return this;
        }

        @Override
        public String toString() {
            return "HTTP " + status + " " + body;
        }
    }

    public static Response get(String url) {
        return send("GET", url, null);
    }

    public static Response send(String method, String url, String jsonBody) {
        return send(CLIENT, null, method, url, jsonBody);
    }

    /**
     * A client for one https server whose certificates chain to the given PEM CA, sending basic authentication:
     * for the secured OpenSearch node.
     */
    public static Authenticated tls(Path caPem, String user, String password) {
        try (InputStream in = Files.newInputStream(caPem)) {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            int i = 0;
            for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                trust.setCertificateEntry("ca-" + i++, c);
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext ssl = SSLContext.getInstance("TLS");
            ssl.init(null, tmf.getTrustManagers(), null);
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).sslContext(ssl).build();
            String auth = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
            return (method, url, body) -> send(client, auth, method, url, body);
        } catch (IOException | GeneralSecurityException e) {
            throw new StackException("cannot trust " + caPem + ": " + e, e);
        }
    }

    /** Requests with a client of their own (TLS, authentication). */
    @FunctionalInterface
    public interface Authenticated {
        Response send(String method, String url, String jsonBody);

        default Response get(String url) {
            return send("GET", url, null);
        }
    }

    private static Response send(HttpClient client, String authorization, String method, String url, String jsonBody) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT);
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        if (jsonBody == null) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(jsonBody));
        }
        try {
            HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r.body());
        } catch (IOException e) {
            throw new StackException(method + " " + url + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException(method + " " + url + " interrupted", e);
        }
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
