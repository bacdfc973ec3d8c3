package org.awardeval.system;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;

/** Process variable names, in one place, and typed access to them. */
public final class Vars {

    // award cycle
    public static final String CALL_ID = "callId";
    public static final String CALL_NAME = "callName";
    public static final String THEME = "theme";
    public static final String CODE_PREFIX = "codePrefix";
    public static final String SUBMISSION_DEADLINE = "submissionDeadline";
    public static final String REVIEW_DEADLINE = "reviewDeadline";
    public static final String REVIEWS_PER_APPLICATION = "reviewsPerApplication";
    public static final String WINNERS_PER_CATEGORY = "winnersPerCategory";
    public static final String SHORTLIST_PER_CATEGORY = "shortlistPerCategory";
    public static final String SAME_COUNTRY_CONFLICT = "sameCountryConflict";
    public static final String CHAIR_USER_ID = "chairUserId";
    public static final String POLL_INTERVAL = "pollInterval";
    public static final String TIME_ZONE = "timeZone";
    public static final String EMBARGO_UNTIL = "embargoUntil";
    public static final String CATEGORIES = "categories";
    public static final String RUBRIC = "rubric";
    public static final String ALLOWED_ORGANISATION_TYPES = "allowedOrganisationTypes";
    public static final String PHASE = "phase";
    public static final String SHORTAGE_REPORT = "shortageReport";
    public static final String PHASE_COMPLETE = "phaseComplete";
    public static final String WINNER_OPTIONS = "winnerOptions";
    public static final String WINNERS = "winners";

    // panel deliberation
    public static final String SHORTLIST = "shortlist";
    public static final String PANEL_MEMBERS = "panelMembers";
    public static final String PANEL_MEMBER = "panelMember";
    public static final String PANEL_QUORUM = "panelQuorum";
    public static final String VOTING_DEADLINE = "votingDeadline";
    public static final String VOTE_OPTIONS = "voteOptions";
    public static final String RECUSALS = "recusals";
    public static final String VOTES = "votes";
    public static final String VOTE_COMMENT = "voteComment";
    public static final String TALLY = "tally";
    public static final String TALLY_SUMMARY = "tallySummary";
    public static final String PROPOSED_WINNERS = "proposedWinners";
    public static final String QUORUM_REACHED = "quorumReached";
    public static final String JUSTIFICATION = "justification";

    // application: identities stay in this process, never in a review instance
    public static final String APPLICATION_ID = "applicationId";
    public static final String APPLICATION_CODE = "applicationCode";
    public static final String APPLICATION_TITLE = "applicationTitle";
    public static final String ORGANISATION_NAME = "organisationName";
    public static final String ORGANISATION_TYPE = "organisationType";
    public static final String COUNTRY = "country";
    public static final String CATEGORY_CODE = "categoryCode";
    public static final String CONTACT_NAME = "contactName";
    public static final String CONTACT_EMAIL = "contactEmail";
    public static final String TITLE = "title";
    public static final String SUMMARY = "summary";
    public static final String DESCRIPTION = "description";
    public static final String EDUCATORS_REACHED = "educatorsReached";
    public static final String OUTCOMES = "outcomes";
    public static final String PARTNERS = "partners";
    public static final String CONSENT = "consent";
    public static final String ON_TIME = "onTime";
    public static final String CATEGORY_KNOWN = "categoryKnown";
    public static final String REQUIRED_FIELDS_PRESENT = "requiredFieldsPresent";
    public static final String CONSENT_GIVEN = "consentGiven";
    public static final String ORGANISATION_TYPE_ALLOWED = "organisationTypeAllowed";
    public static final String DUPLICATE = "duplicate";
    public static final String DUPLICATE_OF = "duplicateOf";
    public static final String ELIGIBILITY_OUTCOME = "eligibilityOutcome";
    public static final String ELIGIBILITY_RULE = "eligibilityRule";
    public static final String ELIGIBILITY_REASON = "eligibilityReason";
    public static final String COORDINATOR_DECISION = "coordinatorDecision";
    public static final String COORDINATOR_REASON = "coordinatorReason";
    public static final String ELIGIBLE = "eligible";
    public static final String CYCLE_MESSAGE = "cycleMessage";
    public static final String APPLICATION_STATUS = "applicationStatus";
    public static final String NOTIFICATION_KIND = "notificationKind";

    // review: the anonymised dossier only
    public static final String ASSIGNMENT_ID = "assignmentId";
    public static final String JUDGE_USER_ID = "judgeUserId";
    public static final String JUDGE_CODE = "judgeCode";
    public static final String REVIEW_DUE_AT = "reviewDueAt";
    public static final String REMINDER_AT = "reminderAt";
    public static final String GRACE_ENDS_AT = "graceEndsAt";
    public static final String CONFLICT_DECLARED = "conflictDeclared";
    public static final String CONFLICT_REASON = "conflictReason";
    public static final String CATEGORY_NAME = "categoryName";
    public static final String ORIGINAL_TITLE = "originalTitle";
    public static final String ORIGINAL_SUMMARY = "originalSummary";
    public static final String ORIGINAL_DESCRIPTION = "originalDescription";
    public static final String RUBRIC_WEIGHTS = "rubricWeights";
    public static final String DOSSIER_TITLE = "dossierTitle";
    public static final String DOSSIER_SUMMARY = "dossierSummary";
    public static final String DOSSIER_DESCRIPTION = "dossierDescription";
    public static final String SCORE_PREFIX = "score_";
    public static final String PANEL_COMMENT = "panelComment";
    public static final String APPLICANT_FEEDBACK = "applicantFeedback";
    public static final String CONFIDENCE = "confidence";

    private Vars() {
    }

    public static String string(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        if (value == null) {
            return null;
        }
        String text = value.toString().strip();
        return text.isEmpty() ? null : text;
    }

    public static String requiredString(VariableScope scope, String name) {
        String value = string(scope, name);
        if (value == null) {
            throw new IllegalStateException("Process variable '" + name + "' is missing");
        }
        return value;
    }

    public static long requiredLong(VariableScope scope, String name) {
        Long value = longValue(scope.getVariable(name), name);
        if (value == null) {
            throw new IllegalStateException("Process variable '" + name + "' is missing");
        }
        return value;
    }

    public static Integer integer(VariableScope scope, String name) {
        Long value = longValue(scope.getVariable(name), name);
        return value == null ? null : Math.toIntExact(value);
    }

    public static boolean bool(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        return value instanceof Boolean b ? b : value != null && Boolean.parseBoolean(value.toString());
    }

    /** Reads a moment given as a Date or as ISO-8601 text (as Camunda Forms submit it). */
    public static OffsetDateTime moment(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        if (value instanceof Date date) {
            return date.toInstant().atOffset(ZoneOffset.UTC);
        }
        try {
            return OffsetDateTime.parse(value.toString().strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + ": '" + value + "' is not a date and time with a time zone, e.g. 2026-03-31T23:59:00+08:00");
        }
    }

    /** A list or object given as JSON (forms, API) or as Java collections; null when absent. */
    public static SpinJsonNode json(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        if (value == null || value instanceof String text && text.isBlank()) {
            return null;
        }
        if (value instanceof SpinJsonNode node) {
            return node;
        }
        try {
            return Spin.JSON(value);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(name + ": not valid JSON");
        }
    }

    /** A list of strings: from a form it arrives as a JSON array, from the Java API as a collection. */
    public static List<String> strings(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        List<String> strings = new ArrayList<>();
        if (value instanceof SpinJsonNode node && node.isArray()) {
            node.elements().forEach(element -> strings.add(element.isString() ? element.stringValue() : element.toString()));
        } else if (value instanceof Collection<?> collection) {
            collection.forEach(element -> strings.add(String.valueOf(element)));
        } else if (value instanceof String text && !text.isBlank()) {
            SpinJsonNode node;
            try {
                node = Spin.JSON(text);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(name + ": expected a list, got " + text);
            }
            if (!node.isArray()) {
                throw new IllegalArgumentException(name + ": expected a list, got " + text);
            }
            node.elements().forEach(element -> strings.add(element.isString() ? element.stringValue() : element.toString()));
        } else if (value != null && !(value instanceof String)) {
            throw new IllegalArgumentException(name + ": expected a list, got " + value);
        }
        return strings;
    }

    public static Date date(OffsetDateTime moment) {
        return Date.from(moment.toInstant());
    }

    private static Long longValue(Object value, String name) {
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        if (value instanceof Number number) {
            if (number.doubleValue() != Math.rint(number.doubleValue())) {
                throw new IllegalArgumentException(name + ": '" + value + "' is not a whole number");
            }
            return number.longValue();
        }
        try {
            return Long.parseLong(value.toString().strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + ": '" + value + "' is not a whole number");
        }
    }
}
