package org.awardeval.assignment;

import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The judges a call's assignment and reassignments choose from: every registered judge, or, once the call invited
 * judges, those who accepted, each up to the load they accepted.
 */
@Component
class CallJudges {

    private final JudgeRepository judges;
    private final JudgePool pools;

    CallJudges(JudgeRepository judges, JudgePool pools) {
        this.judges = judges;
        this.pools = pools;
    }

    List<Judge> of(long callId) {
        List<Judge> all = judges.all();
        return pools.acceptedLoads(callId).map(loads -> all.stream().filter(j -> loads.containsKey(j.id()))
                .map(j -> new Judge(j.id(), j.userId(), j.code(), j.name(), j.email(), j.gender(), j.country(), j.region(), j.affiliation(),
                        loads.get(j.id()), j.expertise(), j.conflicts())).toList()).orElse(all);
    }
}
