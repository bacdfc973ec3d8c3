package org.awardeval.invitation;

import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.awardeval.assignment.Judge;
import org.awardeval.assignment.JudgePool;
import org.awardeval.assignment.JudgeRepository;
import org.awardeval.call.AwardCall;
import org.awardeval.call.CallRepository;
import org.awardeval.call.CallStatus;
import org.awardeval.call.Category;
import org.awardeval.invitation.InvitationRepository.Invitation;
import org.awardeval.invitation.InvitationRepository.Status;
import org.awardeval.mail.MailTemplates;
import org.awardeval.mail.OutboxRepository;
import org.awardeval.mail.OutboxRepository.PersonalMail;
import org.awardeval.settings.AwardProperties;
import org.awardeval.submission.ApplicationRepository;
import org.awardeval.submission.ApplicationStatus;
import org.awardeval.web.FieldChecks;
import org.awardeval.web.Moments;
import org.awardeval.web.NotFoundException;
import org.awardeval.web.PublicLinks;
import org.awardeval.web.ValidationException;
import org.awardeval.web.ValidationException.FieldError;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Judges invited to a call: the invitation e-mail with a personal link, the answer (accept with the declaration
 * signed, possibly for fewer reviews; or decline), silence past the answer date, and per category how many judges are
 * still missing. A call that invited judges is assigned among those who accepted.
 */
@Service
public class JudgeInvitations implements JudgePool {

    /** What a coordinator sent: each invited judge, or why they were not invited. */
    public record Sent(List<String> invited, List<FieldError> skipped) {
    }

    /** What an invited judge reads before answering. */
    record Offer(Invitation invitation, AwardCall call, Judge judge, List<String> categories, String respondByInWords) {
    }

    /** Per category of the call: what the applications need and what the invitations gave. */
    public record CategoryCount(String code, String name, int applications, int reviewsNeeded, int accepted, int capacity,
            int declined, int noAnswer, int waiting, int missingJudges) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final InvitationRepository invitations;
    private final JudgeRepository judges;
    private final CallRepository calls;
    private final ApplicationRepository applications;
    private final OutboxRepository outbox;
    private final MailTemplates templates;
    private final PublicLinks links;
    private final AwardProperties properties;

    JudgeInvitations(InvitationRepository invitations, JudgeRepository judges, CallRepository calls, ApplicationRepository applications,
            OutboxRepository outbox, MailTemplates templates, PublicLinks links, AwardProperties properties) {
        this.invitations = invitations;
        this.judges = judges;
        this.calls = calls;
        this.applications = applications;
        this.outbox = outbox;
        this.templates = templates;
        this.links = links;
        this.properties = properties;
    }

    /**
     * Invites registered judges to the call, each for {@code load} reviews (their registered maximum when null), and
     * e-mails each a personal link. A judge invited before is left as they are and named among the skipped.
     */
    @Transactional
    public Sent invite(long callId, List<String> userIds, Integer load, String by) {
        AwardCall call = calls.find(callId).orElseThrow(() -> new NotFoundException("There is no call with id " + callId));
        FieldChecks checks = new FieldChecks();
        if (call.status() == CallStatus.ANNOUNCED) {
            checks.fail("call", "has been announced; judges can no longer be invited");
        }
        if (userIds == null || userIds.isEmpty()) {
            checks.fail("judges", "name at least one judge (their user ids)");
        }
        if (load != null) {
            checks.range("load", load, false, 1, 100);
        }
        Map<String, Judge> byUserId = judges.all().stream().collect(Collectors.toMap(Judge::userId, j -> j));
        List<String> wanted = userIds == null ? List.of() : new ArrayList<>(new LinkedHashSet<>(userIds));
        for (int i = 0; i < wanted.size(); i++) {
            if (wanted.get(i) == null || !byUserId.containsKey(wanted.get(i))) {
                checks.fail("judges[" + i + "]", "'" + wanted.get(i) + "' is not a registered judge; register them first");
            }
        }
        checks.throwIfAny();
        OffsetDateTime now = OffsetDateTime.now();
        OffsetDateTime respondBy = now.plus(properties.invitationPeriod());
        List<String> invited = new ArrayList<>();
        List<FieldError> skipped = new ArrayList<>();
        for (String userId : wanted) {
            Judge judge = byUserId.get(userId);
            if (invitations.exists(callId, judge.id())) {
                skipped.add(new FieldError(userId, "was invited to this call before"));
                continue;
            }
            String token = token();
            int asked = load == null ? judge.maxLoad() : load;
            invitations.insert(callId, judge.id(), Declaration.sha256(token), asked, by, now, respondBy);
            String zone = judges.timeZone(userId).orElse(call.timeZone());
            MailTemplates.Rendered mail = templates.render("judge-invitation", Map.of("judgeName", judge.name(), "callName", call.name(),
                    "load", asked, "respondBy", Moments.inWords(respondBy, zone), "link", links.to("/judging/invitations/" + token)));
            outbox.insertOncePerCall(callId, new PersonalMail("INVITE-J" + judge.id(), judge.email(),
                    "Invitation to judge " + call.name(), mail.text(), mail.html()), now);
            invited.add(userId);
        }
        return new Sent(invited, skipped);
    }

    /** Invites groups of judges, each for its load, in one transaction: a refusal in any group invites nobody. */
    @Transactional
    public Sent inviteAll(long callId, Map<Integer, List<String>> byLoad, String by) {
        List<String> invited = new ArrayList<>();
        List<FieldError> skipped = new ArrayList<>();
        byLoad.forEach((load, userIds) -> {
            Sent sent = invite(callId, userIds, load, by);
            invited.addAll(sent.invited());
            skipped.addAll(sent.skipped());
        });
        return new Sent(invited, skipped);
    }

    /** The invitation behind a link, for the judge to read; not found for an unknown link. */
    @Transactional
    Offer offer(String token) {
        Invitation invitation = invitations.byToken(hash(token)).orElseThrow(JudgeInvitations::unknown);
        AwardCall call = calls.get(invitation.callId());
        Judge judge = judges.all().stream().filter(j -> j.id() == invitation.judgeId()).findFirst().orElseThrow();
        Map<String, String> names = calls.categories(call.id()).stream().collect(Collectors.toMap(Category::code, Category::name));
        List<String> categories = judge.expertise().stream().filter(names::containsKey).map(names::get).toList();
        return new Offer(current(invitation), call, judge, categories,
                Moments.inWords(invitation.respondBy(), judges.timeZone(judge.userId()).orElse(call.timeZone())));
    }

    /**
     * Accepts: the declaration must be ticked, the load at least 1 and at most what was asked, the time zone one the
     * world knows. The conflicts declared (one organisation a line) join the judge's profile.
     */
    @Transactional
    void accept(String token, boolean declarationSigned, Integer load, String timeZone, String conflicts) {
        Invitation invitation = open(token);
        FieldChecks checks = new FieldChecks();
        if (!declarationSigned) {
            checks.fail("declaration", "must be ticked to accept: it is what you sign");
        }
        if (load == null) {
            checks.fail("load", "is required: how many applications you will review");
        } else if (load < 1 || load > invitation.loadAsked()) {
            checks.fail("load", "must be from 1 to " + invitation.loadAsked() + ", the number you were invited for; " + load + " is not");
        }
        String zone = timeZone == null || timeZone.isBlank() ? null : timeZone.strip();
        if (zone != null && !ZoneId.getAvailableZoneIds().contains(zone)) {
            checks.fail("timeZone", "must be a time zone such as Europe/Paris or Asia/Shanghai; '" + zone + "' is not one");
        }
        List<String> organisations = conflicts == null ? List.of() : conflicts.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        if (organisations.size() > 50) {
            checks.fail("conflicts", "lists " + organisations.size() + " organisations; at most 50 are taken");
        }
        for (String organisation : organisations) {
            if (organisation.length() > 300) {
                checks.fail("conflicts", "has a line of " + organisation.length() + " characters; a name has at most 300");
                break;
            }
        }
        checks.throwIfAny();
        invitations.accept(invitation.id(), load, String.join("\n", organisations), OffsetDateTime.now());
        organisations.forEach(o -> judges.addConflict(invitation.judgeId(), ApplicationRepository.normalise(o)));
        if (zone != null) {
            judges.setTimeZone(invitation.judgeId(), zone);
        }
    }

    @Transactional
    void decline(String token, String reason) {
        Invitation invitation = open(token);
        FieldChecks checks = new FieldChecks();
        String text = checks.text("reason", reason, false, 1000);
        checks.throwIfAny();
        invitations.decline(invitation.id(), text == null || text.isBlank() ? null : text.strip(), OffsetDateTime.now());
    }

    /** The open invitation of a link, locked; refused with the reason once answered or past its date. */
    private Invitation open(String token) {
        Invitation invitation = invitations.byTokenForUpdate(hash(token)).orElseThrow(JudgeInvitations::unknown);
        Invitation current = current(invitation);
        if (current.status() != Status.INVITED) {
            throw new ValidationException(List.of(new FieldError("invitation", switch (current.status()) {
                case ACCEPTED -> "was accepted already; write to the award office to change your answer";
                case DECLINED -> "was declined already; write to the award office if you can judge after all";
                default -> "has expired: the answer was due by " + Moments.inWords(invitation.respondBy(), "UTC");
            })));
        }
        return invitation;
    }

    /** An invitation past its date is silence, whether or not the nightly run has marked it yet. */
    private static Invitation current(Invitation i) {
        return i.status() == Status.INVITED && i.respondBy().isBefore(OffsetDateTime.now())
                ? new Invitation(i.id(), i.callId(), i.judgeId(), Status.EXPIRED, i.loadAsked(), i.loadAccepted(), i.invitedBy(),
                        i.invitedAt(), i.respondBy(), i.respondedAt(), i.declineReason(), i.declarationVersion(), i.declarationSha256(),
                        i.declaredConflicts())
                : i;
    }

    /** Marks the invitations nobody answered by their date. */
    @Scheduled(fixedDelayString = "${award.invitation-check:PT1H}", initialDelayString = "${award.invitation-check:PT1H}")
    public int expireSilent() {
        return invitations.expire(OffsetDateTime.now());
    }

    @Override
    public Optional<Map<Long, Integer>> acceptedLoads(long callId) {
        List<Invitation> all = invitations.byCall(callId);
        if (all.isEmpty()) {
            return Optional.empty();
        }
        Map<Long, Integer> loads = new HashMap<>();
        all.stream().filter(i -> i.status() == Status.ACCEPTED).forEach(i -> loads.put(i.judgeId(), i.loadAccepted()));
        return Optional.of(loads);
    }

    /** The judges who accepted the call's invitation, by user id, with the load they accepted. */
    public Map<String, Integer> acceptedJudges(long callId) {
        Map<Long, String> userIds = new HashMap<>();
        judges.all().forEach(j -> userIds.put(j.id(), j.userId()));
        Map<String, Integer> accepted = new TreeMap<>();
        acceptedLoads(callId).orElse(Map.of()).forEach((judgeId, load) -> accepted.put(userIds.get(judgeId), load));
        return accepted;
    }

    /** Whether the call has invited any judge. */
    public boolean any(long callId) {
        return invitations.anyInCall(callId);
    }

    /** Per category (by each judge's strongest expertise): the need, the answers, and how many judges are missing. */
    public List<CategoryCount> counts(long callId) {
        AwardCall call = calls.find(callId).orElseThrow(() -> new NotFoundException("There is no call with id " + callId));
        List<Invitation> all = invitations.byCall(callId).stream().map(JudgeInvitations::current).toList();
        Map<Long, Judge> byId = judges.all().stream().collect(Collectors.toMap(Judge::id, j -> j));
        Map<String, Integer> applicationsByCategory = applications.countByCategory(callId,
                Set.of(ApplicationStatus.INELIGIBLE, ApplicationStatus.WITHDRAWN));
        int typicalLoad = (int) Math.max(1, Math.round(all.stream().mapToInt(Invitation::loadAsked).average().orElse(8)));
        List<CategoryCount> counts = new ArrayList<>();
        for (Category c : calls.categories(callId)) {
            List<Invitation> here = all.stream().filter(i -> byId.containsKey(i.judgeId()) && !byId.get(i.judgeId()).expertise().isEmpty()
                    && byId.get(i.judgeId()).expertise().get(0).equals(c.code())).toList();
            int apps = applicationsByCategory.getOrDefault(c.code(), 0);
            int needed = apps * call.reviewsPerApplication();
            int capacity = here.stream().filter(i -> i.status() == Status.ACCEPTED).mapToInt(Invitation::loadAccepted).sum();
            int missing = capacity >= needed ? 0 : (needed - capacity + typicalLoad - 1) / typicalLoad;
            counts.add(new CategoryCount(c.code(), c.name(), apps, needed, count(here, Status.ACCEPTED), capacity,
                    count(here, Status.DECLINED), count(here, Status.EXPIRED), count(here, Status.INVITED), missing));
        }
        return counts;
    }

    /** The invitations of a call as coordinators list them. */
    public List<Map<String, Object>> list(long callId) {
        Map<Long, Judge> byId = judges.all().stream().collect(Collectors.toMap(Judge::id, j -> j));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Invitation i : invitations.byCall(callId).stream().map(JudgeInvitations::current).toList()) {
            Map<String, Object> row = new LinkedHashMap<>();
            Judge judge = byId.get(i.judgeId());
            row.put("userId", judge == null ? null : judge.userId());
            row.put("judgeCode", judge == null ? null : judge.code());
            row.put("status", i.status().name());
            row.put("loadAsked", i.loadAsked());
            row.put("loadAccepted", i.loadAccepted());
            row.put("respondBy", i.respondBy().toString());
            row.put("declineReason", i.declineReason());
            row.put("declarationVersion", i.declarationVersion());
            rows.add(row);
        }
        return rows;
    }

    /** What happened to the call's invitations, for the audit: who invited, who answered how and when. */
    public record Step(OffsetDateTime at, String actor, String step, String detail) {
    }

    public List<Step> steps(long callId) {
        Map<Long, Judge> byId = judges.all().stream().collect(Collectors.toMap(Judge::id, j -> j));
        List<Step> steps = new ArrayList<>();
        for (Invitation i : invitations.byCall(callId)) {
            Judge judge = byId.get(i.judgeId());
            String who = judge == null ? "judge " + i.judgeId() : judge.userId();
            String code = judge == null ? "" : judge.code();
            steps.add(new Step(i.invitedAt(), i.invitedBy(), "Invite a judge", code + " invited for " + i.loadAsked() + " reviews"));
            switch (i.status()) {
                case ACCEPTED -> steps.add(new Step(i.respondedAt(), who, "Accept the invitation and sign the declaration",
                        code + " accepted " + i.loadAccepted() + " reviews; declaration version " + i.declarationVersion() + " (SHA-256 "
                                + i.declarationSha256() + ")" + (i.declaredConflicts() == null || i.declaredConflicts().isBlank() ? ""
                                : "; conflicts declared: " + i.declaredConflicts().replace("\n", "; "))));
                case DECLINED -> steps.add(new Step(i.respondedAt(), who, "Decline the invitation",
                        code + " declined" + (i.declineReason() == null ? "" : ": " + i.declineReason())));
                case EXPIRED -> steps.add(new Step(i.respondBy(), "system", "Invitation expired", code + " did not answer"));
                default -> {
                }
            }
        }
        return steps;
    }

    private static int count(List<Invitation> invitations, Status status) {
        return (int) invitations.stream().filter(i -> i.status() == status).count();
    }

    private static String token() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String hash(String token) {
        return Declaration.sha256(token == null ? "" : token);
    }

    private static NotFoundException unknown() {
        return new NotFoundException("This invitation link is not valid. Please use the link in your e-mail as it is.");
    }
}
