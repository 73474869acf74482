package dev.mjbridge.notify;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The SSRF check of client-supplied hooks; host names resolve through a fixed table, never real DNS. */
class NotifyHookPolicyTest {

    private static final Map<String, List<String>> DNS = Map.of(
            "localhost", List.of("127.0.0.1"),
            "hooks.example.com", List.of("93.184.216.34"),
            "a.corp.example", List.of("93.184.216.35"),
            "evil.example", List.of("93.184.216.36"),
            "mixed.example", List.of("93.184.216.37", "10.1.2.3"),
            "meta.example", List.of("93.184.216.38", "169.254.169.254"));

    private static final HostResolver TABLE = host -> {
        List<String> addresses = DNS.get(host);
        if (addresses == null) {
            // IP literals are parsed without any lookup; other names are unknown here.
            if (host.contains(":") || host.matches("[0-9.]+")) {
                return InetAddress.getAllByName(host);
            }
            throw new UnknownHostException(host);
        }
        InetAddress[] result = new InetAddress[addresses.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = InetAddress.getByName(addresses.get(i));
        }
        return result;
    };

    private static NotifyHookPolicy policy(boolean refusePrivate, List<String> allowHosts) {
        return new NotifyHookPolicy(new NotifyProperties(null, Duration.ofSeconds(1), null, null, allowHosts,
                refusePrivate, null, null, null, null), TABLE);
    }

    private static final NotifyHookPolicy DEFAULTS = policy(false, List.of());
    private static final NotifyHookPolicy STRICT = policy(true, List.of());

    @ParameterizedTest
    @ValueSource(strings = {
            "http://169.254.169.254/latest/meta-data/",
            "http://169.254.10.1/hook",
            "http://[fe80::1]/hook",
            "http://[fd00:ec2::254]/hook",
            "http://metadata.google.internal/computeMetadata/v1/",
            "http://METADATA.google.internal./x",
            "http://[::ffff:169.254.169.254]/hook",
            "http://[64:ff9b::a9fe:a9fe]/hook",
            "http://2852039166/hook",
            "http://meta.example/hook",
            "http://100.100.100.200/hook",
            "http://224.0.0.1/hook"})
    void linkLocalAndMetadataAreAlwaysRefused(String url) {
        assertThat(DEFAULTS.refusalReason(url)).isPresent();
        assertThat(STRICT.refusalReason(url)).isPresent();
        assertThat(policy(false, List.of("169.254.169.254", "metadata.google.internal", "meta.example"))
                .refusalReason(url)).isPresent();
    }

    @Test
    void theReasonSaysWhy() {
        assertThat(DEFAULTS.refusalReason("http://169.254.169.254/")).hasValueSatisfying(reason ->
                assertThat(reason).startsWith("notifyHook").contains("metadata"));
        assertThat(STRICT.refusalReason("http://10.0.0.1/")).hasValueSatisfying(reason ->
                assertThat(reason).contains("private"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8080/hook", "http://10.0.0.1/hook", "http://localhost/hook",
            "http://192.168.1.20/hook", "https://hooks.example.com/x?token=1", "http://[::1]:9000/"})
    void localReceiversWorkByDefault(String url) {
        assertThat(DEFAULTS.refusalReason(url)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1/hook", "http://10.0.0.1/hook", "http://localhost:8080/hook",
            "http://172.16.0.1/", "http://172.31.255.254/", "http://192.168.0.1/", "http://[::1]/",
            "http://[fc00::1]/", "http://[fdab::1]/", "http://0.0.0.0/", "http://2130706433/",
            "http://mixed.example/hook"})
    void refusePrivateRefusesLoopbackAndPrivateNetworks(String url) {
        assertThat(STRICT.refusalReason(url)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://hooks.example.com/hook", "http://93.184.216.34/", "http://172.32.0.1/",
            "http://11.0.0.1/"})
    void refusePrivateLetsPublicAddressesThrough(String url) {
        assertThat(STRICT.refusalReason(url)).isEmpty();
    }

    @Test
    void anAllowListAdmitsOnlyItsHosts() {
        NotifyHookPolicy allow = policy(false, List.of("hooks.example.com", "*.corp.example", "127.0.0.1"));

        assertThat(allow.refusalReason("https://hooks.example.com/a")).isEmpty();
        assertThat(allow.refusalReason("https://HOOKS.example.com./a")).isEmpty();
        assertThat(allow.refusalReason("https://a.corp.example/a")).isEmpty();
        assertThat(allow.refusalReason("http://127.0.0.1:9000/a")).isEmpty();
        assertThat(allow.refusalReason("https://evil.example/a")).hasValueSatisfying(reason ->
                assertThat(reason).contains("allow-hosts"));
        assertThat(allow.refusalReason("https://corp.example/a")).isPresent();
        assertThat(allow.refusalReason("http://localhost/a")).isPresent();
        assertThat(allow.refusalReason("http://10.0.0.1/a")).isPresent();
    }

    @Test
    void anAllowedHostIsStillSubjectToRefusePrivate() {
        assertThat(policy(true, List.of("127.0.0.1")).refusalReason("http://127.0.0.1/a")).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "ftp://hooks.example.com/", "file:///etc/passwd", "gopher://hooks.example.com/",
            "javascript:alert(1)", "/relative/hook", "not a url", "http:///nohost", "http://unknown.example/"})
    void onlyResolvableHttpUrlsAreAccepted(String url) {
        assertThat(DEFAULTS.refusalReason(url)).isPresent();
    }

    @Test
    void nullIsRefused() {
        assertThat(DEFAULTS.refusalReason(null)).isPresent();
    }

    @Test
    void overlongUrlsAreRefused() {
        assertThat(DEFAULTS.refusalReason("http://hooks.example.com/" + "a".repeat(3000))).isPresent();
    }
}
