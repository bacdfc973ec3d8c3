package org.awardeval.review;

import org.awardeval.assignment.internal.SolverDetail;

/** Review may use assignment's API, not its internals: {@code ModulesTest} expects this class to be refused. */
class ReachesIntoAssignment {

    int weight() {
        return SolverDetail.weight();
    }
}
