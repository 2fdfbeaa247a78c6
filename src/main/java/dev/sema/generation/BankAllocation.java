package dev.sema.generation;

import java.util.Arrays;

/**
 * Post &amp; Vilar's dynamic beam allocation (NAACL 2018, §3; Sockeye {@code get_bank_sizes}): the beam's
 * {@code k} slots are split evenly over the banks {@code 0..total} of constraint progress, the remainder to
 * the most advanced bank, and a bank with fewer candidates than slots passes the surplus to the bank below
 * it (the lowest wraps round to the top). The top non-empty bank therefore always keeps a slot, which is
 * what carries the most advanced hypothesis forward one constraint token per step. The number of slots, and
 * so the decoder's cost, does not depend on how many constraints there are.
 */
final class BankAllocation {

    private BankAllocation() {
    }

    /**
     * @param slots      the beam size
     * @param candidates {@code [banks]} how many candidates each bank has this step
     * @return {@code [banks]} slots per bank; they add up to {@code slots}
     */
    static int[] sizes(int slots, int[] candidates) {
        int banks = candidates.length;
        int[] assigned = new int[banks];
        Arrays.fill(assigned, slots / banks);
        assigned[banks - 1] += slots - (slots / banks) * banks;
        for (int bank = banks - 1; bank >= 0; bank--) {
            int surplus = assigned[bank] - candidates[bank];
            if (surplus > 0) {
                assigned[bank] -= surplus;
                assigned[(bank - 1 + banks) % banks] += surplus;
            }
        }
        return assigned;
    }
}
