package org.awardeval.process;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * What Java relies on in processes/award-cycle.bpmn: one instance per call, from the call to the announcement.
 * A process owner may change anything else in the Modeler; what {@link #CONTRACT} lists must stay.
 */
public final class AwardCycleProcess {

    public static final String KEY = "AwardCycle";
    public static final String FILE = "award-cycle.bpmn";

    /** An application finished eligibility and anonymisation. */
    public static final String MESSAGE_APPLICATION_SETTLED = "ApplicationSettled";
    /** An application has all its reviews. */
    public static final String MESSAGE_APPLICATION_REVIEWED = "ApplicationReviewed";
    /** Every judge asked in the disagreement round has answered or run out of time. */
    public static final String MESSAGE_ROUND_ANSWERED = "RoundAnswered";
    /** Assignment found too few judges. */
    public static final String ERROR_JUDGE_SHORTAGE = "JudgeShortage";
    /** The coordinator closes the call before its deadline. */
    public static final String TASK_CLOSE_CALL_EARLY = "Task_CloseCallEarly";
    /** The timer at the submission deadline, moved when a call closes early. */
    public static final String EVENT_SUBMISSION_DEADLINE = "Event_SubmissionDeadline";
    /** A panel member's ballot. */
    public static final String TASK_PANEL_VOTE = "Task_PanelVote";
    /** Coordinators follow up the reviews overdue at the review deadline. */
    public static final String TASK_FOLLOW_UP_OVERDUE = "Task_FollowUpOverdue";
    /** Coordinators tick the judges to invite. */
    public static final String TASK_INVITE_JUDGES = "Task_InviteJudges";
    /** Closes "Invite judges" at the submission deadline; moved with the deadline. */
    public static final String EVENT_INVITATIONS_CLOSED = "Event_InvitationsClosed";
    /** The chair's decision. */
    public static final String TASK_CONFIRM_WINNERS = "Task_ConfirmWinners";

    public static final List<String> MESSAGES = List.of(MESSAGE_APPLICATION_SETTLED, MESSAGE_APPLICATION_REVIEWED, MESSAGE_ROUND_ANSWERED);
    public static final List<String> ERRORS = List.of(ERROR_JUDGE_SHORTAGE);
    public static final List<String> ELEMENTS = List.of(TASK_CLOSE_CALL_EARLY, EVENT_SUBMISSION_DEADLINE, TASK_PANEL_VOTE, TASK_FOLLOW_UP_OVERDUE, TASK_INVITE_JUDGES, EVENT_INVITATIONS_CLOSED,
            TASK_CONFIRM_WINNERS);

    // variables
    public static final String ALLOWED_ORGANISATION_TYPES = "allowedOrganisationTypes";
    /** A ballot's categories: name, quota and the codes to choose from, so that the form counts the choices of each. */
    public static final String BALLOT_CATEGORIES = "ballotCategories";
    public static final String CALL_ID = "callId";
    /** The "Invite judges" task: the registered judges offered, the count so far, the ones ticked, the reviews asked. */
    public static final String JUDGE_OPTIONS = "judgeOptions";
    public static final String INVITATION_SUMMARY = "invitationSummary";
    public static final String INVITEES = "invitees";
    public static final String REVIEW_LOAD = "reviewLoad";
    public static final String CALL_NAME = "callName";
    public static final String CATEGORIES = "categories";
    /** The start form's winners of the categories that award another number than the call's: "MC 6, NC 5". */
    public static final String CATEGORY_WINNERS = "categoryWinners";
    /** The languages a call offers applicants (codes), and its texts translated into them. */
    public static final String LANGUAGES = "languages";
    public static final String TRANSLATIONS = "translations";
    /** The start form's box of the call's texts in one language: "texts_fr". */
    public static final String TEXTS_PREFIX = "texts_";
    public static final List<String> TEXT_BOXES = List.of(TEXTS_PREFIX + "ar", TEXTS_PREFIX + "zh", TEXTS_PREFIX + "fr",
            TEXTS_PREFIX + "ru", TEXTS_PREFIX + "es");
    public static final String CHAIR_USER_ID = "chairUserId";
    public static final String CODE_PREFIX = "codePrefix";
    public static final String EMBARGO_UNTIL = "embargoUntil";
    public static final String JUSTIFICATION = "justification";
    /** How many reviews were overdue at the review deadline, and which (application and judge codes, for coordinators). */
    public static final String OVERDUE_REVIEWS = "overdueReviews";
    public static final String OVERDUE_LIST = "overdueList";
    public static final String PANEL_MEMBERS = "panelMembers";
    public static final String PANEL_QUORUM = "panelQuorum";
    public static final String PHASE = "phase";
    public static final String PHASE_COMPLETE = "phaseComplete";
    public static final String POLL_INTERVAL = "pollInterval";
    public static final String PROPOSED_WINNERS = "proposedWinners";
    public static final String QUORUM_REACHED = "quorumReached";
    public static final String RECUSALS = "recusals";
    /** When each judge gets one reminder of their open reviews. */
    public static final String REMINDERS_AT = "remindersAt";
    /** The call's review deadline as the assignment read it: overdue reviews are noticed then. */
    public static final String REVIEWS_DUE_AT = "reviewsDueAt";
    /** The disagreement round: how many applications are split, and how many of their judges were asked to reconsider. */
    public static final String SPLIT_APPLICATIONS = "splitApplications";
    public static final String JUDGES_ASKED = "judgesAsked";
    public static final String REVIEWS_PER_APPLICATION = "reviewsPerApplication";
    /** As the start form sends it, as text; read once when the call is registered, then removed (the call keeps it). */
    public static final String REVIEW_DEADLINE = "reviewDeadline";
    public static final String RUBRIC = "rubric";
    public static final String SAME_COUNTRY_CONFLICT = "sameCountryConflict";
    public static final String SHORTAGE_REPORT = "shortageReport";
    public static final String SHORTLIST = "shortlist";
    public static final String SHORTLIST_PER_CATEGORY = "shortlistPerCategory";
    /** The deadline as the start form sends it, as text; read once when the call is registered, then removed. */
    public static final String SUBMISSION_DEADLINE = "submissionDeadline";
    /** The longest summary and description the call takes, in words (start form; the call keeps them). */
    public static final String SUMMARY_WORDS = "summaryWords";
    public static final String DESCRIPTION_WORDS = "descriptionWords";
    /** The submission deadline as a date: the deadline timer and the closing task's due date read it. */
    public static final String SUBMISSION_DUE = "submissionDue";
    public static final String TALLY = "tally";
    public static final String TALLY_SUMMARY = "tallySummary";
    public static final String THEME = "theme";
    public static final String TIME_ZONE = "timeZone";
    public static final String VOTES = "votes";
    public static final String VOTE_COMMENT = "voteComment";
    public static final String VOTE_OPTIONS = "voteOptions";
    public static final String VOTING_DEADLINE = "votingDeadline";
    public static final String WINNERS = "winners";
    public static final String WINNERS_PER_CATEGORY = "winnersPerCategory";
    public static final String WINNER_OPTIONS = "winnerOptions";

    /** What Java relies on in {@value #FILE} (ProcessContractTest, and every proposed change). */
    public static final ProcessContract CONTRACT = new ProcessContract(KEY, FILE, MESSAGES, ERRORS, ELEMENTS, List.of(PHASE),
            Map.of("call-open", Stream.concat(Stream.of(CALL_NAME, THEME, CODE_PREFIX, SUBMISSION_DEADLINE, REVIEW_DEADLINE, TIME_ZONE,
                            REVIEWS_PER_APPLICATION, WINNERS_PER_CATEGORY, SHORTLIST_PER_CATEGORY, SAME_COUNTRY_CONFLICT,
                            CHAIR_USER_ID, SUMMARY_WORDS, DESCRIPTION_WORDS, LANGUAGES, CATEGORY_WINNERS), TEXT_BOXES.stream()).toList(),
                    "panel-vote", List.of(VOTES, VOTE_COMMENT),
                    "confirm-winners", List.of(WINNERS, JUSTIFICATION),
                    "invite-judges", List.of(INVITEES, REVIEW_LOAD)));

    private AwardCycleProcess() {
    }

    public static long callId(VariableScope scope) {
        return ProcessVariables.requiredLong(scope, CALL_ID);
    }
}
