package io.tracker.application.conversion.destinations;

import io.tracker.application.tenant.TenantSelection;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorDefinition;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.control.RequestContextController;
import jakarta.inject.Inject;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs the scheduled uploads: every {@code tracker.destinations.poll-seconds} (default 60) it asks the database
 * which destinations are due ({@code destinations_due()}: enabled, with {@code upload_every_minutes}, not Microsoft
 * Advertising, last run at least that long ago) and runs {@link ConversionUploader#upload} for each as that tenant
 * (Tracker itself, {@link TenantSelection#asPlatform}). On a thread of its own, like the data-driven scheduler: a
 * slow platform must not hold up the attribution worker. A failed run is logged; the next poll goes on.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@ManagedScheduledExecutorDefinition(name = DestinationScheduler.EXECUTOR, maxAsync = 1)
public class DestinationScheduler {

    static final String EXECUTOR = "java:app/concurrent/destination-uploads";

    private static final Logger LOG = Logger.getLogger(DestinationScheduler.class.getName());

    @Resource(lookup = EXECUTOR)
    private ManagedScheduledExecutorService scheduler;

    @Inject
    @ConfigProperty(name = "tracker.destinations.poll-seconds", defaultValue = "60")
    private long pollSeconds;

    @EJB
    private TenantSelection selection;

    @EJB
    private DestinationUploads uploads;

    @EJB
    private ConversionUploader uploader;

    @Inject
    private RequestContextController requestContext;

    private volatile boolean stopping;
    private ScheduledFuture<?> task;

    @PostConstruct
    void start() {
        long every = Math.max(5, pollSeconds);
        task = scheduler.scheduleWithFixedDelay(this::wakeUp, every, every, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        stopping = true;
        if (task != null) {
            task.cancel(false);
        }
    }

    /** One poll. Never throws (that would end the schedule). */
    private void wakeUp() {
        try {
            requestContext.activate();
            try {
                for (DestinationUploads.Due due : uploads.due()) {
                    if (stopping) {
                        return;
                    }
                    try {
                        selection.asPlatform(due.tenantId());
                        UploadRun run = uploader.upload(due.platform());
                        LOG.fine(() -> "scheduled upload of " + due + ": " + run);
                    } catch (RuntimeException e) {
                        LOG.log(Level.WARNING, "scheduled upload of " + due + " failed: " + e, e);
                    }
                }
            } finally {
                requestContext.deactivate();
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, e, () -> "destination scheduler: poll failed: " + e);
        }
    }
}
