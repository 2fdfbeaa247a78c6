package dev.sema.identity;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TokenPlansTest {

    private final TokenPlans plans = TokenPlans.parse(" translator=1000/20000; detect=5000/- ;trial=100/500");

    @Test
    void aSubjectGetsTheMostGenerousPlanOfItsRolesPerPeriod() {
        assertEquals(new TokenPlans.Plan(1000L, 20000L), plans.of(Set.of("translator", "unplanned")));
        assertEquals(new TokenPlans.Plan(5000L, null), plans.of(Set.of("translator", "detect")));
        assertEquals(new TokenPlans.Plan(1000L, 20000L), plans.of(Set.of("translator", "trial")));
        assertEquals(TokenPlans.Plan.UNLIMITED, plans.of(Set.of("operator")), "no role with a plan: no limit");
        assertEquals(TokenPlans.Plan.UNLIMITED, TokenPlans.parse("").of(Set.of("translator")));
    }

    @Test
    void aMalformedPlanStopsTheServerWithTheEntryNamed() {
        for (String bad : new String[] {"translator", "translator=1000", "=1/2", "translator=-5/1", "x=1/two",
                "x=1/2/3"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TokenPlans.parse(bad),
                    bad);
            assertEquals(true, e.getMessage().contains(bad.trim()), e.getMessage());
        }
    }
}
