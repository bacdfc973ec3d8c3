package org.awardeval.submission;

import org.awardeval.call.CallRepository;
import org.awardeval.call.CallService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Wakes the award cycle when the last application of its call finishes a phase. The check runs after the reporting
 * transaction has committed, so the application that commits last always sees every other status and no lock is held
 * while a report's transaction runs: a lock taken inside it made all reports of a call wait for each other (32 ms per
 * report at 1,000 applications, docs/BENCHMARKS.md). Only a complete phase takes the call's lock, so that the
 * applications finishing last send the message one after another and the cycle takes it once. A wake-up lost to a
 * crash between commit and check is covered by the cycle's poll timer.
 */
@Component
class CycleWakeUp {

    private static final Logger LOG = LoggerFactory.getLogger(CycleWakeUp.class);
    private static final int ATTEMPTS = 3;

    private final ApplicationLifecycle lifecycle;
    private final CallRepository calls;
    private final RuntimeService runtimeService;
    private final TransactionTemplate newTransaction;

    CycleWakeUp(ApplicationLifecycle lifecycle, CallRepository calls, RuntimeService runtimeService,
            PlatformTransactionManager transactions) {
        this.lifecycle = lifecycle;
        this.calls = calls;
        this.runtimeService = runtimeService;
        this.newTransaction = new TransactionTemplate(transactions);
        newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Checks the phase once the current transaction has committed, or at once outside a transaction. */
    public void afterCommit(long callId, String phase, String message) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            wakeIfComplete(callId, phase, message);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                wakeIfComplete(callId, phase, message);
            }
        });
    }

    void wakeIfComplete(long callId, String phase, String message) {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                // A transaction of its own: after commit, the reporting transaction's connection is still bound.
                newTransaction.executeWithoutResult(status -> {
                    if (lifecycle.phaseComplete(callId, phase)) {
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
