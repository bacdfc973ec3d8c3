package org.awardeval.edition;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.awardeval.call.AwardCall;
import org.awardeval.call.CallRepository;
import org.awardeval.call.CallService;
import org.awardeval.call.CallService.CallRequest;
import org.awardeval.call.CallTexts;
import org.awardeval.documents.DocumentSlot;
import org.awardeval.documents.Documents;
import org.awardeval.invitation.JudgeInvitations;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opens next year's call from this one: its categories (with their numbers of winners), rubric, organisation types,
 * limits, chair, languages and translated texts, its documents, and invitations to the judges who accepted last time.
 * The new call has its own name, prefix and dates; the old name's translations are left for the coordinator. The
 * documents' translated names go with the texts (a name may be given before its document).
 */
@Service
class NextEdition {

    record Request(String callName, String codePrefix, OffsetDateTime submissionDeadline, OffsetDateTime reviewDeadline,
            OffsetDateTime embargoUntil) {
    }

    record Opened(long callId, int categories, int documents, List<String> languages, List<String> judgesInvited) {
    }

    private final CallRepository calls;
    private final CallService callService;
    private final Documents documents;
    private final JudgeInvitations invitations;

    NextEdition(CallRepository calls, CallService callService, Documents documents, JudgeInvitations invitations) {
        this.calls = calls;
        this.callService = callService;
        this.documents = documents;
        this.invitations = invitations;
    }

    /** All of it or nothing: a refused setting opens no call and invites nobody. */
    @Transactional
    Opened open(long previousId, Request request, String coordinator) {
        AwardCall previous = calls.get(previousId);
        Map<String, Map<String, String>> translations = new TreeMap<>();
        calls.translations(previousId).forEach((language, texts) -> {
            Map<String, String> kept = new LinkedHashMap<>(texts);
            kept.remove(CallTexts.NAME);
            translations.put(language, kept);
        });
        long callId = callService.open(new CallRequest(request.callName(), previous.theme(), request.codePrefix(),
                request.submissionDeadline(), request.reviewDeadline(), previous.reviewsPerApplication(), previous.winnersPerCategory(),
                previous.chairUserId(), previous.timeZone(), calls.categories(previousId), calls.rubric(previousId),
                new ArrayList<>(previous.allowedOrganisationTypes()), request.embargoUntil(), previous.shortlistPerCategory(),
                previous.sameCountryConflict(), previous.summaryWords(), previous.descriptionWords(), previous.languages(), translations));
        List<DocumentSlot> slots = documents.slots(previousId);
        if (!slots.isEmpty()) {
            documents.defineSlots(callId, slots);
        }
        Map<Integer, List<String>> byLoad = new TreeMap<>();
        invitations.acceptedJudges(previousId).forEach((userId, load) -> byLoad.computeIfAbsent(load, l -> new ArrayList<>()).add(userId));
        List<String> invited = byLoad.isEmpty() ? List.of() : invitations.inviteAll(callId, byLoad, coordinator).invited();
        return new Opened(callId, calls.categories(callId).size(), slots.size(), calls.get(callId).languages(), invited);
    }
}
