package org.awardeval.deliberation;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.awardeval.call.AwardCall;
import org.awardeval.conflicts.ApplicationText;
import org.awardeval.conflicts.OrganisationName;
import org.awardeval.deliberation.PanelRepository.PanelMember;
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

    public PanelService(PanelRepository panel, ResultRepository results, IdentityService identityService, AccessSetup access) {
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
        List<Tally.Entry> shortlist = results.byCall(call.id()).stream().filter(ResultRepository.Result::shortlisted)
                .map(r -> new Tally.Entry(r.applicationId(), r.code(), r.categoryCode(), r.rankInCategory())).toList();
        return Tally.count(shortlist, panel.votesByApplication(call.id()), call.winnersPerCategory());
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
