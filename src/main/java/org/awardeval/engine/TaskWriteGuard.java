package org.awardeval.engine;

import java.io.InputStream;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.awardeval.web.TaskInputException;
import org.awardeval.web.ValidationException.FieldError;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskEscalationCmd;
import org.camunda.bpm.engine.impl.cmd.PatchTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.RemoveTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.ResolveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.Task;

/**
 * A user writes to a task only the fields of the task's deployed Camunda Form, with the types and ranges the form
 * states, whichever way they write: completing, submitting the form, setting, patching or removing variables, plain or
 * local, through Tasklist, the REST API or the Java API. Checked before any command runs, so a refusal writes nothing.
 * Applies to every authenticated user but administrators; the engine's own jobs and the application's code run
 * without a user and are not checked.
 */
final class TaskWriteGuard extends CommandInterceptor {

    private final ProcessEngineConfigurationImpl configuration;
    private final Collection<String> unrestrictedGroups;
    private final Map<String, TaskForm> forms = new ConcurrentHashMap<>();

    TaskWriteGuard(ProcessEngineConfigurationImpl configuration, Collection<String> unrestrictedGroups) {
        this.configuration = configuration;
        this.unrestrictedGroups = unrestrictedGroups;
    }

    @Override
    public <T> T execute(Command<T> command) {
        Authentication user = configuration.getIdentityService().getCurrentAuthentication();
        if (user == null) {
            return next.execute(command);
        }
        if (user.getGroupIds() == null || user.getGroupIds().stream().noneMatch(unrestrictedGroups::contains)) {
            check(command);
        }
        try {
            return next.execute(command);
        } catch (Refused e) {
            throw e;
        } catch (TaskInputException e) {
            throw relabelled(command, e);
        }
    }

    /** The server's objections to a completion, naming each field as the task's form labels it. */
    private RuntimeException relabelled(Command<?> command, TaskInputException e) {
        String taskId = command instanceof CompleteTaskCmd ? field(command, "taskId")
                : command instanceof SubmitTaskFormCmd ? field(command, "taskId") : null;
        if (taskId == null || e.errors().isEmpty()) {
            return e;
        }
        Map<String, TaskForm.Field> fields;
        try {
            TaskForm form = form(taskId);
            if (form == null) {
                return e;
            }
            fields = form.fields();
        } catch (RuntimeException lookup) {
            return e;
        }
        return new TaskInputException(e.errors().stream().map(error -> fields.containsKey(error.field())
                ? new FieldError(fields.get(error.field()).label(), error.message()) : error).toList());
    }

    private void check(Command<?> command) {
        if (command instanceof ResolveTaskCmd || command instanceof HandleTaskBpmnErrorCmd || command instanceof HandleTaskEscalationCmd) {
            throw new Refused(List.of(new FieldError("task", "can only be completed through its form")));
        }
        List<FieldError> problems = new ArrayList<>();
        if (command instanceof CompleteTaskCmd) {
            problems.addAll(values(field(command, "taskId"), field(command, "variables")));
        } else if (command instanceof SubmitTaskFormCmd) {
            problems.addAll(values(field(command, "taskId"), field(command, "properties")));
        } else {
            if (command instanceof SetTaskVariablesCmd) {
                problems.addAll(values(field(command, "entityId"), field(command, "variables")));
            } else if (command instanceof PatchTaskVariablesCmd) {
                String taskId = field(command, "entityId");
                problems.addAll(values(taskId, field(command, "variables")));
                problems.addAll(names(taskId, field(command, "deletions")));
            } else if (command instanceof RemoveTaskVariablesCmd) {
                problems.addAll(names(field(command, "entityId"), field(command, "variableNames")));
            }
        }
        if (!problems.isEmpty()) {
            throw new Refused(problems);
        }
    }

    // A task the user cannot see is theirs to write neither: the engine refuses it with its own authorization check.
    // Writes the form allows pass on its cached copy; only a refusal looks the task up as the user, so that a task they
    // cannot see is not described to them. That lookup builds the engine's whole task query, a tenth of a review's time.
    private List<FieldError> values(String taskId, Map<String, ?> values) {
        return problems(taskId, values == null || values.isEmpty(), form -> form.problems(values));
    }

    private List<FieldError> names(String taskId, Collection<String> names) {
        return problems(taskId, names == null || names.isEmpty(), form -> form.notFields(names));
    }

    private List<FieldError> problems(String taskId, boolean nothingWritten, Function<TaskForm, List<FieldError>> check) {
        if (nothingWritten) {
            return List.of();
        }
        TaskForm cached = cached(taskId);
        if (cached != null && check.apply(cached).isEmpty()) {
            return List.of();
        }
        TaskForm form = form(taskId);
        return form == null ? List.of() : check.apply(form);
    }

    /** The form already read for the task's definition and form key, found by the task's row; null when none is held. */
    private TaskForm cached(String taskId) {
        if (taskId == null || forms.isEmpty()) {
            return null;
        }
        String key = configuration.getCommandExecutorTxRequired().execute(new FormKeyOf(taskId));
        return key == null ? null : forms.get(key);
    }

    /** Where a task's form is cached, read by the task's id without building a query. */
    private record FormKeyOf(String taskId) implements Command<String> {

        @Override
        public String execute(CommandContext commandContext) {
            TaskEntity task = commandContext.getTaskManager().findTaskById(taskId);
            if (task == null || task.getProcessDefinitionId() == null) {
                return null;
            }
            task.initializeFormKey();
            return task.getCamundaFormRef() == null ? null : formKey(task);
        }
    }

    /** The definition, the task's key in it and the form's key as the task resolves it (it may be an expression). */
    private static String formKey(Task task) {
        return task.getProcessDefinitionId() + "#" + task.getTaskDefinitionKey() + "#" + task.getCamundaFormRef().getKey();
    }

    /** The form of a task as the user sees it; null when they cannot see the task. */
    private TaskForm form(String taskId) {
        if (taskId == null) {
            throw new NullValueException("taskId is null");
        }
        // As the user: a task they cannot read is left to the engine, which refuses to write it.
        Task task = configuration.getTaskService().createTaskQuery().taskId(taskId).initializeFormKeys().singleResult();
        if (task == null) {
            return null;
        }
        // A form bound to its deployment stays the same for its definition and key; one bound to "latest" may change.
        boolean fixed = task.getProcessDefinitionId() != null && task.getCamundaFormRef() != null
                && "deployment".equals(task.getCamundaFormRef().getBinding());
        return fixed ? forms.computeIfAbsent(formKey(task), k -> load(taskId)) : load(taskId);
    }

    private TaskForm load(String taskId) {
        InputStream schema;
        try {
            schema = configuration.getFormService().getDeployedTaskForm(taskId);
        } catch (BadUserRequestException e) {
            return TaskForm.NONE; // no Camunda Form: nothing may be written
        }
        try (schema) {
            return TaskForm.parse(schema);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("The form of task " + taskId + " cannot be read", e);
        }
    }

    @SuppressWarnings("unchecked")
    static <V> V field(Command<?> command, String name) {
        for (Class<?> type = command.getClass(); type != null; type = type.getSuperclass()) {
            try {
                Field field = type.getDeclaredField(name);
                field.setAccessible(true);
                return (V) field.get(command);
            } catch (NoSuchFieldException e) {
                // declared higher up
            } catch (IllegalAccessException e) {
                break;
            }
        }
        // Fail closed: an engine whose commands look different refuses the write rather than letting it through.
        throw new IllegalStateException("Cannot check " + command.getClass().getSimpleName() + ": no field " + name);
    }

    /** A refused write; as a form validation error Tasklist shows its message and the REST API answers 400. */
    public static final class Refused extends TaskInputException {
        Refused(List<FieldError> problems) {
            super(problems);
        }
    }
}
