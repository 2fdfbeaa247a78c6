package dev.sema.generation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class BankAllocationTest {

    @Test
    void splitsEvenlyWithTheRemainderOnTop() {
        assertArrayEquals(new int[]{1, 1, 2}, BankAllocation.sizes(4, new int[]{5, 5, 5}));
        assertArrayEquals(new int[]{2, 2, 2}, BankAllocation.sizes(6, new int[]{5, 5, 5}));
    }

    @Test
    void emptyBanksPassTheirSlotsDown() {
        assertArrayEquals(new int[]{4, 0, 0}, BankAllocation.sizes(4, new int[]{10, 0, 0}));
        assertArrayEquals(new int[]{0, 1, 0}, BankAllocation.sizes(1, new int[]{3, 1, 0}), "one beam follows the most advanced");
    }

    @Test
    void theLowestBankWrapsRoundToTheTop() {
        assertArrayEquals(new int[]{0, 1, 4}, BankAllocation.sizes(5, new int[]{0, 9, 9}));
    }
}
