package io.agenttelemetry.connect.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

import io.agenttelemetry.connect.stack.ManagedProcess;
import io.agenttelemetry.connect.stack.StackLayout;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * Stands in for an Amazon OpenSearch Service endpoint: https on 127.0.0.1 with a certificate of its own, every
 * request's SigV4 signature recomputed with the AWS SDK's signer from the known secret and compared; signed requests
 * go on to the local OpenSearch, others get 403 as AWS answers them.
 */
final class SigV4CheckingProxy implements AutoCloseable {
    private static final Pattern AUTHORIZATION = Pattern.compile(
            "AWS4-HMAC-SHA256 Credential=([^/]+)/(\\d{8})/([^/]+)/([^/]+)/aws4_request, ?SignedHeaders=([^,]+), ?Signature=([0-9a-f]+)");

    private final HttpsServer server;
    private final HttpClient forward = HttpClient.newHttpClient();
    private final String target;
    private final String accessKeyId;
    private final String secretKey;
    private final String region;
    private final String service;
    private final Path certificate;
    final AtomicInteger verified = new AtomicInteger();
    final AtomicInteger rejected = new AtomicInteger();

    SigV4CheckingProxy(Path dir, String target, String accessKeyId, String secretKey, String region, String service) throws Exception {
        this.target = target;
        this.accessKeyId = accessKeyId;
        this.secretKey = secretKey;
        this.region = region;
        this.service = service;
        Files.createDirectories(dir);
        Path keyStore = dir.resolve("proxy.p12");
        certificate = dir.resolve("proxy.pem");
        Files.deleteIfExists(keyStore);
        String keytool = Path.of(StackLayout.javaHome(), "bin", "keytool").toString();
        ManagedProcess.run("keytool", List.of(keytool, "-genkeypair", "-alias", "proxy", "-keyalg", "RSA", "-keysize", "2048",
                "-validity", "2", "-dname", "CN=127.0.0.1", "-ext", "san=ip:127.0.0.1", "-storetype", "PKCS12",
                "-keystore", keyStore.toString(), "-storepass", "changeit"), Map.of(), dir, dir.resolve("keytool.log"),
                java.time.Duration.ofMinutes(1));
        ManagedProcess.run("keytool", List.of(keytool, "-exportcert", "-rfc", "-alias", "proxy", "-keystore", keyStore.toString(),
                "-storepass", "changeit", "-file", certificate.toString()), Map.of(), dir, dir.resolve("keytool-export.log"),
                java.time.Duration.ofMinutes(1));
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            ks.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, "changeit".toCharArray());
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(kmf.getKeyManagers(), null, null);
        server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(ssl));
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
        server.createContext("/", this::handle);
        server.start();
    }

    String url() {
        return "https://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The proxy's certificate (PEM), for the sink's trust store. */
    Path certificate() {
        return certificate;
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        String problem = signatureProblem(exchange, body);
        if (problem != null) {
            rejected.incrementAndGet();
            reply(exchange, 403, "application/json", ("{\"message\":\"" + problem + "\"}").getBytes(StandardCharsets.UTF_8));
            return;
        }
        verified.incrementAndGet();
        URI uri = exchange.getRequestURI();
        HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(target + uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())))
                .method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        for (String name : List.of("Content-Type", "Content-Encoding")) { // the AWS transport gzips large bodies
            String value = exchange.getRequestHeaders().getFirst(name);
            if (value != null) {
                req.header(name, value);
            }
        }
        try {
            HttpResponse<byte[]> r = forward.send(req.build(), HttpResponse.BodyHandlers.ofByteArray());
            reply(exchange, r.statusCode(), r.headers().firstValue("Content-Type").orElse("application/json"), r.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            reply(exchange, 503, "text/plain", new byte[0]);
        }
    }

    /** Null if the request carries a valid signature of our key, else why not. */
    private String signatureProblem(HttpExchange exchange, byte[] body) {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        Matcher m = authorization == null ? null : AUTHORIZATION.matcher(authorization);
        if (m == null || !m.matches()) {
            return "missing or malformed SigV4 Authorization header";
        }
        if (!m.group(1).equals(accessKeyId) || !m.group(3).equals(region) || !m.group(4).equals(service)) {
            return "credential scope " + m.group(1) + "/" + m.group(3) + "/" + m.group(4) + " is not ours";
        }
        String amzDate = exchange.getRequestHeaders().getFirst("X-Amz-Date");
        if (amzDate == null) {
            return "no X-Amz-Date";
        }
        URI uri = exchange.getRequestURI();
        SdkHttpRequest.Builder request = SdkHttpRequest.builder()
                .method(SdkHttpMethod.fromValue(exchange.getRequestMethod()))
                .uri(URI.create("https://" + exchange.getRequestHeaders().getFirst("Host") + uri.getRawPath()
                        + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())));
        for (String name : m.group(5).split(";")) {
            List<String> values = exchange.getRequestHeaders().get(name);
            if (values == null) {
                return "signed header " + name + " missing";
            }
            request.putHeader(name, values);
        }
        Clock at = Clock.fixed(LocalDateTime.parse(amzDate, DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'"))
                .toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
        String expected = AwsV4HttpSigner.create().sign(r -> r
                        .identity(AwsCredentialsIdentity.create(accessKeyId, secretKey))
                        .request(request.build())
                        .payload(ContentStreamProvider.fromByteArray(body))
                        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
                        .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                        .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, at))
                .request().firstMatchingHeader("Authorization").orElse("");
        Matcher e = AUTHORIZATION.matcher(expected);
        if (!e.matches() || !e.group(6).equals(m.group(6))) {
            return "The request signature we calculated does not match the signature you provided (expected "
                    + expected + ")";
        }
        return null;
    }

    private static void reply(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
