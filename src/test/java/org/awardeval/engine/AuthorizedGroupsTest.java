package org.awardeval.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Function;
import org.awardeval.support.H2Test;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The user's groups that hold an authorization are the ones Camunda's own lookup finds. */
@H2Test
class AuthorizedGroupsTest {

    static final List<String> GROUPS = List.of("judges", "coordinators", "groups-test-new", "groups-test-none", "judges");

    @Autowired ProcessEngine engine;
    @Autowired AuthorizationService authorizationService;

    private <T> T inCommand(Function<AuthorizationManager, T> work) {
        return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired()
                .execute(context -> work.apply(context.getAuthorizationManager()));
    }

    private List<String> lookedUp(List<String> groups) {
        return inCommand(manager -> manager.filterAuthenticatedGroupIds(groups));
    }

    private List<String> camundasOwn() {
        // The engine's own manager, in the same command: it reads every group id of the table.
        return inCommand(ignored -> new AuthorizationManager().filterAuthenticatedGroupIds(GROUPS));
    }

    @Test
    void theIndexedLookupFindsTheGroupsCamundasOwnFinds() {
        AuthorizationManager manager = inCommand(Function.identity());
        assertThat(manager).isInstanceOf(AuthorizedGroups.IndexedGroupLookup.class);
        assertThat(lookedUp(GROUPS))
                .containsExactlyInAnyOrderElementsOf(camundasOwn()).containsExactlyInAnyOrder("judges", "coordinators");

        Authorization grant = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        grant.setGroupId("groups-test-new");
        grant.setResource(Resources.FILTER);
        grant.setResourceId("groups-test");
        grant.addPermission(Permissions.READ);
        authorizationService.saveAuthorization(grant);
        try {
            assertThat(lookedUp(GROUPS))
                    .containsExactlyInAnyOrderElementsOf(camundasOwn()).contains("groups-test-new").doesNotContain("groups-test-none");
        } finally {
            authorizationService.deleteAuthorization(grant.getId());
        }
        assertThat(lookedUp(GROUPS)).doesNotContain("groups-test-new");
        assertThat(lookedUp(List.of())).isEmpty();
    }
}
