package org.awardeval.deployment;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.awardeval.settings.AwardProperties;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys the folder {@code processes/} as one deployment with names relative to the folder, so that forms bound by
 * deployment resolve and the same files give the same deployment on every node. An unchanged folder creates no new
 * version; a change to any file redeploys the whole folder together.
 */
@Component
public class ProcessDeployer {

    public static final String DEPLOYMENT_NAME = "award-processes";
    private static final List<String> EXTENSIONS = List.of(".bpmn", ".dmn", ".form");
    private static final Logger LOG = LoggerFactory.getLogger(ProcessDeployer.class);

    private final RepositoryService repositoryService;
    private final AwardProperties properties;

    public ProcessDeployer(RepositoryService repositoryService, AwardProperties properties) {
        this.repositoryService = repositoryService;
        this.properties = properties;
    }

    /** The outcome of the latest deployment attempt, for process owners. */
    public record Status(String source, Instant attemptedAt, String deploymentId, int newDefinitions, String error) {
    }

    private volatile Status status;

    /**
     * The installation's first deployment, from the folder or the jar. Later changes to the folder are proposed for
     * approval (ProcessChanges), not deployed here; the jar's copy is the installed version and deployed as it is.
     */
    @EventListener(ApplicationStartedEvent.class)
    @Order(0)
    public void deployOnStart() {
        if (Files.isDirectory(folder())) {
            if (repositoryService.createDeploymentQuery().deploymentName(DEPLOYMENT_NAME).count() == 0) {
                deployFolder();
            }
        } else {
            deploy(readClasspath(), DEPLOYMENT_NAME, "classpath:processes");
        }
    }

    /** The folder of process files this installation deploys from, when it has one. */
    public Path folder() {
        return Path.of(properties.processesDir()).toAbsolutePath();
    }

    /**
     * Deploys the folder as it is now. A file the engine cannot parse deploys nothing: the running versions stay, and the
     * error, naming the file and the element, is kept in {@link #status()} and thrown.
     */
    public synchronized DeploymentWithDefinitions deployFolder() {
        Path dir = folder();
        try {
            return deploy(readDirectory(dir), DEPLOYMENT_NAME, dir.toString());
        } catch (RuntimeException e) {
            status = new Status(dir.toString(), Instant.now(), null, 0, e.getMessage());
            LOG.error("The processes in {} were not deployed; the running versions stay: {}", dir, e.getMessage());
            throw e;
        }
    }

    /** Keeps why the folder was not taken, for {@link #status()}. */
    public void refused(String source, String error) {
        status = new Status(source, Instant.now(), null, 0, error);
        LOG.error("The processes in {} were not taken; the running versions stay: {}", source, error);
    }

    public Optional<Status> status() {
        return Optional.ofNullable(status);
    }

    public DeploymentWithDefinitions deploy(SortedMap<String, byte[]> resources, String deploymentName, String source) {
        if (resources.isEmpty()) {
            throw new IllegalStateException("No .bpmn, .dmn or .form file found in " + source);
        }
        DeploymentBuilder builder = repositoryService.createDeployment()
                .name(deploymentName)
                .source(deploymentName)
                .enableDuplicateFiltering(false);
        resources.forEach((name, bytes) -> builder.addInputStream(name, new ByteArrayInputStream(bytes)));
        DeploymentWithDefinitions deployment = builder.deployWithResult();
        int created = size(deployment.getDeployedProcessDefinitions()) + size(deployment.getDeployedDecisionDefinitions());
        LOG.info("Processes from {} ({} files): deployment {}, {} new definitions", source, resources.size(), deployment.getId(), created);
        status = new Status(source, Instant.now(), deployment.getId(), created, null);
        return deployment;
    }

    /** The deployable files below a folder, named by their path relative to it with '/' separators. */
    public static SortedMap<String, byte[]> readDirectory(Path dir) {
        SortedMap<String, byte[]> resources = new TreeMap<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).filter(ProcessDeployer::deployable).toList()) {
                String name = dir.relativize(file).toString().replace('\\', '/');
                resources.put(name, Files.readAllBytes(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the processes folder " + dir.toAbsolutePath(), e);
        }
        return resources;
    }

    /** The same files as packaged in the jar under {@code processes/}. */
    public static SortedMap<String, byte[]> readClasspath() {
        SortedMap<String, byte[]> resources = new TreeMap<>();
        try {
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:processes/**/*")) {
                String url = resource.getURL().toString();
                int at = url.lastIndexOf("/processes/");
                if (resource.isReadable() && at >= 0 && EXTENSIONS.stream().anyMatch(url::endsWith)) {
                    try (var in = resource.getInputStream()) {
                        resources.put(url.substring(at + "/processes/".length()), in.readAllBytes());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the packaged processes", e);
        }
        return resources;
    }

    private static int size(List<?> list) {
        return list == null ? 0 : list.size();
    }

    private static boolean deployable(Path file) {
        String name = file.getFileName().toString();
        return EXTENSIONS.stream().anyMatch(name::endsWith);
    }
}
