package org.linkway.server.reports;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What a reader can work out about unknown non-negative counts from bounds and equations of the
 * form "these counts add up to that count": each count's tightest interval, by propagating the
 * bounds through every equation until nothing narrows.
 *
 * <p>Propagation is always sound (it never excludes a possible value). It is also exact for the
 * systems {@link Disclosure} builds, where the equations share no unknown except one total per
 * population (a star, which has no cycles): then every value left inside an interval is
 * reachable, so a count is determined exactly when its interval is a single value.
 */
final class IntervalSolver {

    /** A bound no published count can reach; stands for "unbounded" without overflowing sums. */
    static final long UNBOUNDED = Long.MAX_VALUE / 1024;

    private final List<long[]> bounds = new ArrayList<>();
    private final List<int[][]> sums = new ArrayList<>();

    /** Adds a count known to lie in [lo, hi] (both inclusive; hi at most {@link #UNBOUNDED}); answers its index. */
    int variable(long lo, long hi) {
        if (lo < 0 || hi < lo) {
            throw new IllegalArgumentException("bounds " + lo + ".." + hi);
        }
        bounds.add(new long[] {lo, Math.min(hi, UNBOUNDED)});
        return bounds.size() - 1;
    }

    /** Adds the equation: the counts {@code parts} add up to the count {@code total}. */
    void sum(int total, int... parts) {
        sums.add(new int[][] {{total}, parts.clone()});
    }

    int size() {
        return bounds.size();
    }

    /**
     * Narrows every interval as far as the equations allow.
     *
     * @return lo and hi of each count, {@code [2][size()]}; null if the equations cannot all hold
     */
    long[][] solve() {
        int n = bounds.size();
        long[] lo = new long[n];
        long[] hi = new long[n];
        for (int k = 0; k < n; k++) {
            lo[k] = bounds.get(k)[0];
            hi[k] = bounds.get(k)[1];
        }
        boolean changed = true;
        // every pass that changes something moves a bound inwards, and bounds are finite; the cap only guards against
        // a bug turning into a hang
        for (int pass = 0; changed && pass < 100_000; pass++) {
            changed = false;
            for (int[][] s : sums) {
                int total = s[0][0];
                int[] parts = s[1];
                long partsLo = 0;
                long partsHi = 0;
                for (int p : parts) {
                    partsLo += lo[p];
                    partsHi = Math.min(UNBOUNDED, partsHi + hi[p]);
                }
                changed |= narrow(lo, hi, total, partsLo, partsHi);
                for (int p : parts) {
                    long othersLo = partsLo - lo[p];
                    long othersHi = partsHi >= UNBOUNDED ? UNBOUNDED : partsHi - hi[p];
                    long pLo = lo[total] - othersHi;
                    long pHi = hi[total] >= UNBOUNDED ? UNBOUNDED : hi[total] - othersLo;
                    if (narrow(lo, hi, p, pLo, pHi)) {
                        changed = true;
                        partsLo = 0;
                        partsHi = 0;
                        for (int q : parts) {
                            partsLo += lo[q];
                            partsHi = Math.min(UNBOUNDED, partsHi + hi[q]);
                        }
                    }
                }
                for (int k : parts) {
                    if (lo[k] > hi[k]) {
                        return null;
                    }
                }
                if (lo[total] > hi[total]) {
                    return null;
                }
            }
        }
        return new long[][] {lo, hi};
    }

    private static boolean narrow(long[] lo, long[] hi, int k, long newLo, long newHi) {
        boolean changed = false;
        if (newLo > lo[k]) {
            lo[k] = newLo;
            changed = true;
        }
        if (newHi < hi[k]) {
            hi[k] = newHi;
            changed = true;
        }
        return changed;
    }

    @Override
    public String toString() {
        return "IntervalSolver" + Arrays.deepToString(bounds.toArray());
    }
}
