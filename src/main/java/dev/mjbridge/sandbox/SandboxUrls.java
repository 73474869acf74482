package dev.mjbridge.sandbox;

/**
 * The addresses the sandbox hands out in its payloads (resume_gateway_url, CDN and
 * upload URLs). Known only once the web server has bound its port.
 */
public final class SandboxUrls {

    private volatile String host = "127.0.0.1";
    private volatile int port;

    void bind(String boundHost, int boundPort) {
        this.host = boundHost;
        this.port = boundPort;
    }

    public int port() {
        return port;
    }

    /** REST base without {@code /api/v9}, e.g. {@code http://127.0.0.1:8090}. */
    public String http() {
        return "http://" + host + ":" + port;
    }

    /** Gateway base, e.g. {@code ws://127.0.0.1:8090}. */
    public String gateway() {
        return "ws://" + host + ":" + port;
    }
}
