package org.awardeval.tasklist;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.awardeval.process.ApplicationProcess;
import org.awardeval.process.AwardCycleProcess;
import org.awardeval.process.ReconsiderProcess;
import org.awardeval.process.ReviewProcess;
import org.awardeval.security.AccessSetup;
import org.awardeval.security.Groups;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The Tasklist filters each role starts from, created at start-up when missing and readable by their groups only. A
 * filter that exists keeps what coordinators made of it.
 */
@Component
public class TaskFilters {

    public static final String ELIGIBILITY_CHECKS = "Eligibility checks";
    public static final String REDACTION_CHECKS = "Redaction checks";
    public static final String OVERDUE_REVIEWS = "Overdue reviews";
    public static final String ALL_OPEN_REVIEWS = "All open reviews";
    public static final String COORDINATION = "Coordination tasks";
    public static final String MY_REVIEWS = "My reviews";
    public static final String MY_VOTES = "My votes";
    public static final String MY_TASKS = "My tasks";
    private static final String CURRENT_USER = "${currentUser()}";
    private static final Logger LOG = LoggerFactory.getLogger(TaskFilters.class);

    private final FilterService filterService;
    private final AccessSetup access;
    private final TaskService taskService;

    public TaskFilters(FilterService filterService, AccessSetup access, TaskService taskService) {
        this.filterService = filterService;
        this.access = access;
        this.taskService = taskService;
    }

    private record Definition(String name, int priority, String description, TaskQuery query, List<Map<String, String>> columns,
            List<String> groups) {
    }

    @EventListener(ApplicationStartedEvent.class)
    @Order(1)
    public void setUp() {
        List<Map<String, String>> application = List.of(column("applicationCode", "Application"));
        for (Definition definition : List.of(
                new Definition(ELIGIBILITY_CHECKS, 1, "Applications the eligibility rules could not decide: decide and say why.",
                        taskService.createTaskQuery().taskDefinitionKey(ApplicationProcess.TASK_CHECK_ELIGIBILITY).taskCandidateGroup(Groups.COORDINATORS).includeAssignedTasks(),
                        application, List.of(Groups.COORDINATORS)),
                new Definition(REDACTION_CHECKS, 2, "Dossiers waiting for a check that nothing identifies the applicant.",
                        taskService.createTaskQuery().taskDefinitionKey(ApplicationProcess.TASK_CHECK_REDACTION).taskCandidateGroup(Groups.COORDINATORS).includeAssignedTasks(),
                        application, List.of(Groups.COORDINATORS)),
                new Definition(OVERDUE_REVIEWS, 3, "Reviews past the deadline: contact the judges before the grace period ends.",
                        taskService.createTaskQuery().taskDefinitionKey(AwardCycleProcess.TASK_FOLLOW_UP_OVERDUE).taskCandidateGroup(Groups.COORDINATORS).includeAssignedTasks(),
                        List.of(column("callName", "Call")), List.of(Groups.COORDINATORS)),
                new Definition(ALL_OPEN_REVIEWS, 4, "Every review a judge has not completed yet, the earliest deadline first.",
                        taskService.createTaskQuery().taskDefinitionKey(ReviewProcess.TASK_REVIEW_APPLICATION).orderByDueDate().asc(),
                        List.of(column("applicationCode", "Application"), column("judgeCode", "Judge")), List.of(Groups.COORDINATORS)),
                new Definition(COORDINATION, 5, "Every task waiting for a coordinator.",
                        taskService.createTaskQuery().taskCandidateGroup(Groups.COORDINATORS).includeAssignedTasks(), application, List.of(Groups.COORDINATORS)),
                // No column: judges may not read an instance's variables, and the task's name names the application.
                new Definition(MY_REVIEWS, -20, "The applications you review or reconsider, the earliest deadline first.",
                        taskService.createTaskQuery().taskAssigneeExpression(CURRENT_USER)
                                .taskDefinitionKeyIn(ReviewProcess.TASK_REVIEW_APPLICATION, ReconsiderProcess.TASK_RECONSIDER).orderByDueDate().asc(),
                        List.of(), List.of(Groups.JUDGES)),
                new Definition(MY_VOTES, -15, "The shortlists you vote on.",
                        taskService.createTaskQuery().taskAssigneeExpression(CURRENT_USER).taskDefinitionKey(AwardCycleProcess.TASK_PANEL_VOTE),
                        List.of(), List.of(Groups.PANEL)),
                new Definition(MY_TASKS, -10, "Every task assigned to you.",
                        taskService.createTaskQuery().taskAssigneeExpression(CURRENT_USER), List.of(),
                        List.of(Groups.COORDINATORS, Groups.PANEL, Groups.ADMINS)))) {
            String id = ensure(definition);
            for (String group : definition.groups()) {
                access.grant(group, Resources.FILTER, id, Permissions.READ);
            }
        }
        LOG.info("Tasklist filters are in place");
    }

    private String ensure(Definition definition) {
        Filter existing = filterService.createFilterQuery().filterName(definition.name()).singleResult();
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("priority", definition.priority());
        properties.put("description", definition.description());
        properties.put("autoRefresh", true);
        if (!definition.columns().isEmpty()) {
            properties.put("variables", definition.columns());
            properties.put("showUndefinedVariable", false);
        }
        // An existing filter takes the query of this version too (the tasks it lists may have changed).
        Filter filter = (existing != null ? existing : filterService.newTaskFilter(definition.name())).setQuery(definition.query())
                .setProperties(properties);
        return filterService.saveFilter(filter).getId();
    }

    private static Map<String, String> column(String name, String label) {
        return Map.of("name", name, "label", label);
    }
}
