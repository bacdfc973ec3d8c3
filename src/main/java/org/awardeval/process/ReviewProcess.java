package org.awardeval.process;

import java.util.List;
import java.util.Map;

/**
 * What Java relies on in processes/review.bpmn: one instance per review, a judge's task over the anonymised
 * dossier only.
 * A process owner may change anything else in the Modeler; what {@link #CONTRACT} lists must stay.
 */
public final class ReviewProcess {

    public static final String KEY = "Review";
    public static final String FILE = "review.bpmn";

    /** No judge can take over a declined or overdue review. */
    public static final String ERROR_NO_JUDGE_FREE = "NoJudgeFree";
    /** The judge's review. */
    public static final String TASK_REVIEW_APPLICATION = "Task_ReviewApplication";

    public static final List<String> MESSAGES = List.of();
    public static final List<String> ERRORS = List.of(ERROR_NO_JUDGE_FREE);
    public static final List<String> ELEMENTS = List.of(TASK_REVIEW_APPLICATION);

    // variables
    public static final String APPLICANT_FEEDBACK = "applicantFeedback";
    public static final String APPLICATION_CODE = "applicationCode";
    public static final String ASSIGNMENT_ID = "assignmentId";
    public static final String CATEGORY_NAME = "categoryName";
    public static final String CONFIDENCE = "confidence";
    public static final String CONFLICT_DECLARED = "conflictDeclared";
    public static final String CONFLICT_REASON = "conflictReason";
    public static final String DOSSIER_DESCRIPTION = "dossierDescription";
    /** The released documents as links the judge opens (each download checks their assignment). */
    public static final String DOSSIER_DOCUMENTS = "dossierDocuments";
    public static final String DOSSIER_SUMMARY = "dossierSummary";
    public static final String DOSSIER_TITLE = "dossierTitle";
    public static final String GRACE_ENDS_AT = "graceEndsAt";
    public static final String JUDGE_CODE = "judgeCode";
    public static final String JUDGE_USER_ID = "judgeUserId";
    public static final String PANEL_COMMENT = "panelComment";
    public static final String REVIEW_DUE_AT = "reviewDueAt";
    /** The due date as the judge reads it, in their time zone. */
    public static final String REVIEW_DUE_IN_WORDS = "reviewDueInWords";
    public static final String RUBRIC_WEIGHTS = "rubricWeights";
    public static final String SCORE_PREFIX = "score_";

    /** What Java relies on in {@value #FILE} (ProcessContractTest, and every proposed change). */
    public static final ProcessContract CONTRACT = new ProcessContract(KEY, FILE, MESSAGES, ERRORS, ELEMENTS, List.of(),
            Map.of("review", List.of(CONFLICT_DECLARED, CONFLICT_REASON, PANEL_COMMENT, APPLICANT_FEEDBACK, CONFIDENCE)));

    private ReviewProcess() {
    }
}
