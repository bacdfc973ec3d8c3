package org.awardeval.submission;

import java.util.function.BooleanSupplier;
import org.awardeval.call.CallRepository;
import org.awardeval.call.CallService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Wakes the award cycle when the last application of its call finishes a phase, or the last judge of the disagreement
 * round answers. The check runs after the reporting transaction has committed, so the application that commits last
 * always sees every other status and no lock is held while a report's transaction runs: a lock taken inside it made all
 * reports of a call wait for each other (32 ms per report at 1,000 applications, docs/BENCHMARKS.md). Only a complete
 * phase takes the call's lock, so that the last reports send the message one after another and the cycle takes it once. A wake-up lost to a
 * crash between commit and check is covered by the cycle's poll timer.
 */
@Component
public class CycleWakeUp {

    private static final Logger LOG = LoggerFactory.getLogger(CycleWakeUp.class);
    private static final int ATTEMPTS = 3;

    private final ApplicationLifecycle lifecycle;
    private final CallRepository calls;
    private final RuntimeService runtimeService;
    private final IdentityService identityService;
    private final TransactionTemplate newTransaction;

    CycleWakeUp(ApplicationLifecycle lifecycle, CallRepository calls, RuntimeService runtimeService, IdentityService identityService,
            PlatformTransactionManager transactions) {
        this.lifecycle = lifecycle;
        this.calls = calls;
        this.runtimeService = runtimeService;
        this.identityService = identityService;
        this.newTransaction = new TransactionTemplate(transactions);
        newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Checks the applications' phase once the current transaction has committed, or at once outside a transaction. */
    void afterCommit(long callId, String phase, String message) {
        afterCommit(callId, message, () -> lifecycle.phaseComplete(callId, phase));
    }

    /** Sends the cycle the message when {@code complete} holds once the current transaction has committed. */
    public void afterCommit(long callId, String message, BooleanSupplier complete) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            wakeIfComplete(callId, message, complete);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                wakeIfComplete(callId, message, complete);
            }
        });
    }

    private void wakeIfComplete(long callId, String message, BooleanSupplier complete) {
        // The office wakes the cycle, not the judge whose answer was last: their authorizations do not reach it.
        Authentication user = identityService.getCurrentAuthentication();
        identityService.clearAuthentication();
        try {
            wake(callId, message, complete);
        } finally {
            if (user != null) {
                identityService.setAuthentication(user);
            }
        }
    }

    private void wake(long callId, String message, BooleanSupplier complete) {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                // A transaction of its own: after commit, the reporting transaction's connection is still bound.
                newTransaction.executeWithoutResult(status -> {
                    if (complete.getAsBoolean()) {
                        calls.lock(callId);
                        runtimeService.createMessageCorrelation(message)
                                .processInstanceBusinessKey(CallService.businessKey(callId)).correlateAll();
                    }
                });
                return;
            } catch (OptimisticLockingException e) {
                LOG.debug("Waking the cycle of call {} clashed with its own work, attempt {}", callId, attempt);
            } catch (RuntimeException e) {
                // The report itself is committed; the poll timer will find the phase complete.
                LOG.warn("Could not wake the cycle of call {} for {}; its poll timer will look again", callId, message, e);
                return;
            }
        }
        LOG.warn("Could not wake the cycle of call {} for {} after {} attempts; its poll timer will look again", callId, message,
                ATTEMPTS);
    }
}
