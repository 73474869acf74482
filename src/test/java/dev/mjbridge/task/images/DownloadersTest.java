package dev.mjbridge.task.images;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import dev.mjbridge.discord.HttpClients;
import dev.mjbridge.images.DownloadedImage;
import dev.mjbridge.images.ImageDownloadSettings;
import dev.mjbridge.midjourney.JobKind;
import dev.mjbridge.task.Task;
import dev.mjbridge.task.TaskProperties;

/** A task's picture is downloaded through the proxy of the account that ran it, like its other Discord traffic. */
class DownloadersTest {

    private static final byte[] PICTURE = {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3};

    private final HttpClients clients = new HttpClients();
    private final List<String> proxied = new CopyOnWriteArrayList<>();
    private HttpServer proxy;

    @AfterEach
    void stop() {
        if (proxy != null) {
            proxy.stop(0);
        }
        clients.close();
    }

    @Test
    void aTaskOfAnAccountWithAProxyDownloadsThroughIt() throws Exception {
        startProxy();
        String address = "127.0.0.1:" + proxy.getAddress().getPort();
        Downloaders downloaders = new Downloaders(task -> "acc-proxied".equals(task.accountId()) ? address : null,
                clients, ImageDownloadSettings.defaults());

        // A host that does not resolve: only a proxy can fetch it.
        DownloadedImage image = downloaders.forTask(task("acc-proxied"))
                .download("http://cdn.discord.invalid/attachments/1/2/grid.png?ex=1&is=2&hm=3&")
                .get(30, TimeUnit.SECONDS);

        assertThat(image.bytes()).isEqualTo(PICTURE);
        assertThat(proxied).containsExactly("http://cdn.discord.invalid/attachments/1/2/grid.png?ex=1&is=2&hm=3&");
        assertThat(downloaders.forTask(task("acc-proxied"))).isSameAs(downloaders.forTask(task("acc-proxied")));
        assertThat(downloaders.forTask(task("acc-direct"))).isNotSameAs(downloaders.forTask(task("acc-proxied")));
    }

    private void startProxy() throws IOException {
        proxy = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        proxy.createContext("/", exchange -> {
            // A forward proxy is asked for the absolute URI of the resource.
            proxied.add(exchange.getRequestURI().toString());
            exchange.getResponseHeaders().add("Content-Type", "image/png");
            exchange.sendResponseHeaders(200, PICTURE.length);
            exchange.getResponseBody().write(PICTURE);
            exchange.close();
        });
        proxy.start();
    }

    private static Task task(String accountId) {
        Task task = Task.create("1732800000000001", JobKind.IMAGINE, 1_732_800_000_000L);
        return task.withProperties(TaskProperties.EMPTY.withDiscordInstanceId(accountId));
    }
}
