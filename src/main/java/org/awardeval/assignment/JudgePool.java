package org.awardeval.assignment;

import java.util.Map;
import java.util.Optional;

/**
 * Which judges a call's assignment may use, as the module that invites judges answers: for a call that invited judges,
 * those who accepted, each with the load they accepted; empty for a call that invited nobody (every registered judge).
 */
public interface JudgePool {

    /** Accepted load by judge id, or empty when the call invited nobody. */
    Optional<Map<Long, Integer>> acceptedLoads(long callId);
}
