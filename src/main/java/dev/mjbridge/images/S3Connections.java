package dev.mjbridge.images;

import java.net.URI;
import java.time.Duration;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * The SDK's client and presigner for {@code mj.images.s3.*}, built from the same settings so that a
 * presigned link names the same server, bucket address style, region and keys the client uses.
 * Closing it closes both (and the credentials chain, which may hold a refresh thread).
 */
final class S3Connections implements AutoCloseable {

    /** A server that does not answer should fail a request soon: a task then keeps its Discord link. */
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(30);

    private final S3Client client;
    private final S3Presigner presigner;
    private final AwsCredentialsProvider credentials;

    private S3Connections(S3Client client, S3Presigner presigner, AwsCredentialsProvider credentials) {
        this.client = client;
        this.presigner = presigner;
        this.credentials = credentials;
    }

    static S3Connections open(S3ImageProperties settings) {
        AwsCredentialsProvider credentials = settings.hasStaticCredentials()
                ? StaticCredentialsProvider.create(AwsBasicCredentials.create(settings.accessKey(), settings.secretKey()))
                : DefaultCredentialsProvider.builder().build();
        Region region = Region.of(settings.region());
        S3Configuration addressing = S3Configuration.builder().pathStyleAccessEnabled(settings.pathStyle()).build();
        S3ClientBuilder client = S3Client.builder()
                .region(region)
                .credentialsProvider(credentials)
                .serviceConfiguration(addressing)
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(CONNECT_TIMEOUT)
                        .socketTimeout(SOCKET_TIMEOUT));
        S3Presigner.Builder presigner = S3Presigner.builder()
                .region(region)
                .credentialsProvider(credentials)
                .serviceConfiguration(addressing);
        if (settings.endpoint() != null) {
            URI endpoint = URI.create(settings.endpoint());
            client.endpointOverride(endpoint);
            presigner.endpointOverride(endpoint);
        }
        return new S3Connections(client.build(), presigner.build(), credentials);
    }

    S3Client client() {
        return client;
    }

    S3Presigner presigner() {
        return presigner;
    }

    @Override
    public void close() {
        client.close();
        presigner.close();
        if (credentials instanceof SdkAutoCloseable closeable) {
            closeable.close();
        }
    }
}
