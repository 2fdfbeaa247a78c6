package dev.sema.accounts;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/** A quota period in UTC: the calendar day or the calendar month. */
public enum Period {
    DAY("D"), MONTH("M");

    private final String code;

    Period(String code) {
        this.code = code;
    }

    /** The value of the {@code period} column. */
    String code() {
        return code;
    }

    public LocalDate start(LocalDate day) {
        return this == DAY ? day : day.withDayOfMonth(1);
    }

    /** The first day after the period that starts on {@code start}. */
    public LocalDate end(LocalDate start) {
        return this == DAY ? start.plusDays(1) : start.plusMonths(1);
    }

    public ZonedDateTime endOf(LocalDate day) {
        return end(start(day)).atStartOfDay(ZoneOffset.UTC);
    }
}
