package org.awardeval.deliberation;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.awardeval.call.AwardCall;
import org.awardeval.call.CallRepository;
import org.awardeval.call.Quotas;
import org.awardeval.conflicts.ApplicationText;
import org.awardeval.conflicts.OrganisationName;
import org.awardeval.deliberation.PanelRepository.PanelMember;
import org.awardeval.deliberation.ResultRepository.Result;
import org.awardeval.process.AwardCycleProcess;
import org.awardeval.security.AccessSetup;
import org.awardeval.security.Groups;
import org.awardeval.submission.ApplicationRepository;
import org.awardeval.submission.StoredApplication;
import org.awardeval.web.FieldChecks;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The panel: every user of the group {@code panel}, each with a profile (affiliation, country, declared conflicts). A
 * member is recused from an application of their own organisation, of an organisation they declared a conflict with,
 * or one that names their organisation among its partners.
 */
@Service
public class PanelService {

    public record PanelRegistration(String userId, String password, String firstName, String lastName, String email,
            String affiliation, String country, List<String> conflicts) {
    }

    private final PanelRepository panel;
    private final ResultRepository results;
    private final IdentityService identityService;
    private final AccessSetup access;

    private final CallRepository calls;
    private final ApplicationRepository applications;

    public PanelService(PanelRepository panel, ResultRepository results, IdentityService identityService, AccessSetup access,
            CallRepository calls, ApplicationRepository applications) {
        this.calls = calls;
        this.applications = applications;
        this.panel = panel;
        this.results = results;
        this.identityService = identityService;
        this.access = access;
    }

    /** Registers a panel member (a Camunda user of the group panel) or updates their profile and conflicts. */
    @Transactional
    public void register(PanelRegistration r) {
        FieldChecks checks = new FieldChecks();
        checks.userId("userId", r.userId());
        checks.name("lastName", r.lastName(), 100);
        checks.email("email", r.email());
        checks.text("affiliation", r.affiliation(), false, 300);
        checks.text("country", r.country(), false, 100);
        List<String> conflicts = r.conflicts() == null ? List.of() : r.conflicts();
        for (int i = 0; i < conflicts.size(); i++) {
            checks.text("conflicts[" + i + "]", conflicts.get(i), true, 300);
        }
        checks.throwIfAny();
        access.ensureUser(r.userId(), r.firstName(), r.lastName(), r.email(), r.password(), Groups.PANEL);
        panel.saveMember(r.userId(), (nullToEmpty(r.firstName()) + " " + r.lastName()).strip(), r.affiliation(), r.country(),
                conflicts.stream().map(ApplicationRepository::normalise).toList());
    }

    /** The user ids of the panel, sorted. */
    public List<String> members() {
        return identityService.createUserQuery().memberOfGroup(Groups.PANEL).list().stream().map(User::getId).sorted().toList();
    }

    /** The member's profile; a panel user added another way (Admin) gets one without affiliation on first use. */
    @Transactional
    public PanelMember member(String userId) {
        return panel.member(userId).orElseGet(() -> {
            User user = identityService.createUserQuery().userId(userId).singleResult();
            String name = user == null ? userId : (nullToEmpty(user.getFirstName()) + " " + nullToEmpty(user.getLastName())).strip();
            panel.saveMember(userId, name.isEmpty() ? userId : name, null, null, List.of());
            return panel.member(userId).orElseThrow();
        });
    }

    /** The codes of the applications this member is recused from. */
    public Set<String> recusals(PanelMember member, Collection<StoredApplication> applications) {
        return applications.stream().filter(a -> conflicted(member, a)).map(StoredApplication::code)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** The panel's votes on the call's shortlist, counted from the ballots recorded: the tally and the chair's check. */
    public List<Tally.Counted> tally(AwardCall call) {
        List<Tally.Entry> shortlist = results.shortlist(call.id()).stream()
                .map(r -> new Tally.Entry(r.applicationId(), r.code(), r.categoryCode(), r.rankInCategory())).toList();
        return Tally.count(shortlist, panel.votesByApplication(call.id()), calls.quotas(call.id()));
    }

    /** A panel member's view of the call's shortlist: what they may vote for and what they are recused from. */
    record MemberShortlist(AwardCall call, PanelMember member, List<Result> votable, Set<String> recused) {
    }

    MemberShortlist shortlistOf(long callId, String userId) {
        AwardCall call = calls.get(callId);
        PanelMember member = member(userId);
        List<Result> shortlist = results.shortlist(callId);
        List<StoredApplication> shortlisted = shortlist.stream().map(r -> applications.get(r.applicationId())).toList();
        Set<String> recused = recusals(member, shortlisted);
        return new MemberShortlist(call, member, shortlist.stream().filter(r -> !recused.contains(r.code())).toList(), recused);
    }

    /**
     * Records a member's ballot: codes of the shortlist they are not recused from, at most the call's winners per
     * category. Anything else is refused with the reason, on the form's field, and nothing is stored.
     */
    @Transactional
    void castVote(long callId, String userId, Supplier<List<String>> votes, String comment) {
        MemberShortlist ballot = shortlistOf(callId, userId);
        FieldChecks checks = new FieldChecks();
        List<String> codes;
        try {
            codes = new ArrayList<>(new LinkedHashSet<>(votes.get()));
        } catch (IllegalArgumentException e) {
            checks.fail(AwardCycleProcess.VOTES, "must be a list of application codes");
            codes = List.of();
        }
        String checkedComment = checks.text(AwardCycleProcess.VOTE_COMMENT, comment, false, 2000);
        Map<String, Result> votable = new HashMap<>();
        ballot.votable().forEach(r -> votable.put(r.code(), r));
        Map<String, Integer> perCategory = new HashMap<>();
        Map<Long, String> chosen = new LinkedHashMap<>();
        for (String code : codes) {
            Result result = votable.get(code);
            if (ballot.recused().contains(code)) {
                checks.fail(AwardCycleProcess.VOTES, "you are recused from " + code + " and cannot vote for it");
            } else if (result == null) {
                checks.fail(AwardCycleProcess.VOTES, "'" + code + "' is not on the shortlist");
            } else {
                chosen.put(result.applicationId(), result.code());
                perCategory.merge(result.categoryCode(), 1, Integer::sum);
            }
        }
        Quotas quotas = calls.quotas(callId);
        perCategory.forEach((category, count) -> {
            if (count > quotas.winners(category)) {
                checks.fail(AwardCycleProcess.VOTES, count + " votes in category " + category + "; at most " + quotas.winners(category)
                        + " are allowed");
            }
        });
        checks.throwIfAnyOnTask();
        panel.saveBallot(callId, userId, ballot.member().code(), String.join(", ", ballot.recused()), checkedComment, chosen,
                OffsetDateTime.now());
    }

    /** The rule judges follow too: {@link ApplicationText#conflict}. */
    static boolean conflicted(PanelMember member, StoredApplication application) {
        return ApplicationText.of(application.organisationName(), application.partners(), application.title(), application.summary(),
                application.description(), application.outcomes())
                .conflict(OrganisationName.of(member.affiliation()),
                        member.conflicts().stream().map(OrganisationName::of).filter(n -> n != null).toList()) != null;
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
