package io.countersign.codec;

import net.jqwik.api.statistics.Statistics;

/**
 * Counts which branch each try of a property took (jqwik prints the tally) and fails the
 * property when a branch it exists to exercise got too small a share of the tries: a property
 * whose inputs all end in the error branch would otherwise pass while checking nothing.
 */
public final class Branches {
    private static final String LABEL = "branch";

    private Branches() {
    }

    /** Records that this try took {@code branch}. */
    public static void reached(String branch) {
        Statistics.label(LABEL).collect(branch);
    }

    /** Fails the property unless at least {@code minPercent} of its tries took {@code branch}. */
    public static void require(String branch, double minPercent) {
        Statistics.label(LABEL).coverage(c -> c.check(branch).percentage(p -> p >= minPercent));
    }
}
