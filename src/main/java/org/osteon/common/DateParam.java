package org.osteon.common;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * A date from a request's query: the one check every endpoint that takes a date makes, so that all
 * of them refuse alike (the field named, the form shown, the value as sent) and none does day
 * arithmetic on a date near the ends of {@link LocalDate}'s range, where a week's Monday or a
 * default range would overflow into a server error.
 */
public final class DateParam {
    /** Dates the API answers for: wide enough for any recording, narrow enough that day arithmetic never overflows. */
    public static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1), LATEST = LocalDate.of(2199, 12, 31);

    private DateParam() {}

    /**
     * The date in {@code value}; null when it is absent or blank (the endpoint's default applies).
     *
     * @throws ApiException 400 naming {@code field} when the value is no ISO date or lies outside
     *     {@link #EARLIEST}..{@link #LATEST}
     */
    public static LocalDate optional(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        LocalDate d;
        try {
            d = LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.badField(
                    field, "must be a date such as 2026-03-02, was '" + Text.printable(value, 40) + "'");
        }
        if (d.isBefore(EARLIEST) || d.isAfter(LATEST)) {
            throw ApiException.badField(field, "must be between " + EARLIEST + " and " + LATEST + ", was " + d);
        }
        return d;
    }
}
