package org.awardeval.assignment;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.awardeval.assignment.JudgeRepository.Profile;
import org.awardeval.security.AccessSetup;
import org.awardeval.security.Groups;
import org.awardeval.submission.ApplicationRepository;
import org.awardeval.web.FieldChecks;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The judge registry: every judge is a Camunda user of the group judges and a row with their profile. */
@Service
public class JudgeService {

    public static final Set<String> GENDERS = Set.of("F", "M", "X");

    private final JudgeRepository judges;
    private final AccessSetup access;

    public JudgeService(JudgeRepository judges, AccessSetup access) {
        this.judges = judges;
        this.access = access;
    }

    /**
     * @param gender    F, M or X (another or not said); may be empty
     * @param region    for the regional balance, for example a UNESCO region; may be empty
     * @param expertise category codes, the strongest first
     * @param conflicts organisations the judge declares a conflict with
     */
    public record JudgeRegistration(String userId, String password, String firstName, String lastName, String email, String gender,
            String country, String region, String affiliation, Integer maxLoad, List<String> expertise, List<String> conflicts) {
    }

    /** Registers a judge, or updates the profile of one registered under this user id. Returns the judge's id. */
    @Transactional
    public long register(JudgeRegistration r) {
        FieldChecks checks = new FieldChecks();
        String userId = checks.userId("userId", r.userId());
        checks.name("lastName", r.lastName(), 100);
        if (r.firstName() != null) {
            checks.text("firstName", r.firstName(), false, 100);
        }
        String email = checks.email("email", r.email());
        String gender = checks.text("gender", r.gender(), false, 1);
        if (gender != null && !GENDERS.contains(gender.toUpperCase())) {
            checks.fail("gender", "must be one of " + new java.util.TreeSet<>(GENDERS) + ", was '" + gender + "'");
        }
        String country = checks.name("country", r.country(), 100);
        String region = checks.text("region", r.region(), false, 100);
        String affiliation = checks.name("affiliation", r.affiliation(), 300);
        checks.range("maxLoad", r.maxLoad(), true, 1, 1000);
        List<String> expertise = new ArrayList<>(new LinkedHashSet<>(r.expertise() == null ? List.of() : r.expertise()));
        if (expertise.isEmpty()) {
            checks.fail("expertise", "name at least one category code");
        }
        for (int i = 0; i < expertise.size(); i++) {
            String code = expertise.get(i);
            if (code == null || !code.matches("[A-Z]{2}")) {
                checks.fail("expertise[" + i + "]", "must be a category code of two capital letters, was '" + code + "'");
            }
        }
        List<String> conflicts = r.conflicts() == null ? List.of() : r.conflicts();
        for (int i = 0; i < conflicts.size(); i++) {
            checks.name("conflicts[" + i + "]", conflicts.get(i), 300);
        }
        if ((r.password() == null || r.password().isBlank()) && userId != null && !access.userExists(userId)) {
            checks.fail("password", "is required for a new judge");
        }
        checks.throwIfAny();
        Profile profile = new Profile(userId, ((r.firstName() == null ? "" : r.firstName().strip()) + " " + r.lastName().strip()).strip(),
                email, gender == null ? null : gender.toUpperCase(), country, region, affiliation, r.maxLoad(), expertise,
                conflicts.stream().map(ApplicationRepository::normalise).collect(Collectors.toSet()));
        access.ensureUser(userId, r.firstName(), r.lastName(), email, r.password(), Groups.JUDGES);
        return judges.findIdByUserId(userId).map(id -> {
            judges.update(id, profile);
            return id;
        }).orElseGet(() -> judges.insert(profile));
    }
}
