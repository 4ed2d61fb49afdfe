package io.tracker.application.conversion.destinations;

import io.tracker.application.shared.Polling;
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

    private Polling polling;

    @PostConstruct
    void start() {
        polling = Polling.start("destination scheduler", scheduler, Math.max(5, pollSeconds), requestContext,
                this::pass);
    }

    @PreDestroy
    void stop() {
        polling.stop();
    }

    private void pass(Polling polling) {
        for (DestinationUploads.Due due : uploads.due()) {
            if (polling.stopping()) {
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
    }
}
