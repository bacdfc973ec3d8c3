package org.awardeval.invitation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awardeval.assignment.JudgeRepository;
import org.awardeval.demo.SampleData;
import org.awardeval.support.CycleDriver;
import org.awardeval.support.H2Test;
import org.awardeval.support.InProcessCycle;
import org.awardeval.web.ValidationException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Coordinators invite judges over the API and by CSV; judges answer by their link; the call is assigned among those who accepted. */
@H2Test
@SuppressWarnings({"unchecked", "rawtypes"})
class InvitationTest {

    static final Pattern LINK = Pattern.compile("/judging/invitations/([A-Za-z0-9_-]{43})");

    @Autowired TestRestTemplate rest;
    @Autowired InProcessCycle driver;
    @Autowired JudgeInvitations invitations;
    @Autowired JudgeRepository judges;
    @Autowired JdbcClient jdbc;
    @Autowired org.camunda.bpm.engine.TaskService taskService;

    private TestRestTemplate coordinator() {
        return rest.withBasicAuth(CycleDriver.COORDINATOR, CycleDriver.PASSWORD);
    }

    /** The personal link the judge got by e-mail. */
    String tokenOf(long callId, String userId) {
        long judgeId = judges.findIdByUserId(userId).orElseThrow();
        String body = jdbc.sql("SELECT body FROM mail_outbox WHERE call_id = ? AND kind = ?").params(callId, "INVITE-J" + judgeId)
                .query(String.class).single();
        Matcher m = LINK.matcher(body);
        assertThat(m.find()).as(body).isTrue();
        return m.group(1);
    }

    @Test
    void aCoordinatorInvitesOverTheApiAndByCsvAndUnknownJudgesAreRefusedWithTheirPlace() {
        long callId = driver.openCall("JudgeInvitations API " + System.nanoTime());
        ResponseEntity<Map> refused = coordinator().postForEntity("/api/calls/" + callId + "/invitations",
                Map.of("judges", List.of("tj01", "nobody"), "load", 5), Map.class);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody().toString()).contains("judges[1]").contains("'nobody' is not a registered judge");
        assertThat(invitations.list(callId)).as("nothing half-done").isEmpty();

        ResponseEntity<Map> sent = coordinator().postForEntity("/api/calls/" + callId + "/invitations",
                Map.of("judges", List.of("tj01", "tj02"), "load", 5), Map.class);
        assertThat(sent.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat((List<Object>) sent.getBody().get("invited")).containsExactly("tj01", "tj02");

        HttpHeaders csv = new HttpHeaders();
        csv.setContentType(MediaType.parseMediaType("text/csv"));
        ResponseEntity<Map> imported = coordinator().postForEntity("/api/calls/" + callId + "/invitations/import",
                new HttpEntity<>("user_id,load\ntj02,4\ntj03,3\ntj04,\n", csv), Map.class);
        assertThat(imported.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat((List<Object>) imported.getBody().get("invited")).containsExactlyInAnyOrder("tj03", "tj04");
        assertThat(imported.getBody().get("skipped").toString()).contains("tj02").contains("was invited to this call before");
        ResponseEntity<Map> badCsv = coordinator().postForEntity("/api/calls/" + callId + "/invitations/import",
                new HttpEntity<>("user_id,load\ntj05,many\n", csv), Map.class);
        assertThat(badCsv.getBody().toString()).contains("row 2: load").contains("'many' is not a whole number");

        assertThat(jdbc.sql("SELECT COUNT(*) FROM mail_outbox WHERE call_id = ? AND kind LIKE 'INVITE-J%'").param(callId)
                .query(Long.class).single()).as("one e-mail per invited judge").isEqualTo(4);
        ResponseEntity<Map> judge = rest.withBasicAuth("tj01", CycleDriver.PASSWORD).postForEntity("/api/calls/" + callId + "/invitations",
                Map.of("judges", List.of("tj05")), Map.class);
        assertThat(judge.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<Map> listed = coordinator().getForEntity("/api/calls/" + callId + "/invitations", Map.class);
        assertThat(listed.getBody().get("invitations").toString()).contains("loadAsked=3").contains("status=INVITED");
    }

    @Test
    void aJudgeAcceptsFewerReviewsWithTheDeclarationAndTheAssignmentUsesOnlyThoseWhoAccepted() {
        long callId = driver.openCall("JudgeInvitations assign " + System.nanoTime());
        List<String> invited = CycleDriver.judges();
        invitations.invite(callId, invited, 6, CycleDriver.COORDINATOR);

        String token = tokenOf(callId, "tj01");
        assertThatThrownBy(() -> invitations.accept(token, false, 9, "Mars/Base", "x".repeat(301)))
                .isInstanceOf(ValidationException.class).satisfies(e -> assertThat(((ValidationException) e).errors())
                        .extracting(f -> f.field() + ": " + f.message())
                        .containsExactlyInAnyOrder("declaration: must be ticked to accept: it is what you sign",
                                "load: must be from 1 to 6, the number you were invited for; 9 is not",
                                "timeZone: must be a time zone such as Europe/Paris or Asia/Shanghai; 'Mars/Base' is not one",
                                "conflicts: has a line of 301 characters; a name has at most 300"));
        invitations.accept(token, true, 2, "Africa/Nairobi", "Lakeside University\n\nCopper Polytechnic");
        assertThat(judges.timeZone("tj01")).contains("Africa/Nairobi");
        assertThat(judges.byUserId("tj01").orElseThrow().conflicts()).contains("lakeside university", "copper polytechnic");
        assertThatThrownBy(() -> invitations.accept(token, true, 2, null, null)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("was accepted already");
        invitations.decline(tokenOf(callId, "tj02"), "On leave this term.");
        for (String other : List.of("tj03", "tj04", "tj05", "tj06", "tj08", "tj09", "tj10")) {
            invitations.accept(tokenOf(callId, other), true, 6, null, null);
        }
        // tj07 stays silent.

        SampleData.sixEligible("inv").forEach(form -> driver.submit(callId, form));
        driver.runToReviews(callId);
        Map<String, Long> loads = new java.util.HashMap<>();
        jdbc.sql("SELECT j.user_id, COUNT(*) FROM assignment s JOIN judge j ON j.id = s.judge_id WHERE s.call_id = ? GROUP BY j.user_id")
                .param(callId).query(rs -> {
                    loads.put(rs.getString(1), rs.getLong(2));
                });
        assertThat(loads.keySet()).as("only judges who accepted").isSubsetOf("tj01", "tj03", "tj04", "tj05", "tj06", "tj08", "tj09", "tj10");
        assertThat(loads.getOrDefault("tj01", 0L)).as("no more than accepted").isLessThanOrEqualTo(2);
        assertThat(loads.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(18);

        // A judge declares a conflict: the review goes to another judge who accepted, never to one who declined or was silent.
        // Its category has one accepted expert to spare, and tj02, who declined, is the lightest-loaded expert of it.
        String steppe = jdbc.sql("""
                SELECT a.code FROM application a JOIN organisation o ON o.id = a.organisation_id
                WHERE a.call_id = ? AND o.name = 'Steppe University inv' AND a.category_code = 'SC'""").param(callId)
                .query(String.class).single();
        org.camunda.bpm.engine.task.Task review = taskService.createTaskQuery().taskDefinitionKey("Task_ReviewApplication")
                .processVariableValueEquals("applicationCode", steppe).list().get(0);
        driver.completeAs(review.getAssignee(), review.getId(), Map.of("conflictDeclared", true, "conflictReason", "I advised them."));
        driver.runJobs();
        org.camunda.bpm.engine.task.Task replacement = taskService.createTaskQuery().processInstanceId(review.getProcessInstanceId())
                .taskDefinitionKey("Task_ReviewApplication").singleResult();
        assertThat(replacement.getAssignee()).isNotEqualTo(review.getAssignee())
                .isIn("tj01", "tj03", "tj04", "tj05", "tj06", "tj08", "tj09", "tj10");

        List<JudgeInvitations.CategoryCount> counts = invitations.counts(callId);
        assertThat(counts.stream().mapToInt(JudgeInvitations.CategoryCount::declined).sum()).isOne();
        assertThat(counts.stream().mapToInt(JudgeInvitations.CategoryCount::waiting).sum()).isOne();
        assertThat(counts.stream().mapToInt(JudgeInvitations.CategoryCount::applications).sum()).isEqualTo(6);

        ResponseEntity<String> audit = coordinator().getForEntity("/api/calls/" + callId + "/audit.csv", String.class);
        assertThat(audit.getBody()).contains("Invite a judge").contains("Decline the invitation").contains("On leave this term.")
                .contains("Accept the invitation and sign the declaration").contains("declaration version 1 (SHA-256 " + Declaration.SHA256)
                .contains("conflicts declared: Lakeside University; Copper Polytechnic");
    }

    @Test
    void silencePastTheDateCountsAsNoAnswerAndTheLinkNoLongerAnswers() {
        long callId = driver.openCall("Invitations silent " + System.nanoTime());
        invitations.invite(callId, List.of("tj01", "tj02"), 4, CycleDriver.COORDINATOR);
        String token = tokenOf(callId, "tj02");
        long judgeId = judges.findIdByUserId("tj02").orElseThrow();
        jdbc.sql("UPDATE judge_invitation SET respond_by = ? WHERE call_id = ? AND judge_id = ?")
                .params(java.time.OffsetDateTime.now().minusMinutes(1), callId, judgeId).update();

        assertThat(invitations.counts(callId).stream().mapToInt(JudgeInvitations.CategoryCount::noAnswer).sum())
                .as("counted before the hourly run marks it").isOne();
        assertThatThrownBy(() -> invitations.accept(token, true, 4, null, null)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("has expired");
        assertThat(invitations.expireSilent()).isGreaterThanOrEqualTo(1);
        assertThat(jdbc.sql("SELECT status FROM judge_invitation WHERE call_id = ? AND judge_id = ?").params(callId, judgeId)
                .query(String.class).single()).isEqualTo("EXPIRED");
        ResponseEntity<String> audit = coordinator().getForEntity("/api/calls/" + callId + "/audit.csv", String.class);
        assertThat(audit.getBody()).contains("Invitation expired");
        ResponseEntity<String> unknown = rest.getForEntity("/judging/invitations/" + "x".repeat(43), String.class);
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(unknown.getBody()).contains("This invitation link is not valid");
    }
}
