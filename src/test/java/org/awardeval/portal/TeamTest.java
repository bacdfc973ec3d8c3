package org.awardeval.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.awardeval.support.H2Test;
import org.awardeval.support.InProcessCycle;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An applicant's team, over HTTP as the browsers send it: the owner invites a colleague, who edits the draft but can
 * neither send it, nor invite, nor withdraw; the owner removes them; an invitation not taken up in time opens nothing.
 */
@H2Test
class TeamTest {

    @LocalServerPort int port;
    @Autowired InProcessCycle driver;
    @Autowired JdbcClient jdbc;

    @Test
    void aColleagueEditsButOnlyTheOwnerSendsAndRemovingThemEndsTheirAccess() throws Exception {
        long callId = driver.openCall("Team " + System.nanoTime());
        String ownerEmail = "owner@team.test";
        String colleagueEmail = "colleague@team.test";
        Applicant owner = Applicant.signedInFromOutbox(port, jdbc, ownerEmail);
        owner.get("/portal");
        String draftPath = owner.post("/portal/calls/" + callId + "/drafts", Map.of()).headers().firstValue("Location").orElseThrow()
                .replaceAll("^.*(/portal/)", "$1");
        owner.get(draftPath);
        owner.post(draftPath, with(PortalIT.complete("Teaching online, as the owner wrote it"), "action", "save"));

        owner.get(draftPath);
        assertThat(owner.post(draftPath + "/team", Map.of("colleague", "not an address")).body())
                .contains("Please enter your colleague&#39;s e-mail address, for example name@university.edu.");
        owner.get(draftPath);
        assertThat(owner.post(draftPath + "/team", Map.of("colleague", ownerEmail)).body()).contains("You cannot invite yourself: you started this application.");
        owner.get(draftPath);
        assertThat(owner.post(draftPath + "/team", Map.of("colleague", " Colleague@Team.test ")).statusCode()).isEqualTo(302);
        assertThat(jdbc.sql("SELECT body FROM mail_outbox WHERE recipient = ? AND kind = 'INVITE'").param(colleagueEmail)
                .query(String.class).single()).contains(ownerEmail, "/portal");
        assertThat(owner.get(draftPath).body()).contains(colleagueEmail, "invited");

        Applicant colleague = Applicant.signedInFromOutbox(port, jdbc, colleagueEmail);
        assertThat(colleague.get("/portal").body()).contains("Shared with you", "Teaching online, as the owner wrote it");
        String page = colleague.get(draftPath).body();
        assertThat(page).contains("You help", ownerEmail).doesNotContain(">Send the application<");
        assertThat(colleague.post(draftPath, with(PortalIT.complete("Teaching online, as the colleague improved it"), "action", "save"))
                .statusCode()).isEqualTo(302);
        assertThat(owner.get(draftPath).body()).contains("Teaching online, as the colleague improved it", "has joined");

        colleague.get(draftPath);
        HttpResponse<String> colleagueSends = colleague.post(draftPath,
                with(PortalIT.complete("Teaching online, as the colleague improved it"), "action", "submit"));
        assertThat(colleagueSends.body()).contains("Team members help write the application; only " + ownerEmail);
        colleague.get(draftPath);
        assertThat(colleague.post(draftPath + "/team", Map.of("colleague", "third@team.test")).body())
                .contains("Only " + ownerEmail + ", who started this application, manages its team.");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM application WHERE call_id = ?").param(callId).query(Long.class).single()).isZero();

        owner.get(draftPath);
        HttpResponse<String> sent = owner.post(draftPath, with(PortalIT.complete("Teaching online, as the colleague improved it"),
                "action", "submit"));
        String applicationPath = sent.headers().firstValue("Location").orElseThrow().replaceAll("^.*(/portal/)", "$1").replace("?submitted", "");
        colleague.get("/portal");
        assertThat(colleague.get(applicationPath).statusCode()).isEqualTo(404);
        assertThat(colleague.post(applicationPath + "/withdraw", Map.of("withdrawalReason", "Not mine")).statusCode()).isEqualTo(404);
        assertThat(colleague.get(draftPath).body()).contains(ownerEmail + " has sent this application");
    }

    @Test
    void aRemovedColleagueAndAnExpiredInvitationOpenNothing() throws Exception {
        long callId = driver.openCall("Team removal " + System.nanoTime());
        String ownerEmail = "owner2@team.test";
        Applicant owner = Applicant.signedInFromOutbox(port, jdbc, ownerEmail);
        owner.get("/portal");
        String draftPath = owner.post("/portal/calls/" + callId + "/drafts", Map.of()).headers().firstValue("Location").orElseThrow()
                .replaceAll("^.*(/portal/)", "$1");
        for (String email : new String[] {"removed@team.test", "late@team.test"}) {
            owner.get(draftPath);
            owner.post(draftPath + "/team", Map.of("colleague", email));
        }
        Applicant removed = Applicant.signedInFromOutbox(port, jdbc, "removed@team.test");
        assertThat(removed.get(draftPath).statusCode()).isEqualTo(200);
        long memberId = jdbc.sql("SELECT id FROM draft_member WHERE email = 'removed@team.test'").query(Long.class).single();
        owner.get(draftPath);
        assertThat(owner.post(draftPath + "/team/" + memberId + "/remove", Map.of()).statusCode()).isEqualTo(302);
        assertThat(removed.get(draftPath).statusCode()).isEqualTo(404);
        assertThat(removed.post(draftPath + "/autosave", PortalIT.complete("Written after removal")).statusCode()).isEqualTo(404);
        assertThat(removed.get("/portal").body()).doesNotContain("Shared with you");

        // Fifteen days on, the second invitation has not been taken up.
        jdbc.sql("UPDATE draft_member SET invited_at = invited_at - INTERVAL '15' DAY, expires_at = expires_at - INTERVAL '15' DAY"
                + " WHERE email = 'late@team.test'").update();
        Applicant late = Applicant.signedInFromOutbox(port, jdbc, "late@team.test");
        assertThat(late.get(draftPath).statusCode()).isEqualTo(404);
        assertThat(owner.get(draftPath).body()).contains("late@team.test", "the invitation has expired").doesNotContain("removed@team.test");
    }

    private static Map<String, String> with(Map<String, String> fields, String name, String value) {
        return PortalIT.with(fields, name, value);
    }
}
