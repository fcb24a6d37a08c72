package io.vigil.schedule;

import io.vigil.runs.GracefulShutdown;
import io.vigil.runs.NodeIdentity;
import io.vigil.runs.RecoverySweep;
import io.vigil.runs.ShutdownReport;
import java.sql.DatabaseMetaData;
import java.util.Set;
import org.jooq.DSLContext;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

/**
 * What {@code vigil run} starts, in this order: sync every job family's declared rows (in their declared
 * order), take over the runs a dead node left behind (and from then on, every heartbeat interval), bring
 * Quartz's schedules in line with the configuration, and only then let the scheduler fire. It says so in
 * one line when it has started, and in one when it has stopped.
 */
public class Daemon implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(Daemon.class);

    private final StartupSyncs syncs;
    private final RecoverySweep recovery;
    private final ScheduleReconciler reconciler;
    private final Schedules schedules;
    private final Scheduler scheduler;
    private final NodeIdentity node;
    private final GracefulShutdown shutdown;
    private final DSLContext dsl;
    private volatile boolean started;

    public Daemon(StartupSyncs syncs, RecoverySweep recovery, ScheduleReconciler reconciler, Schedules schedules,
                  Scheduler scheduler, NodeIdentity node, GracefulShutdown shutdown, DSLContext dsl) {
        this.syncs = syncs;
        this.recovery = recovery;
        this.reconciler = reconciler;
        this.schedules = schedules;
        this.scheduler = scheduler;
        this.node = node;
        this.shutdown = shutdown;
        this.dsl = dsl;
    }

    public void start() throws SchedulerException {
        syncs.syncAll();
        recovery.start();
        reconciler.reconcile(schedules.enabled());
        scheduler.start();
        started = true;
        Set<String> installed = schedules.enabled().keySet();
        log.info("vigil started: node {}, database {}, {} schedule(s) installed: {}", node.nodeId(), database(),
                installed.size(), String.join(", ", installed));
    }

    /**
     * Called as the context closes, after every lifecycle has stopped: Quartz is in standby and the graceful
     * shutdown has stopped this node's runs, so what it left behind is known.
     */
    @Override
    public void destroy() {
        if (started) {
            log.info("vigil stopped: node {}, {}", node.nodeId(),
                    shutdown.report().map(ShutdownReport::summary).orElse("its runs not accounted for"));
        }
    }

    private String database() {
        return dsl.connectionResult(connection -> {
            DatabaseMetaData metaData = connection.getMetaData();
            return DatabaseUrls.withoutCredentials(metaData.getURL()) + " (" + metaData.getDatabaseProductName() + " "
                    + metaData.getDatabaseMajorVersion() + "." + metaData.getDatabaseMinorVersion() + ")";
        });
    }
}
