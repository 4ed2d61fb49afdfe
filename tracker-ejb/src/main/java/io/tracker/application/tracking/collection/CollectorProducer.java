package io.tracker.application.tracking.collection;

import io.tracker.application.shared.Database;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.concurrent.RejectedExecutionException;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Makes the application's one {@link Collector} (inject it with {@code @Inject Collector}), sized from
 * the environment ({@link CollectorSettings}), with the container's threads, and closes it when the
 * application stops (queued hits are still written). Creating it starts building the bot detector in
 * the background, so that the first hits do not wait the few seconds it takes.
 */
@ApplicationScoped
public class CollectorProducer {

    @Resource(lookup = Database.DATA_SOURCE)
    private DataSource dataSource;

    @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
    private ManagedThreadFactory threads;

    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    private ManagedExecutorService executor;

    @Inject
    private BotDetector bots;

    @Produces
    @Singleton
    Collector collector() {
        Collector collector = new Collector(CollectorSettings.from(ConfigProvider.getConfig()), dataSource, threads,
                executor, bots);
        collector.start();
        try {
            executor.execute(bots::warmUp);
        } catch (RejectedExecutionException e) {
            // the first hit builds it
        }
        return collector;
    }

    void close(@Disposes Collector collector) {
        collector.close();
    }
}
