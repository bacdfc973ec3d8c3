package org.awardeval.deployment;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.awardeval.settings.AwardProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Proposes the processes folder as a change when a process owner saves a file in it, so that a change in the Modeler
 * reaches the coordinators' approval without a restart, and after a restart proposes what changed while the
 * application was down. It waits until the folder has been quiet for a moment, so that a save is complete.
 */
@Component
class ProcessFolderWatcher implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(ProcessFolderWatcher.class);

    private final ProcessDeployer deployer;
    private final ProcessChanges changes;
    private final AwardProperties properties;
    private volatile WatchService watchService;
    private volatile Thread thread;

    ProcessFolderWatcher(ProcessDeployer deployer, ProcessChanges changes, AwardProperties properties) {
        this.deployer = deployer;
        this.changes = changes;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    public synchronized void watch() throws IOException {
        Path dir = deployer.folder();
        if (!properties.processesWatch() || !Files.isDirectory(dir) || watchService != null) {
            return;
        }
        changes.proposeFolder();
        watchService = FileSystems.getDefault().newWatchService();
        register(dir);
        thread = new Thread(this::run, "processes-watcher");
        thread.setDaemon(true);
        thread.start();
        LOG.info("Watching {} for changes to propose", dir);
    }

    private void register(Path dir) throws IOException {
        try (Stream<Path> dirs = Files.walk(dir)) {
            for (Path each : dirs.filter(Files::isDirectory).toList()) {
                each.register(watchService, ENTRY_CREATE, ENTRY_MODIFY, ENTRY_DELETE);
            }
        }
    }

    private void run() {
        long quietMillis = Math.max(properties.processesWatchDelay().toMillis(), 1);
        try {
            while (true) {
                WatchKey key = watchService.take();
                boolean changed = drain(key);
                // Wait until no file has changed for the quiet period: editors save in several steps.
                WatchKey next;
                while ((next = watchService.poll(quietMillis, TimeUnit.MILLISECONDS)) != null) {
                    changed |= drain(next);
                }
                if (changed) {
                    register(deployer.folder());
                    changes.proposeFolder();
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            LOG.error("Stopped watching {}: {}", deployer.folder(), e.getMessage());
        }
    }

    private static boolean drain(WatchKey key) {
        boolean any = !key.pollEvents().isEmpty();
        key.reset();
        return any;
    }

    @Override
    public void start() {
        // Started once the application is ready, after the first deployment.
    }

    @Override
    public synchronized void stop() {
        if (watchService != null) {
            try {
                watchService.close();
            } catch (IOException e) {
                LOG.warn("Closing the processes watcher: {}", e.getMessage());
            }
            watchService = null;
        }
    }

    @Override
    public boolean isRunning() {
        return watchService != null;
    }
}
