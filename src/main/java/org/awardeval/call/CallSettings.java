package org.awardeval.call;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awardeval.process.AwardCycleProcess;
import org.awardeval.process.ProcessVariables;
import org.awardeval.security.Groups;
import org.awardeval.web.FieldChecks;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Component;

/**
 * The one validation of a call's settings, whether they come from the start form in Tasklist or from the API: each
 * problem names the field; the defaults fill what is left out.
 */
@Component
class CallSettings {

    private static final Pattern CODE_PREFIX = Pattern.compile("^[A-Z0-9]{2,6}$");
    private static final Pattern CATEGORY_CODE = Pattern.compile("^[A-Z]{2}$");
    private static final Pattern WINNERS_PAIR = Pattern.compile("([A-Za-z]{2})\\s*[:=]?\\s*(\\d{1,3})");

    /** A call's settings, checked. */
    record NewCall(String name, String theme, String codePrefix, OffsetDateTime submissionDeadline, OffsetDateTime reviewDeadline,
            OffsetDateTime embargoUntil, int reviewsPerApplication, int winnersPerCategory, int shortlistPerCategory, String timeZone,
            List<Category> categories, Map<String, BigDecimal> rubric, Set<String> allowedTypes, String chairUserId,
            boolean sameCountryConflict, int summaryWords, int descriptionWords, List<String> languages,
            Map<String, Map<String, String>> translations) {
    }

    private final IdentityService identityService;

    CallSettings(IdentityService identityService) {
        this.identityService = identityService;
    }

    /** The settings in the variables, or a ValidationException naming every field at fault. */
    NewCall read(VariableScope execution) {
        FieldChecks checks = new FieldChecks();
        String name = checks.text(AwardCycleProcess.CALL_NAME, ProcessVariables.string(execution, AwardCycleProcess.CALL_NAME), true, 200);
        String theme = checks.text(AwardCycleProcess.THEME, ProcessVariables.string(execution, AwardCycleProcess.THEME), false, 500);
        String prefix = checks.text(AwardCycleProcess.CODE_PREFIX, ProcessVariables.string(execution,
                AwardCycleProcess.CODE_PREFIX), true, 6);
        if (prefix != null && !CODE_PREFIX.matcher(prefix).matches()) {
            checks.fail(AwardCycleProcess.CODE_PREFIX, "must be 2 to 6 capital letters or digits, was '" + prefix + "'");
        }
        OffsetDateTime submissionDeadline = moment(checks, execution, AwardCycleProcess.SUBMISSION_DEADLINE);
        OffsetDateTime reviewDeadline = moment(checks, execution, AwardCycleProcess.REVIEW_DEADLINE);
        if (submissionDeadline != null && !submissionDeadline.isAfter(OffsetDateTime.now())) {
            checks.fail(AwardCycleProcess.SUBMISSION_DEADLINE, "must be in the future, was " + submissionDeadline);
        }
        if (submissionDeadline != null && reviewDeadline != null && !reviewDeadline.isAfter(submissionDeadline)) {
            checks.fail(AwardCycleProcess.REVIEW_DEADLINE, "must be after the submission deadline " + submissionDeadline);
        }
        OffsetDateTime embargo = execution.getVariable(AwardCycleProcess.EMBARGO_UNTIL) == null ? null : moment(checks,
                execution, AwardCycleProcess.EMBARGO_UNTIL);
        Integer reviews = number(checks, execution, AwardCycleProcess.REVIEWS_PER_APPLICATION, 3, 1, 10);
        Integer winners = number(checks, execution, AwardCycleProcess.WINNERS_PER_CATEGORY, 3, 1, 50);
        Integer shortlist = winners == null ? null
                : number(checks, execution, AwardCycleProcess.SHORTLIST_PER_CATEGORY, 2 * winners, winners, Math.max(winners, 100));
        // In words, as applicants count them; the texts' fixed limits in characters stay above them.
        Integer summaryWords = number(checks, execution, AwardCycleProcess.SUMMARY_WORDS, 300, 20, 300);
        Integer descriptionWords = number(checks, execution, AwardCycleProcess.DESCRIPTION_WORDS, 2500, 100, 2500);
        String timeZone = checks.text(AwardCycleProcess.TIME_ZONE, ProcessVariables.string(execution,
                AwardCycleProcess.TIME_ZONE), false, 60);
        if (timeZone == null) {
            timeZone = "UTC";
        } else if (!ZoneId.getAvailableZoneIds().contains(timeZone) && !"UTC".equals(timeZone)) {
            checks.fail(AwardCycleProcess.TIME_ZONE, "'" + timeZone + "' is not a time zone such as Asia/Singapore or UTC");
        }
        List<Category> categories = withWinners(checks, execution, categories(checks, execution), winners);
        List<String> languages = CallLanguages.languages(checks, execution);
        Map<String, Map<String, String>> translations = CallLanguages.translations(checks, execution, languages, categories);
        Map<String, BigDecimal> rubric = rubric(checks, execution);
        Set<String> allowedTypes = allowedTypes(checks, execution);
        String chair = checks.text(AwardCycleProcess.CHAIR_USER_ID, ProcessVariables.string(execution,
                AwardCycleProcess.CHAIR_USER_ID), true, 64);
        if (chair != null && identityService.createUserQuery().userId(chair).memberOfGroup(Groups.PANEL).count() == 0) {
            checks.fail(AwardCycleProcess.CHAIR_USER_ID, "'" + chair + "' is not a user of the group " + Groups.PANEL);
        }
        checks.throwIfAny();
        boolean sameCountryConflict = execution.getVariable(AwardCycleProcess.SAME_COUNTRY_CONFLICT) == null
                || ProcessVariables.bool(execution, AwardCycleProcess.SAME_COUNTRY_CONFLICT);
        return new NewCall(name, theme, prefix, submissionDeadline, reviewDeadline, embargo, reviews, winners, shortlist, timeZone,
                categories, rubric, allowedTypes, chair, sameCountryConflict, summaryWords, descriptionWords, languages, translations);
    }

    /** The call's categories as given, or the 2025 four. */
    private static List<Category> categories(FieldChecks checks, VariableScope execution) {
        SpinJsonNode given = json(checks, execution, AwardCycleProcess.CATEGORIES);
        if (given == null) {
            return Category.TEMPLATE_2025;
        }
        List<Category> categories = new ArrayList<>();
        if (!given.isArray() || given.elements().isEmpty() || given.elements().size() > 20) {
            checks.fail(AwardCycleProcess.CATEGORIES, "must be a list of 1 to 20 categories");
            return categories;
        }
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < given.elements().size(); i++) {
            SpinJsonNode node = given.elements().get(i);
            String field = AwardCycleProcess.CATEGORIES + "[" + i + "]";
            String code = checks.text(field + ".code", text(node, "code"), true, 2);
            if (code != null && !CATEGORY_CODE.matcher(code).matches()) {
                checks.fail(field + ".code", "must be two capital letters, was '" + code + "'");
            } else if (code != null && !codes.add(code)) {
                checks.fail(field + ".code", "'" + code + "' is given twice");
            }
            String categoryName = checks.text(field + ".name", text(node, "name"), true, 200);
            String description = checks.text(field + ".description", text(node, "description"), false, 2000);
            Integer winners = whole(checks, node, field + ".winners", "winners", 1, 50);
            Integer shortlist = whole(checks, node, field + ".shortlist", "shortlist", 1, 100);
            categories.add(new Category(code, categoryName, description, winners, shortlist));
        }
        return categories;
    }

    /** A category's own number, when given: a whole number within the bounds. */
    private static Integer whole(FieldChecks checks, SpinJsonNode node, String field, String property, int min, int max) {
        if (!node.isObject() || !node.hasProp(property) || node.prop(property).isNull()) {
            return null;
        }
        SpinJsonNode value = node.prop(property);
        if (!value.isNumber() || value.numberValue().doubleValue() != Math.rint(value.numberValue().doubleValue())) {
            checks.fail(field, "must be a whole number from " + min + " to " + max);
            return null;
        }
        return checks.range(field, value.numberValue().intValue(), false, min, max);
    }

    /**
     * The start form's "Winners by category" ("MC 6, NC 5, SC 6, IU 5") over the categories' own numbers; then each
     * category's shortlist must hold its winners.
     */
    private static List<Category> withWinners(FieldChecks checks, VariableScope execution, List<Category> categories, Integer uniform) {
        String given = ProcessVariables.string(execution, AwardCycleProcess.CATEGORY_WINNERS);
        List<Category> result = new ArrayList<>(categories);
        if (given != null && !given.isBlank()) {
            for (String pair : given.split("[,;]")) {
                if (pair.isBlank()) {
                    continue;
                }
                Matcher m = WINNERS_PAIR.matcher(pair.strip());
                if (!m.matches()) {
                    checks.fail(AwardCycleProcess.CATEGORY_WINNERS, "'" + pair.strip() + "' is not a category's code and a number, as in MC 6");
                    continue;
                }
                String code = m.group(1).toUpperCase(Locale.ROOT);
                int index = -1;
                for (int i = 0; i < result.size(); i++) {
                    if (code.equals(result.get(i).code())) {
                        index = i;
                    }
                }
                int number = Integer.parseInt(m.group(2));
                if (index < 0) {
                    checks.fail(AwardCycleProcess.CATEGORY_WINNERS, "'" + code + "' is not a category of the call ("
                            + String.join(", ", result.stream().map(Category::code).toList()) + ")");
                } else if (number < 1 || number > 50) {
                    checks.fail(AwardCycleProcess.CATEGORY_WINNERS, code + " must award from 1 to 50 cases, was " + number);
                } else {
                    Category c = result.get(index);
                    result.set(index, new Category(c.code(), c.name(), c.description(), number, c.shortlist()));
                }
            }
        }
        for (int i = 0; i < result.size(); i++) {
            Category c = result.get(i);
            int winners = c.winners() != null ? c.winners() : uniform == null ? 1 : uniform;
            if (c.shortlist() != null && c.shortlist() < winners) {
                checks.fail(AwardCycleProcess.CATEGORIES + "[" + i + "].shortlist", "must hold at least the category's " + winners
                        + " winners");
            }
        }
        return result;
    }

    /** Weights of the review criteria, 0 to 10; a criterion not given weighs 1. */
    private static Map<String, BigDecimal> rubric(FieldChecks checks, VariableScope execution) {
        Map<String, BigDecimal> weights = new LinkedHashMap<>();
        Rubric.CRITERIA.forEach(criterion -> weights.put(criterion, BigDecimal.ONE));
        SpinJsonNode given = json(checks, execution, AwardCycleProcess.RUBRIC);
        if (given == null) {
            return weights;
        }
        if (!given.isObject()) {
            checks.fail(AwardCycleProcess.RUBRIC, "must map criteria " + Rubric.CRITERIA + " to weights");
            return weights;
        }
        for (String criterion : given.fieldNames()) {
            String field = AwardCycleProcess.RUBRIC + "." + criterion;
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
            checks.fail(AwardCycleProcess.RUBRIC, "at least one criterion must weigh more than 0");
        }
        return weights;
    }

    private static Set<String> allowedTypes(FieldChecks checks, VariableScope execution) {
        Set<String> all = new TreeSet<>();
        for (OrganisationType type : OrganisationType.values()) {
            all.add(type.name());
        }
        SpinJsonNode given = json(checks, execution, AwardCycleProcess.ALLOWED_ORGANISATION_TYPES);
        if (given == null) {
            return all;
        }
        Set<String> allowed = new TreeSet<>();
        if (given.isArray()) {
            given.elements().forEach(e -> allowed.add(e.isString() ? e.stringValue() : e.toString()));
        }
        if (allowed.isEmpty() || !all.containsAll(allowed)) {
            checks.fail(AwardCycleProcess.ALLOWED_ORGANISATION_TYPES, "must be a list of organisation types from " + all);
        }
        return allowed;
    }

    private static SpinJsonNode json(FieldChecks checks, VariableScope execution, String name) {
        try {
            return ProcessVariables.json(execution, name);
        } catch (IllegalArgumentException e) {
            checks.fail(name, "is not valid JSON");
            return null;
        }
    }

    private static String text(SpinJsonNode node, String property) {
        return node.isObject() && node.hasProp(property) && node.prop(property).isString() ? node.prop(property).stringValue() : null;
    }

    private static OffsetDateTime moment(FieldChecks checks, VariableScope execution, String name) {
        try {
            OffsetDateTime moment = ProcessVariables.moment(execution, name);
            if (moment == null) {
                checks.fail(name, "is required");
            }
            return moment;
        } catch (IllegalArgumentException e) {
            checks.fail(name, e.getMessage().substring(name.length() + 2));
            return null;
        }
    }

    private static Integer number(FieldChecks checks, VariableScope execution, String name, int fallback, int min, int max) {
        try {
            Integer value = ProcessVariables.integer(execution, name);
            return checks.range(name, value == null ? fallback : value, true, min, max);
        } catch (IllegalArgumentException | ArithmeticException e) {
            checks.fail(name, "is not a whole number");
            return null;
        }
    }
}
