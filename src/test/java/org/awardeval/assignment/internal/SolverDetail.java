package org.awardeval.assignment.internal;

/** A type inside module assignment that is not its API: {@code ModulesTest} shows that no other module may use it. */
public class SolverDetail {

    public static int weight() {
        return 1;
    }
}
