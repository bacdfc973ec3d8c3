package org.awardeval.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Supplier;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.awardeval.demo.SampleData;
import org.awardeval.process.ApplicationProcess;
import org.awardeval.process.ReconsiderProcess;
import org.awardeval.process.ReviewProcess;
import org.awardeval.support.CycleDriver;
import org.awardeval.support.H2Test;
import org.awardeval.support.InProcessCycle;
import org.awardeval.support.WebappSession;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Each role finds its work in Tasklist through its own filters, and sees no other role's filters. */
@H2Test
class TaskFiltersTest {

    @Autowired TaskFilters taskFilters;
    @Autowired FilterService filterService;
    @Autowired TaskService taskService;
    @Autowired IdentityService identityService;
    @Autowired InProcessCycle driver;
    @Autowired TestRestTemplate rest;

    @Test
    void eachRoleSeesItsFiltersOnlyAndAStartUpAgainChangesNothing() {
        driver.ensureUsers();
        taskFilters.setUp();
        for (String name : List.of(TaskFilters.ELIGIBILITY_CHECKS, TaskFilters.REDACTION_CHECKS, TaskFilters.OVERDUE_REVIEWS,
                TaskFilters.ALL_OPEN_REVIEWS, TaskFilters.COORDINATION, TaskFilters.MY_REVIEWS, TaskFilters.MY_VOTES, TaskFilters.MY_TASKS)) {
            assertThat(filterService.createFilterQuery().filterName(name).count()).as(name).isOne();
        }
        assertThat(as(CycleDriver.COORDINATOR, this::visibleFilters)).containsExactlyInAnyOrder(TaskFilters.ELIGIBILITY_CHECKS,
                TaskFilters.REDACTION_CHECKS, TaskFilters.OVERDUE_REVIEWS, TaskFilters.ALL_OPEN_REVIEWS, TaskFilters.COORDINATION,
                TaskFilters.MY_TASKS);
        assertThat(as(CycleDriver.judges().get(0), this::visibleFilters)).containsExactly(TaskFilters.MY_REVIEWS);
        assertThat(as(CycleDriver.CHAIR, this::visibleFilters)).containsExactlyInAnyOrder(TaskFilters.MY_VOTES, TaskFilters.MY_TASKS);
    }

    @Test
    void aJudgesReviewsAndACoordinatorsChecksAreInTheirFiltersEvenOnceClaimed() {
        long callId = driver.openCall("Filters");
        SampleData.sixEligible("flt").forEach(form -> driver.submit(callId, form));
        driver.runJobs();
        Task check = taskService.createTaskQuery().taskDefinitionKey(ApplicationProcess.TASK_CHECK_REDACTION).list().get(0);
        taskService.claim(check.getId(), CycleDriver.COORDINATOR);
        assertThat(as(CycleDriver.COORDINATOR, () -> ids(TaskFilters.REDACTION_CHECKS))).contains(check.getId());
        assertThat(as(CycleDriver.COORDINATOR, () -> ids(TaskFilters.ELIGIBILITY_CHECKS))).doesNotContain(check.getId());

        driver.runToReviews(callId);
        String judge = CycleDriver.judges().get(1);
        List<String> mine = taskService.createTaskQuery().taskAssignee(judge)
                .taskDefinitionKeyIn(ReviewProcess.TASK_REVIEW_APPLICATION, ReconsiderProcess.TASK_RECONSIDER).list()
                .stream().map(Task::getId).toList();
        assertThat(mine).isNotEmpty();
        assertThat(as(judge, () -> ids(TaskFilters.MY_REVIEWS))).containsExactlyInAnyOrderElementsOf(mine);
        assertThat(as(CycleDriver.COORDINATOR, () -> ids(TaskFilters.ALL_OPEN_REVIEWS))).containsAll(mine);
    }

    @Test
    void everyColumnOfAReviewFilterShowsToTheRoleThatReadsIt() throws Exception {
        long callId = driver.openCall("Filter columns");
        SampleData.sixEligible("col").forEach(form -> driver.submit(callId, form));
        driver.runToReviews(callId);
        ObjectMapper json = new ObjectMapper();
        for (String user : List.of(CycleDriver.COORDINATOR, CycleDriver.judges().get(2))) {
            // As Tasklist asks: the user's filters, then each filter's first page in HAL with the columns' variables.
            WebappSession tasklist = WebappSession.login(rest, "tasklist", user, CycleDriver.PASSWORD);
            int reviewsShown = 0;
            for (JsonNode filter : json.readTree(tasklist.get("/camunda/api/engine/engine/default/filter?resourceType=Task").getBody())) {
                List<String> columns = filter.path("properties").path("variables").findValuesAsText("name");
                ResponseEntity<String> page = tasklist.post("/camunda/api/engine/engine/default/filter/" + filter.get("id").asText()
                        + "/list?firstResult=0&maxResults=15", WebappSession.TASKLIST_QUERY, MediaType.parseMediaType("application/hal+json"));
                assertThat(page.getStatusCode().value()).as(filter.get("name").asText()).isEqualTo(200);
                for (JsonNode task : json.readTree(page.getBody()).path("_embedded").path("task")) {
                    if (!task.get("name").asText().startsWith("Review ")) {
                        continue;
                    }
                    reviewsShown++;
                    assertThat(task.path("_embedded").path("variable").findValuesAsText("name")).as("%s sees in %s", user,
                            filter.get("name").asText()).containsAll(columns);
                    assertThat(task.get("due").asText()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}[+-]\\d{4}");
                }
            }
            assertThat(reviewsShown).as(user).isPositive();
        }
    }

    private List<String> visibleFilters() {
        return filterService.createFilterQuery().list().stream().map(Filter::getName).toList();
    }

    private List<String> ids(String filterName) {
        Filter filter = filterService.createFilterQuery().filterName(filterName).singleResult();
        return filterService.<Task>list(filter.getId()).stream().map(Task::getId).toList();
    }

    private <T> T as(String userId, Supplier<T> action) {
        List<String> groups = identityService.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
        identityService.setAuthentication(userId, groups);
        try {
            return action.get();
        } finally {
            identityService.clearAuthentication();
        }
    }
}
