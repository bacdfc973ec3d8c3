package org.awardeval.call;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.awardeval.review.Rubric;
import org.awardeval.security.Groups;
import org.awardeval.submission.OrganisationType;
import org.awardeval.system.AwardProperties;
import org.awardeval.system.FieldChecks;
import org.awardeval.system.Vars;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Component;

/** Validates the call's settings from the start form or the API and stores the call with its categories. */
@Component
public class RegisterCallDelegate implements JavaDelegate {

    private static final Pattern CODE_PREFIX = Pattern.compile("^[A-Z0-9]{2,6}$");
    private static final Pattern CATEGORY_CODE = Pattern.compile("^[A-Z]{2}$");

    private final CallRepository calls;
    private final IdentityService identityService;
    private final AwardProperties properties;

    public RegisterCallDelegate(CallRepository calls, IdentityService identityService, AwardProperties properties) {
        this.calls = calls;
        this.identityService = identityService;
        this.properties = properties;
    }

    @Override
    public void execute(DelegateExecution execution) {
        FieldChecks checks = new FieldChecks();
        String name = checks.text(Vars.CALL_NAME, Vars.string(execution, Vars.CALL_NAME), true, 200);
        String theme = checks.text(Vars.THEME, Vars.string(execution, Vars.THEME), false, 500);
        String prefix = checks.text(Vars.CODE_PREFIX, Vars.string(execution, Vars.CODE_PREFIX), true, 6);
        if (prefix != null && !CODE_PREFIX.matcher(prefix).matches()) {
            checks.fail(Vars.CODE_PREFIX, "must be 2 to 6 capital letters or digits, was '" + prefix + "'");
        }
        OffsetDateTime submissionDeadline = moment(checks, execution, Vars.SUBMISSION_DEADLINE);
        OffsetDateTime reviewDeadline = moment(checks, execution, Vars.REVIEW_DEADLINE);
        if (submissionDeadline != null && !submissionDeadline.isAfter(OffsetDateTime.now())) {
            checks.fail(Vars.SUBMISSION_DEADLINE, "must be in the future, was " + submissionDeadline);
        }
        if (submissionDeadline != null && reviewDeadline != null && !reviewDeadline.isAfter(submissionDeadline)) {
            checks.fail(Vars.REVIEW_DEADLINE, "must be after the submission deadline " + submissionDeadline);
        }
        OffsetDateTime embargo = execution.getVariable(Vars.EMBARGO_UNTIL) == null ? null : moment(checks, execution, Vars.EMBARGO_UNTIL);
        Integer reviews = number(checks, execution, Vars.REVIEWS_PER_APPLICATION, 3, 1, 10);
        Integer winners = number(checks, execution, Vars.WINNERS_PER_CATEGORY, 3, 1, 50);
        Integer shortlist = winners == null ? null
                : number(checks, execution, Vars.SHORTLIST_PER_CATEGORY, 2 * winners, winners, Math.max(winners, 100));
        String timeZone = checks.text(Vars.TIME_ZONE, Vars.string(execution, Vars.TIME_ZONE), false, 60);
        if (timeZone == null) {
            timeZone = "UTC";
        } else if (!ZoneId.getAvailableZoneIds().contains(timeZone) && !"UTC".equals(timeZone)) {
            checks.fail(Vars.TIME_ZONE, "'" + timeZone + "' is not a time zone such as Asia/Singapore or UTC");
        }
        List<Category> categories = categories(checks, execution);
        Map<String, BigDecimal> rubric = rubric(checks, execution);
        Set<String> allowedTypes = allowedTypes(checks, execution);
        String chair = checks.text(Vars.CHAIR_USER_ID, Vars.string(execution, Vars.CHAIR_USER_ID), true, 64);
        if (chair != null && identityService.createUserQuery().userId(chair).memberOfGroup(Groups.PANEL).count() == 0) {
            checks.fail(Vars.CHAIR_USER_ID, "'" + chair + "' is not a user of the group " + Groups.PANEL);
        }
        checks.throwIfAny();

        boolean sameCountryConflict = execution.getVariable(Vars.SAME_COUNTRY_CONFLICT) == null
                || Vars.bool(execution, Vars.SAME_COUNTRY_CONFLICT);
        long callId = calls.insert(name, theme, prefix, submissionDeadline, reviewDeadline, reviews, winners, shortlist, chair, timeZone,
                allowedTypes, embargo, sameCountryConflict, execution.getProcessInstanceId());
        categories.forEach(category -> calls.insertCategory(callId, category));
        int position = 0;
        for (Map.Entry<String, BigDecimal> criterion : rubric.entrySet()) {
            calls.insertCriterion(callId, criterion.getKey(), Rubric.LABELS.get(criterion.getKey()), criterion.getValue(), position++);
        }
        execution.removeVariables(List.of(Vars.CATEGORIES, Vars.RUBRIC, Vars.ALLOWED_ORGANISATION_TYPES));

        execution.setProcessBusinessKey(CallService.businessKey(callId));
        execution.setVariable(Vars.CALL_ID, callId);
        execution.setVariable(Vars.CALL_NAME, name);
        execution.setVariable(Vars.SUBMISSION_DEADLINE, Vars.date(submissionDeadline));
        execution.setVariable(Vars.REVIEW_DEADLINE, Vars.date(reviewDeadline));
        execution.setVariable(Vars.REVIEWS_PER_APPLICATION, reviews);
        execution.setVariable(Vars.WINNERS_PER_CATEGORY, winners);
        execution.setVariable(Vars.SHORTLIST_PER_CATEGORY, shortlist);
        execution.setVariable(Vars.POLL_INTERVAL, properties.pollInterval().toString());
    }

    /** The call's categories as given, or the 2025 four. */
    private static List<Category> categories(FieldChecks checks, DelegateExecution execution) {
        SpinJsonNode given = json(checks, execution, Vars.CATEGORIES);
        if (given == null) {
            return Category.TEMPLATE_2025;
        }
        List<Category> categories = new ArrayList<>();
        if (!given.isArray() || given.elements().isEmpty() || given.elements().size() > 20) {
            checks.fail(Vars.CATEGORIES, "must be a list of 1 to 20 categories");
            return categories;
        }
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < given.elements().size(); i++) {
            SpinJsonNode node = given.elements().get(i);
            String field = Vars.CATEGORIES + "[" + i + "]";
            String code = checks.text(field + ".code", text(node, "code"), true, 2);
            if (code != null && !CATEGORY_CODE.matcher(code).matches()) {
                checks.fail(field + ".code", "must be two capital letters, was '" + code + "'");
            } else if (code != null && !codes.add(code)) {
                checks.fail(field + ".code", "'" + code + "' is given twice");
            }
            String categoryName = checks.text(field + ".name", text(node, "name"), true, 200);
            String description = checks.text(field + ".description", text(node, "description"), false, 2000);
            categories.add(new Category(code, categoryName, description));
        }
        return categories;
    }

    /** Weights of the review criteria, 0 to 10; a criterion not given weighs 1. */
    private static Map<String, BigDecimal> rubric(FieldChecks checks, DelegateExecution execution) {
        Map<String, BigDecimal> weights = new LinkedHashMap<>();
        Rubric.CRITERIA.forEach(criterion -> weights.put(criterion, BigDecimal.ONE));
        SpinJsonNode given = json(checks, execution, Vars.RUBRIC);
        if (given == null) {
            return weights;
        }
        if (!given.isObject()) {
            checks.fail(Vars.RUBRIC, "must map criteria " + Rubric.CRITERIA + " to weights");
            return weights;
        }
        for (String criterion : given.fieldNames()) {
            String field = Vars.RUBRIC + "." + criterion;
            SpinJsonNode weight = given.prop(criterion);
            if (!Rubric.CRITERIA.contains(criterion)) {
                checks.fail(field, "is not a criterion; the criteria are " + Rubric.CRITERIA);
            } else if (!weight.isNumber() || weight.numberValue().doubleValue() < 0
                    || BigDecimal.valueOf(weight.numberValue().doubleValue()).compareTo(Rubric.MAX_WEIGHT) > 0) {
                checks.fail(field, "must be a weight from 0 to " + Rubric.MAX_WEIGHT);
            } else {
                weights.put(criterion, BigDecimal.valueOf(weight.numberValue().doubleValue()));
            }
        }
        if (weights.values().stream().allMatch(w -> w.signum() == 0)) {
            checks.fail(Vars.RUBRIC, "at least one criterion must weigh more than 0");
        }
        return weights;
    }

    private static Set<String> allowedTypes(FieldChecks checks, DelegateExecution execution) {
        Set<String> all = new TreeSet<>();
        for (OrganisationType type : OrganisationType.values()) {
            all.add(type.name());
        }
        SpinJsonNode given = json(checks, execution, Vars.ALLOWED_ORGANISATION_TYPES);
        if (given == null) {
            return all;
        }
        Set<String> allowed = new TreeSet<>();
        if (given.isArray()) {
            given.elements().forEach(e -> allowed.add(e.isString() ? e.stringValue() : e.toString()));
        }
        if (allowed.isEmpty() || !all.containsAll(allowed)) {
            checks.fail(Vars.ALLOWED_ORGANISATION_TYPES, "must be a list of organisation types from " + all);
        }
        return allowed;
    }

    private static SpinJsonNode json(FieldChecks checks, DelegateExecution execution, String name) {
        try {
            return Vars.json(execution, name);
        } catch (IllegalArgumentException e) {
            checks.fail(name, "is not valid JSON");
            return null;
        }
    }

    private static String text(SpinJsonNode node, String property) {
        return node.isObject() && node.hasProp(property) && node.prop(property).isString() ? node.prop(property).stringValue() : null;
    }

    private static OffsetDateTime moment(FieldChecks checks, DelegateExecution execution, String name) {
        try {
            OffsetDateTime moment = Vars.moment(execution, name);
            if (moment == null) {
                checks.fail(name, "is required");
            }
            return moment;
        } catch (IllegalArgumentException e) {
            checks.fail(name, e.getMessage().substring(name.length() + 2));
            return null;
        }
    }

    private static Integer number(FieldChecks checks, DelegateExecution execution, String name, int fallback, int min, int max) {
        try {
            Integer value = Vars.integer(execution, name);
            return checks.range(name, value == null ? fallback : value, true, min, max);
        } catch (IllegalArgumentException | ArithmeticException e) {
            checks.fail(name, "is not a whole number");
            return null;
        }
    }
}
