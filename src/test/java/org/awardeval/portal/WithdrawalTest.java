package org.awardeval.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.awardeval.demo.SampleData;
import org.awardeval.mail.OutboxRepository;
import org.awardeval.process.AwardCycleProcess;
import org.awardeval.process.ReviewProcess;
import org.awardeval.submission.ApplicationForm;
import org.awardeval.support.CycleDriver;
import org.awardeval.support.H2Test;
import org.awardeval.support.InProcessCycle;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.Spin;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An applicant withdraws in the portal, over HTTP as their browser sends it: during the reviews, during the panel's
 * vote, and after the chair's decision (refused). Each time the application leaves the cycle cleanly: reviews,
 * assignments, shortlist, statistics, and every e-mail written once.
 */
@H2Test
class WithdrawalTest {

    @LocalServerPort int port;
    @Autowired InProcessCycle driver;
    @Autowired JdbcClient jdbc;
    @Autowired TaskService taskService;
    @Autowired RuntimeService runtimeService;
    @Autowired OutboxRepository outbox;
    @Autowired TestRestTemplate rest;

    @Test
    void duringTheReviewsItsReviewsEndItsJudgesAreToldAndTheCycleGoesOnWithoutIt() throws Exception {
        String email = "withdraw-review@lakeside.test";
        long callId = driver.openCall("Withdrawal in review " + System.nanoTime());
        SampleData.sixEligible("wr").forEach(form -> driver.submit(callId, form));
        // Written with capitals on the form, typed without them to sign in: the portal finds the application all the same.
        String written = "Withdraw-Review@Lakeside.TEST";
        String code = driver.submit(callId, form("Lakeside University wr", "MC", written)).code();
        driver.runToReviews(callId);
        List<Task> reviews = reviewsOf(code);
        assertThat(reviews).hasSize(3);

        Applicant applicant = signedIn(email);
        assertThat(applicant.get("/portal").body()).contains(code);
        applicant.get("/portal/applications/" + code);
        HttpResponse<String> noReason = applicant.post("/portal/applications/" + code + "/withdraw", Map.of("withdrawalReason", " "));
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(noReason.body()).contains("Reason for withdrawing is required");
        assertThat(reviewsOf(code)).hasSize(3);
        assertThat(status(code)).isEqualTo("IN_REVIEW");

        HttpResponse<String> withdrawn = applicant.post("/portal/applications/" + code + "/withdraw",
                Map.of("withdrawalReason", "We merged with another university."));
        assertThat(withdrawn.statusCode()).isEqualTo(302);
        assertThat(status(code)).isEqualTo("WITHDRAWN");
        assertThat(reviewsOf(code)).isEmpty();
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(ReviewProcess.KEY)
                .variableValueEquals(ReviewProcess.APPLICATION_CODE, code).count()).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM assignment a JOIN application p ON p.id = a.application_id WHERE p.code = ? AND a.status = 'WITHDRAWN'")
                .param(code).query(Long.class).single()).isEqualTo(3);
        driver.runJobs();
        assertThat(applicant.get("/portal/applications/" + code).body()).contains("Withdrawn", "We merged with another university.")
                .doesNotContain("Withdraw the application</button>");
        HttpResponse<String> again = applicant.post("/portal/applications/" + code + "/withdraw", Map.of("withdrawalReason", "Again"));
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(again.body()).contains("The application has been withdrawn already.");

        driver.reviewAll(callId);
        driver.runJobs();
        driver.keepAllScores(callId);
        driver.runJobs();
        String cycle = driver.cycleInstance(callId);
        assertThat(taskService.createTaskQuery().processInstanceId(cycle).taskDefinitionKey(AwardCycleProcess.TASK_PANEL_VOTE).count())
                .isPositive();
        assertThat(runtimeService.getVariable(cycle, AwardCycleProcess.SHORTLIST).toString()).doesNotContain(code);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM result WHERE application_code = ?").param(code).query(Long.class).single()).isZero();
        assertMailedOnce(callId, code, written, 3);
    }

    @Test
    void duringThePanelVoteTheShortlistIsRankedAgainAndItsVotesNoLongerCount() throws Exception {
        String email = "withdraw-panel@lakeside.test";
        long callId = driver.openCall("Withdrawal in the vote " + System.nanoTime());
        SampleData.sixEligible("wp").forEach(form -> driver.submit(callId, form));
        // The second application of category NC: with two shortlisted per category, it is on the shortlist.
        String code = driver.submit(callId, form("Lakeside University wp", "NC", email)).code();
        driver.runToPanelVote(callId);
        String cycle = driver.cycleInstance(callId);
        assertThat(runtimeService.getVariable(cycle, AwardCycleProcess.SHORTLIST).toString()).contains(code);
        List<Task> votes = taskService.createTaskQuery().processInstanceId(cycle).taskDefinitionKey(AwardCycleProcess.TASK_PANEL_VOTE).list();
        Task early = votes.stream().filter(v -> taskService.getVariableLocal(v.getId(), AwardCycleProcess.VOTE_OPTIONS).toString()
                .contains(code)).findFirst().orElseThrow();
        driver.completeAs(early.getAssignee(), early.getId(), Map.of(AwardCycleProcess.VOTES,
                SpinValues.jsonValue(Spin.JSON(List.of(code))).create(), "voteComment", "Before the withdrawal"));

        Applicant applicant = signedIn(email);
        applicant.get("/portal/applications/" + code);
        assertThat(applicant.post("/portal/applications/" + code + "/withdraw", Map.of("withdrawalReason", "The project has ended."))
                .statusCode()).isEqualTo(302);
        driver.runJobs();

        assertThat(status(code)).isEqualTo("WITHDRAWN");
        assertThat(runtimeService.getVariable(cycle, AwardCycleProcess.SHORTLIST).toString()).doesNotContain(code);
        for (Task open : taskService.createTaskQuery().processInstanceId(cycle).taskDefinitionKey(AwardCycleProcess.TASK_PANEL_VOTE).list()) {
            assertThat(taskService.getVariableLocal(open.getId(), AwardCycleProcess.VOTE_OPTIONS).toString()).doesNotContain(code);
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM result WHERE application_code = ?").param(code).query(Long.class).single()).isZero();

        driver.votePanel(callId);
        driver.runJobs();
        driver.confirmWinners(callId);
        driver.runJobs();
        assertThat(status(code)).isEqualTo("WITHDRAWN");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM result WHERE call_id = ? AND winner").param(callId).query(Long.class).single())
                .isPositive();
        @SuppressWarnings("unchecked")
        Map<String, Object> statistics = rest.withBasicAuth(CycleDriver.COORDINATOR, CycleDriver.PASSWORD)
                .getForObject("/api/calls/" + callId + "/statistics", Map.class);
        assertThat((Map<String, Integer>) statistics.get("byStatus")).containsEntry("WITHDRAWN", 1);
        // Its process ended with the withdrawal: no result e-mail follows the announcement.
        assertMailedOnce(callId, code, email, 0);
    }

    @Test
    void afterTheChairHasDecidedAWithdrawalIsRefused() throws Exception {
        String email = "withdraw-late@lakeside.test";
        long callId = driver.openCall("Withdrawal too late " + System.nanoTime());
        SampleData.sixEligible("wl").forEach(form -> driver.submit(callId, form));
        String code = driver.submit(callId, form("Lakeside University wl", "SC", email)).code();
        driver.runToPanelVote(callId);
        driver.votePanel(callId);
        driver.runJobs();
        Applicant applicant = signedIn(email);
        applicant.get("/portal/applications/" + code);
        driver.confirmWinners(callId);

        HttpResponse<String> late = applicant.post("/portal/applications/" + code + "/withdraw", Map.of("withdrawalReason", "Too late"));
        assertThat(late.statusCode()).isEqualTo(400);
        assertThat(late.body()).contains("The chair has decided on the results: the application can no longer be withdrawn.");
        assertThat(status(code)).isEqualTo("DECIDED");
        driver.runJobs();
        assertThat(status(code)).isIn("AWARDED", "NOT_AWARDED");
        assertThat(applicant.get("/portal/applications/" + code).body()).doesNotContain("Withdraw the application</button>");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM mail_outbox WHERE application_code = ? AND kind = 'WITHDRAWN'").param(code)
                .query(Long.class).single()).isZero();
    }

    private void assertMailedOnce(long callId, String code, String email, int judgesTold) {
        List<OutboxRepository.Stored> mails = outbox.byCall(callId);
        assertThat(mails).filteredOn(m -> m.kind().equals("WITHDRAWN")).singleElement()
                .satisfies(m -> assertThat(m.recipient()).isEqualTo(email));
        assertThat(mails).filteredOn(m -> m.kind().startsWith("WITHDRAWN-")).hasSize(judgesTold)
                .allSatisfy(m -> assertThat(m.subject()).contains(code + " is no longer needed"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM mail_outbox WHERE application_code = ? AND kind = 'RESULT'").param(code)
                .query(Long.class).single()).isZero();
    }

    private Applicant signedIn(String email) throws Exception {
        return Applicant.signedInFromOutbox(port, jdbc, email);
    }

    private List<Task> reviewsOf(String code) {
        return taskService.createTaskQuery().taskDefinitionKey(ReviewProcess.TASK_REVIEW_APPLICATION).taskName("Review " + code).list();
    }

    private String status(String code) {
        return jdbc.sql("SELECT status FROM application WHERE code = ?").param(code).query(String.class).single();
    }

    private static ApplicationForm form(String organisation, String category, String email) {
        return SampleData.form(organisation, "HEI", "Ghana", category, "Kwame Mensah", email, true);
    }
}
