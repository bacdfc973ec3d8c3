package org.awardeval.security;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a missing admin password into a short start-up message instead of a stack trace. */
public class AdminPasswordFailureAnalyzer extends AbstractFailureAnalyzer<AdminPasswordMissingException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, AdminPasswordMissingException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Set AWARD_ADMIN_PASSWORD (property award.admin-password) to the password of the user 'admin', "
                        + "or run the demo with the profile 'demo' (the default of mvn spring-boot:run).",
                cause);
    }
}
