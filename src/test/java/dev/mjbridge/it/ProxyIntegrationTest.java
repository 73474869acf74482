package dev.mjbridge.it;

import dev.mjbridge.account.AccountPool;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The whole app on a random port in sandbox mode (two simulated accounts in one
 * channel, jobs of 60 ms), driven through real sockets. Test classes with the same
 * properties share one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "mj.sandbox.enabled=true",
        "mj.sandbox.job-time=60ms",
        "mj.sandbox.video-time=" + ProxyIntegrationTest.VIDEO_TIME_MS + "ms",
        "mj.tasks.timeout-check=1s",
        "mj.admin-secret=" + ProxyIntegrationTest.ADMIN_SECRET,
        "spring.datasource.url=jdbc:h2:mem:proxy-it;DB_CLOSE_DELAY=-1"
})
public abstract class ProxyIntegrationTest {

    /** The admin API's secret in these tests (tests re-enable the accounts they disabled). */
    protected static final String ADMIN_SECRET = "it-admin-secret";

    /** mj.sandbox.video-time in these tests: a simulated fast video job takes this long. */
    protected static final long VIDEO_TIME_MS = 240;

    @LocalServerPort
    protected int port;

    @Autowired
    protected AccountPool pool;

    protected MjApi api;

    @BeforeEach
    void connectAndWaitForAccounts() {
        api = new MjApi(port);
        SandboxedAccounts.awaitAllReady(pool, MjApi.WAIT);
    }
}
