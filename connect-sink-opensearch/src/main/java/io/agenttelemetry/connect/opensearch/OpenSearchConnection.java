package io.agenttelemetry.connect.opensearch;

import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import javax.net.ssl.KeyManager;
import javax.net.ssl.TrustManager;

import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClientBuilder;
import org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.client5.http.ssl.DefaultHostnameVerifier;
import org.apache.hc.client5.http.ssl.NoopHostnameVerifier;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.util.Timeout;
import org.apache.kafka.connect.errors.ConnectException;
import org.opensearch.client.json.jackson.JacksonJsonpMapper;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.transport.OpenSearchTransport;
import org.opensearch.client.transport.aws.AwsSdk2Transport;
import org.opensearch.client.transport.aws.AwsSdk2TransportOptions;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5Transport;
import org.opensearch.client.transport.httpclient5.internal.Node;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.agenttelemetry.connect.aws.AwsCredentials;
import software.amazon.awssdk.regions.Region;

/**
 * The sink's connection to OpenSearch: the OpenSearch client for setup requests, and the way bulk requests go. Over
 * plain HTTP(S) one Apache HTTP client serves both, and bulk bodies are streamed ({@link StreamingBulkRequests});
 * with SigV4 everything goes through opensearch-java's AWS transport, which signs each request.
 */
final class OpenSearchConnection implements Closeable {
    /** The timeouts opensearch-java's own transport builder sets. */
    private static final Timeout CONNECT_TIMEOUT = Timeout.ofSeconds(1);
    private static final Timeout SOCKET_TIMEOUT = Timeout.ofSeconds(30);
    /**
     * Bytes a request body goes to the socket in. The HTTP client's default, 2 KiB, took a bulk request of 6.5 MB
     * 3,200 write calls, each a TCP segment the node then reads on its own.
     */
    private static final int WRITE_CHUNK_BYTES = 64 * 1024;

    final OpenSearchClient client;
    final BulkRequests bulk;
    private final OpenSearchTransport transport;
    /** The SigV4 credentials (and their STS client), when requests are signed. */
    private final AwsCredentials awsCredentials;

    private OpenSearchConnection(OpenSearchTransport transport, BulkRequests bulk, AwsCredentials awsCredentials) {
        this.transport = transport;
        this.client = new OpenSearchClient(transport);
        this.bulk = bulk;
        this.awsCredentials = awsCredentials;
    }

    static OpenSearchConnection open(OpenSearchSinkConfig config) {
        return config.sigV4Service != null ? aws(config) : http(config);
    }

    private static OpenSearchConnection http(OpenSearchSinkConfig config) {
        List<HttpHost> hosts = new ArrayList<>();
        try {
            for (String url : config.urls) {
                hosts.add(HttpHost.create(url.trim()));
            }
        } catch (URISyntaxException e) {
            throw new ConnectException("Invalid " + OpenSearchSinkConfig.CONNECTION_URL_CONFIG + ": " + e.getMessage());
        }
        PoolingAsyncClientConnectionManagerBuilder connections = PoolingAsyncClientConnectionManagerBuilder.create()
                .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(CONNECT_TIMEOUT).setSocketTimeout(SOCKET_TIMEOUT).build())
                .setMaxConnPerRoute(Math.max(10, config.maxInFlightRequests))
                .setMaxConnTotal(Math.max(30, config.maxInFlightRequests * hosts.size()));
        if (hosts.stream().anyMatch(h -> "https".equalsIgnoreCase(h.getSchemeName()))) {
            connections.setTlsStrategy(ClientTlsStrategyBuilder.create().setSslContext(TlsContext.build(config))
                    .setHostnameVerifier(config.verifyHostname ? new DefaultHostnameVerifier() : NoopHostnameVerifier.INSTANCE)
                    .build());
        }
        HttpAsyncClientBuilder builder = HttpAsyncClientBuilder.create().setConnectionManager(connections.build()).disableAutomaticRetries()
                .setHttp1Config(Http1Config.custom().setChunkSizeHint(WRITE_CHUNK_BYTES).build());
        String authorization = null;
        if (config.username != null) {
            String password = config.password == null ? "" : config.password.value();
            BasicCredentialsProvider credentials = new BasicCredentialsProvider();
            for (HttpHost host : hosts) {
                credentials.setCredentials(new AuthScope(host), new UsernamePasswordCredentials(config.username, password.toCharArray()));
            }
            builder.setDefaultCredentialsProvider(credentials);
            authorization = "Basic " + Base64.getEncoder().encodeToString((config.username + ":" + password).getBytes(StandardCharsets.UTF_8));
        }
        CloseableHttpAsyncClient http = builder.build();
        // An explicit mapper: the no-argument one scans for Jackson modules with ServiceLoader, and inside a plugin
        // class loader that finds the worker's modules, built against the worker's Jackson ("not a subtype").
        ApacheHttpClient5Transport transport = new ApacheHttpClient5Transport(http, new Header[0], hosts.stream().map(Node::new).toList(),
                new JacksonJsonpMapper(new ObjectMapper()), null, null, null, null, false, false, false);
        http.start();
        return new OpenSearchConnection(transport, new StreamingBulkRequests(http, hosts, authorization, WRITE_CHUNK_BYTES), null);
    }

    /** Amazon OpenSearch Service or Serverless: every request signed with SigV4 by opensearch-java's AWS transport. */
    private static OpenSearchConnection aws(OpenSearchSinkConfig config) {
        URI url = URI.create(config.urls.get(0).trim());
        TrustManager[] trust = TlsContext.trustManagers(config);
        KeyManager[] keys = TlsContext.keyManagers(config);
        software.amazon.awssdk.http.apache.ApacheHttpClient.Builder http = software.amazon.awssdk.http.apache.ApacheHttpClient.builder()
                .maxConnections(Math.max(10, config.maxInFlightRequests));
        if (trust != null) {
            http.tlsTrustManagersProvider(() -> trust);
        }
        if (keys != null) {
            http.tlsKeyManagersProvider(() -> keys);
        }
        AwsCredentials credentials = config.awsCredentials.open(config.awsRegion);
        AwsSdk2TransportOptions options = AwsSdk2TransportOptions.builder()
                .setCredentials(credentials.provider())
                .setMapper(new JacksonJsonpMapper(new ObjectMapper()))
                .build();
        String host = url.getHost() + (url.getPort() > 0 ? ":" + url.getPort() : "");
        AwsSdk2Transport transport = new AwsSdk2Transport(http.build(), host, config.sigV4Service, Region.of(config.awsRegion), options);
        return new OpenSearchConnection(transport, new ClientBulkRequests(new OpenSearchClient(transport).generic()), credentials);
    }

    @Override
    public void close() throws IOException {
        transport.close();
        if (awsCredentials != null) {
            awsCredentials.close();
        }
    }
}
