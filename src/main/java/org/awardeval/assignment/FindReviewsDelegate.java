package org.awardeval.assignment;

import java.util.ArrayList;
import org.awardeval.process.ApplicationProcess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/** Puts the application's assignments in a variable, for the multi-instance review to start one review for each. */
@Component
class FindReviewsDelegate implements JavaDelegate {

    private final AssignmentRepository assignments;

    FindReviewsDelegate(AssignmentRepository assignments) {
        this.assignments = assignments;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(ApplicationProcess.ASSIGNMENT_IDS, Variables.objectValue(
                new ArrayList<>(assignments.idsForApplication(ApplicationProcess.applicationId(execution))))
                .serializationDataFormat(Variables.SerializationDataFormats.JSON).create());
    }
}
