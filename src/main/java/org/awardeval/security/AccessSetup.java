package org.awardeval.security;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.Arrays;
import java.util.List;
import org.awardeval.settings.AwardProperties;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * Creates the groups, their authorizations and the admin user at start-up; every step is
 * idempotent so that a restart or a second node changes nothing.
 */
@Component
public class AccessSetup {

    public static final String ADMIN_USER = "admin";
    private static final Logger LOG = LoggerFactory.getLogger(AccessSetup.class);

    private final IdentityService identityService;
    private final AuthorizationService authorizationService;
    private final String adminPassword;

    public AccessSetup(IdentityService identityService, AuthorizationService authorizationService, AwardProperties properties,
            Environment environment) {
        this.identityService = identityService;
        this.authorizationService = authorizationService;
        this.adminPassword = properties.adminPassword();
        boolean demo = environment.acceptsProfiles(Profiles.of("demo"));
        if (!demo && (adminPassword == null || adminPassword.isBlank())) {
            throw new AdminPasswordMissingException();
        }
    }

    @EventListener(ApplicationStartedEvent.class)
    @Order(0)
    public void setUp() {
        for (String groupId : Groups.ALL) {
            if (identityService.createGroupQuery().groupId(groupId).count() == 0) {
                Group group = identityService.newGroup(groupId);
                group.setName(groupId);
                group.setType("WORKFLOW");
                identityService.saveGroup(group);
            }
        }
        for (Resource resource : Resources.values()) {
            grant(Groups.ADMINS, resource, Authorization.ANY, Permissions.ALL);
        }
        grantApplications(Groups.COORDINATORS, "tasklist", "cockpit");
        grant(Groups.COORDINATORS, Resources.PROCESS_DEFINITION, Authorization.ANY, Permissions.READ, Permissions.READ_INSTANCE,
                Permissions.READ_HISTORY, Permissions.READ_TASK, Permissions.UPDATE_TASK);
        for (String startable : List.of("AwardCycle", "Application")) {
            grant(Groups.COORDINATORS, Resources.PROCESS_DEFINITION, startable, Permissions.CREATE_INSTANCE);
        }
        grant(Groups.COORDINATORS, Resources.PROCESS_INSTANCE, Authorization.ANY, Permissions.CREATE, Permissions.READ, Permissions.UPDATE);
        grant(Groups.COORDINATORS, Resources.TASK, Authorization.ANY, Permissions.READ, Permissions.UPDATE);
        grant(Groups.COORDINATORS, Resources.DECISION_DEFINITION, Authorization.ANY, Permissions.READ, Permissions.READ_HISTORY);
        grant(Groups.COORDINATORS, Resources.DEPLOYMENT, Authorization.ANY, Permissions.READ);

        // Judges and the panel work only on the tasks assigned to them; the engine grants those per task.
        grantApplications(Groups.JUDGES, "tasklist");
        grantApplications(Groups.PANEL, "tasklist");

        grantApplications(Groups.PROCESS_OWNERS, "cockpit");
        // Deploying runs code on the server: process owners propose changes (/api/processes/changes) for approval.
        grant(Groups.PROCESS_OWNERS, Resources.DEPLOYMENT, Authorization.ANY, Permissions.READ);
        revoke(Groups.PROCESS_OWNERS, Resources.DEPLOYMENT, Authorization.ANY, Permissions.CREATE);
        grant(Groups.PROCESS_OWNERS, Resources.PROCESS_DEFINITION, Authorization.ANY, Permissions.READ);
        grant(Groups.PROCESS_OWNERS, Resources.DECISION_DEFINITION, Authorization.ANY, Permissions.READ);
        grant(Groups.PROCESS_OWNERS, Resources.DECISION_REQUIREMENTS_DEFINITION, Authorization.ANY, Permissions.READ);

        if (adminPassword != null && !adminPassword.isBlank()) {
            ensureUser(ADMIN_USER, "Award", "Administrator", "admin@localhost", adminPassword, Groups.ADMINS);
        }
        LOG.info("Groups and authorizations are in place");
    }

    public boolean userExists(String id) {
        return identityService.createUserQuery().userId(id).count() > 0;
    }

    /** Creates a user with the given groups, or leaves an existing one as it is. */
    public void ensureUser(String id, String firstName, String lastName, String email, String password, String... groups) {
        if (identityService.createUserQuery().userId(id).count() == 0) {
            User user = identityService.newUser(id);
            user.setFirstName(firstName);
            user.setLastName(lastName);
            user.setEmail(email);
            user.setPassword(password);
            identityService.saveUser(user);
        }
        for (String group : groups) {
            if (identityService.createUserQuery().userId(id).memberOfGroup(group).count() == 0) {
                identityService.createMembership(id, group);
            }
        }
    }

    /** Takes permissions a group was given by an earlier version. */
    private void revoke(String groupId, Resource resource, String resourceId, Permission... permissions) {
        Authorization authorization = authorizationService.createAuthorizationQuery()
                .groupIdIn(groupId).resourceType(resource).resourceId(resourceId).singleResult();
        if (authorization != null && Arrays.stream(permissions).anyMatch(authorization::isPermissionGranted)) {
            for (Permission permission : permissions) {
                authorization.removePermission(permission);
            }
            authorizationService.saveAuthorization(authorization);
        }
    }

    private void grantApplications(String groupId, String... applications) {
        for (String application : applications) {
            grant(groupId, Resources.APPLICATION, application, Permissions.ACCESS);
        }
    }

    /** Grants the permissions to the group, adding to what it has. */
    public void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
        Authorization authorization = authorizationService.createAuthorizationQuery()
                .groupIdIn(groupId).resourceType(resource).resourceId(resourceId).singleResult();
        if (authorization == null) {
            authorization = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
            authorization.setGroupId(groupId);
            authorization.setResource(resource);
            authorization.setResourceId(resourceId);
        } else if (Arrays.stream(permissions).allMatch(authorization::isPermissionGranted)) {
            return;
        }
        for (Permission permission : permissions) {
            authorization.addPermission(permission);
        }
        authorizationService.saveAuthorization(authorization);
    }
}
