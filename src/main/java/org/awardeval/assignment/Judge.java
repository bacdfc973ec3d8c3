package org.awardeval.assignment;

import java.util.List;
import java.util.Set;

/**
 * A judge as the assignment sees them. Expertise lists category codes, the judge's strongest first. Conflicts are the
 * normalised names of organisations the judge declared a conflict with. Region and gender may be unknown (null).
 */
public record Judge(long id, String userId, String code, String name, String email, String gender, String country, String region,
        String affiliation, int maxLoad, List<String> expertise, Set<String> conflicts) {
}
