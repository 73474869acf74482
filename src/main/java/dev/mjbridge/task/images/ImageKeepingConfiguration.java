package dev.mjbridge.task.images;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import dev.mjbridge.account.AccountPool;
import dev.mjbridge.discord.DiscordEndpoints;
import dev.mjbridge.discord.HttpClients;
import dev.mjbridge.images.GridSplitter;
import dev.mjbridge.images.ImageDownloadSettings;
import dev.mjbridge.images.ImageProperties;
import dev.mjbridge.images.ImageStore;
import dev.mjbridge.images.ImageStoreHealth;
import dev.mjbridge.images.StoredImageIndex;
import dev.mjbridge.midjourney.MessageParser;
import dev.mjbridge.task.MidjourneyCdn;
import dev.mjbridge.task.ResultImages;
import dev.mjbridge.task.TaskStore;
import dev.mjbridge.task.TaskWriter;

/** Chooses what happens to a result's picture from {@code mj.images.url} (see docs/images.md). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(KeepRetryProperties.class)
public class ImageKeepingConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ImageKeepingConfiguration.class);
    /** How often due retries are looked for, at most: often enough for the shortest sensible first delay. */
    private static final Duration RETRY_CHECK = Duration.ofSeconds(30);

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
                              ExecutorService imageKeepingExecutor, DataSource dataSource, TaskStore tasks,
                              KeepRetryProperties retrySettings, ScheduledExecutorService mjScheduler,
                              ObjectProvider<StoredImageIndex> index, ObjectProvider<ImageStoreHealth> health) {
        return switch (properties.url()) {
            case DISCORD -> new DiscordLinks(writer, imageKeepingExecutor);
            case MIDJOURNEY -> new MidjourneyLinks(cdn, writer, imageKeepingExecutor);
            case STORED -> {
                // ImageProperties refuses 'stored' without a store, so there is one here.
                ImageStore kept = store.orElseThrow();
                Downloaders downloaders = new Downloaders(Downloaders.accountProxy(pool), discordHttpClients,
                        ImageDownloadSettings.defaults().withMaxBytes(properties.maxBytesPerImage().toBytes()));
                StoredLinks links = new StoredLinks(kept, properties.publicBaseUrl(), () -> ownBase(environment));
                PictureCopies copies = new PictureCopies(kept, downloaders, new GridSplitter(),
                        new FreshLinks(pool, parser, endpoints), links, imageKeepingExecutor);
                // Both exist whenever a store does.
                KeepOutcomes others = new StoreBookkeeping(index.getObject(), health.getObject(), Clock.systemUTC());
                PictureRetries retries = new PictureRetries(new RetryQueue(dataSource), copies, writer, tasks,
                        retrySettings, others, Clock.systemUTC());
                scheduleRetries(retries, retrySettings, mjScheduler);
                yield new StoredPictures(copies, writer, KeepOutcomes.all(List.of(others, retries)));
            }
        };
    }

    private static void scheduleRetries(PictureRetries retries, KeepRetryProperties settings,
                                        ScheduledExecutorService scheduler) {
        long every = Math.max(100, Math.min(settings.first().toMillis(), RETRY_CHECK.toMillis()));
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                retries.runDue();
            } catch (RuntimeException e) {
                // A failed run must not end the schedule: the next one tries again.
                log.warn("looking for pictures to store again failed: {}", e.getMessage());
            }
        }, every, every, TimeUnit.MILLISECONDS);
    }

    /** This service on the loopback address, for tasks that do not know where they were submitted. */
    private static String ownBase(Environment environment) {
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        String context = environment.getProperty("server.servlet.context-path", "");
        return "http://localhost:" + port + context;
    }
}
