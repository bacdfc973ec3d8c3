package org.awardeval.assignment;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.awardeval.submission.ApplicationRepository;

/** An application to be reviewed, with what decides conflicts: its organisation, country and named partners. */
public record Candidate(long applicationId, String code, String categoryCode, String organisation, String country,
        Set<String> partners) {

    /** The partner organisations named in an application's free text, one per line or separated by ';' or ','. */
    public static Set<String> partnersOf(String text) {
        if (text == null || text.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(text.split("[;,\\n]")).map(String::strip).filter(s -> !s.isEmpty())
                .map(ApplicationRepository::normalise).collect(Collectors.toUnmodifiableSet());
    }
}
