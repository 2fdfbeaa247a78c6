package dev.sema.identity;

import org.eclipse.microprofile.config.Config;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The character quotas of single sign-on subjects, a plan per role ({@code sema.jwt.role-plans}): a subject's
 * usage is recorded like a key's, and limited by the most generous plan among its roles (for each period the
 * largest limit, none above all); a subject none of whose roles has a plan is metered without a limit.
 *
 * @param byRole each named role's plan
 */
public record TokenPlans(Map<String, Plan> byRole) {

    /**
     * Characters per UTC day and calendar month; null: no limit.
     */
    public record Plan(Long charactersPerDay, Long charactersPerMonth) {

        public static final Plan UNLIMITED = new Plan(null, null);

        /** For each period the larger limit; no limit is the largest. */
        Plan orMoreGenerous(Plan other) {
            return new Plan(larger(charactersPerDay, other.charactersPerDay),
                    larger(charactersPerMonth, other.charactersPerMonth));
        }

        private static Long larger(Long a, Long b) {
            return a == null || b == null ? null : Long.valueOf(Math.max(a, b));
        }
    }

    public TokenPlans {
        byRole = Map.copyOf(byRole);
    }

    public static TokenPlans from(Config config) {
        return parse(config.getOptionalValue("sema.jwt.role-plans", String.class).orElse(""));
    }

    /** The plan of a subject with these roles. */
    public Plan of(Set<String> roles) {
        return roles.stream().filter(byRole::containsKey).map(byRole::get).reduce(Plan::orMoreGenerous)
                .orElse(Plan.UNLIMITED);
    }

    /** {@code role=day/month;role=day/month}, a limit {@code -} for none: {@code translator=200000/5000000}. */
    static TokenPlans parse(String text) {
        Map<String, Plan> byRole = new LinkedHashMap<>();
        for (String entry : text.split(";")) {
            if (entry.isBlank()) {
                continue;
            }
            String[] roleAndLimits = entry.split("=", 2);
            String[] limits = roleAndLimits.length == 2 ? roleAndLimits[1].split("/", -1) : new String[0];
            if (roleAndLimits[0].isBlank() || limits.length != 2) {
                throw invalid(entry);
            }
            byRole.put(roleAndLimits[0].trim(), new Plan(limit(limits[0], entry), limit(limits[1], entry)));
        }
        return new TokenPlans(byRole);
    }

    private static Long limit(String text, String entry) {
        String limit = text.trim();
        if (limit.equals("-")) {
            return null;
        }
        try {
            long value = Long.parseLong(limit);
            if (value >= 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw invalid(entry);
    }

    private static IllegalArgumentException invalid(String entry) {
        return new IllegalArgumentException("sema.jwt.role-plans: expected role=<characters per day>/<characters per"
                + " month> (- for no limit), got '" + entry.trim() + "'");
    }
}
