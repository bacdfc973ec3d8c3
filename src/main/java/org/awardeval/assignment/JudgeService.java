package org.awardeval.assignment;

import java.util.Set;
import org.awardeval.security.AccessSetup;
import org.awardeval.security.Groups;
import org.awardeval.system.FieldChecks;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The judge registry: every judge is a Camunda user of the group judges and a row with their profile. */
@Service
public class JudgeService {

    private final JudgeRepository judges;
    private final AccessSetup access;

    public JudgeService(JudgeRepository judges, AccessSetup access) {
        this.judges = judges;
        this.access = access;
    }

    public record JudgeRegistration(String userId, String password, String firstName, String lastName, String email, String gender,
            String country, String affiliation, int maxLoad, Set<String> expertise) {
    }

    /** Registers a judge; a judge already registered under this user id is left as it is. */
    @Transactional
    public long register(JudgeRegistration r) {
        FieldChecks checks = new FieldChecks();
        checks.userId("userId", r.userId());
        checks.text("lastName", r.lastName(), true, 100);
        checks.email("email", r.email());
        checks.text("country", r.country(), true, 100);
        checks.text("affiliation", r.affiliation(), true, 300);
        checks.range("maxLoad", r.maxLoad(), true, 1, 1000);
        if (r.expertise() == null || r.expertise().isEmpty()) {
            checks.fail("expertise", "name at least one category code");
        }
        checks.throwIfAny();
        return judges.findIdByUserId(r.userId()).orElseGet(() -> {
            access.ensureUser(r.userId(), r.firstName(), r.lastName(), r.email(), r.password(), Groups.JUDGES);
            return judges.insert(r.userId(), (r.firstName() + " " + r.lastName()).strip(), r.email(), r.gender(), r.country(),
                    r.affiliation(), r.maxLoad(), r.expertise());
        });
    }
}
