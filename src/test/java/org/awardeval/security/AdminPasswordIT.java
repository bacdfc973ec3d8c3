package org.awardeval.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.awardeval.AwardEvaluationApplication;
import org.awardeval.support.OwnJvm;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Outside the demo profile no default password exists: without one the application does not start. */
@OwnJvm
class AdminPasswordIT {

    @Test
    void startupWithoutAnAdminPasswordStopsWithAClearMessage() {
        SpringApplication app = new SpringApplication(AwardEvaluationApplication.class);
        assertThatThrownBy(() -> app.run("--server.port=0", "--award.admin-password=",
                "--spring.datasource.url=jdbc:h2:mem:no-password;DB_CLOSE_DELAY=-1", "--camunda.bpm.job-execution.enabled=false"))
                .hasRootCauseInstanceOf(AdminPasswordMissingException.class)
                .rootCause().hasMessageContaining("AWARD_ADMIN_PASSWORD");
        FailureAnalysis analysis = new AdminPasswordFailureAnalyzer().analyze(new AdminPasswordMissingException());
        assertThat(analysis.getAction()).contains("AWARD_ADMIN_PASSWORD");
    }
}
