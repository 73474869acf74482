package dev.mjbridge.task.images;

import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import dev.mjbridge.account.AccountPool;
import dev.mjbridge.discord.DiscordEndpoints;
import dev.mjbridge.discord.HttpClients;
import dev.mjbridge.images.GridSplitter;
import dev.mjbridge.images.ImageDownloadSettings;
import dev.mjbridge.images.ImageDownloader;
import dev.mjbridge.images.ImageProperties;
import dev.mjbridge.images.ImageStore;
import dev.mjbridge.midjourney.MessageParser;
import dev.mjbridge.task.MidjourneyCdn;
import dev.mjbridge.task.ResultImages;
import dev.mjbridge.task.TaskWriter;

/** Chooses what happens to a result's picture from {@code mj.images.url} (see docs/images.md). */
@Configuration(proxyBeanMethods = false)
public class ImageKeepingConfiguration {

    /** Cutting grids and writing files: two threads keep one core for everything else on small machines. */
    @Bean(destroyMethod = "shutdownNow")
    ExecutorService imageKeepingExecutor() {
        return Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "mj-image-keep");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Bean
    ResultImages resultImages(ImageProperties properties, Optional<ImageStore> store, TaskWriter writer,
                              AccountPool pool, MessageParser parser, DiscordEndpoints endpoints, MidjourneyCdn cdn,
                              HttpClients discordHttpClients, Environment environment,
                              ExecutorService imageKeepingExecutor) {
        return switch (properties.url()) {
            case DISCORD -> ResultImages.NONE;
            case MIDJOURNEY -> new MidjourneyLinks(cdn, writer, imageKeepingExecutor);
            case STORED -> {
                // ImageProperties refuses 'stored' without a store, so there is one here.
                ImageStore kept = store.orElseThrow();
                ImageDownloader downloader = new ImageDownloader(discordHttpClients.forProxy(null),
                        ImageDownloadSettings.defaults().withMaxBytes(properties.maxBytesPerImage().toBytes()));
                StoredLinks links = new StoredLinks(kept, properties.publicBaseUrl(), () -> ownBase(environment));
                yield new StoredPictures(kept, downloader, new GridSplitter(), new FreshLinks(pool, parser, endpoints),
                        links, writer, KeepOutcomes.NONE, imageKeepingExecutor);
            }
        };
    }

    /** This service on the loopback address, for tasks that do not know where they were submitted. */
    private static String ownBase(Environment environment) {
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        String context = environment.getProperty("server.servlet.context-path", "");
        return "http://localhost:" + port + context;
    }
}
