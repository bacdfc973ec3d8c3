package org.awardeval.process;

import java.util.List;
import java.util.Map;

/**
 * What Java relies on in processes/reconsider.bpmn: one instance per judge of an application whose judges disagree,
 * with the other reviews under judge codes only. A process owner may change anything else in the Modeler; what
 * {@link #CONTRACT} lists must stay.
 */
public final class ReconsiderProcess {

    public static final String KEY = "Reconsider";
    public static final String FILE = "reconsider.bpmn";

    /** The judge keeps or revises their scores. */
    public static final String TASK_RECONSIDER = "Task_Reconsider";

    // variables
    public static final String APPLICATION_CODE = "applicationCode";
    public static final String CATEGORY_NAME = "categoryName";
    public static final String DOSSIER_TITLE = "dossierTitle";
    public static final String JUDGE_CODE = "judgeCode";
    public static final String JUDGE_USER_ID = "judgeUserId";
    /** The other reviews of the application, by judge code: scores and comments. */
    public static final String OTHER_REVIEWS = "otherReviews";
    /** "keep" or "revise". */
    public static final String DECISION = "decision";
    public static final String DECISION_KEEP = "keep";
    public static final String DECISION_REVISE = "revise";
    public static final String REASON = "revisionReason";
    /** The review_revision row this instance answers; read once, then the row is bound to the instance. */
    public static final String REVISION_ID = "revisionId";
    public static final String REVISION_DUE_AT = "revisionDueAt";
    public static final String REVISION_DUE_IN_WORDS = "revisionDueInWords";
    public static final String SCORE_PREFIX = "score_";
    public static final String YOUR_REVIEW = "yourReview";

    public static final ProcessContract CONTRACT = new ProcessContract(KEY, FILE, List.of(), List.of(), List.of(TASK_RECONSIDER),
            List.of(), Map.of("reconsider-review", List.of(DECISION, REASON)));

    private ReconsiderProcess() {
    }
}
