package org.awardeval.assignment;

import java.util.Set;

public record Judge(long id, String userId, String code, String name, String email, String gender, String country,
        String affiliation, int maxLoad, Set<String> expertise) {
}
