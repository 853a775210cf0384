package dev.tarjim.api;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;

/**
 * HTTP dates (RFC 9110 section 5.6.7): written as IMF-fixdate, always two-digit days ({@code Tue, 01 Dec 2026
 * 10:00:00 GMT}; {@code DateTimeFormatter.RFC_1123_DATE_TIME} writes one-digit days, which RFC 9110 does not allow),
 * and read by the same rules: IMF-fixdate, plus the obsolete RFC 850 and asctime forms every recipient must accept.
 */
final class HttpDates {
    private static final DateTimeFormatter IMF_FIXDATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter RFC_850 =
            DateTimeFormatter.ofPattern("EEEE, dd-MMM-yy HH:mm:ss 'GMT'", Locale.ENGLISH);
    private static final DateTimeFormatter ASCTIME =
            DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.ENGLISH);

    private HttpDates() {
    }

    /** The instant as an IMF-fixdate, to the second. */
    static String format(Instant instant) {
        return IMF_FIXDATE.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    /** An HTTP date as sent in {@code If-Modified-Since}; empty when it is not one (the header is then ignored). */
    static Optional<Instant> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String v = value.trim();
        try {
            return Optional.of(Instant.from(IMF_FIXDATE.parse(v)));
        } catch (DateTimeParseException e) {
            // try the obsolete forms
        }
        try {
            LocalDateTime t = LocalDateTime.parse(v, RFC_850);
            // Two-digit years: RFC 9110 says a year more than 50 years ahead is in the past century.
            if (t.getYear() > LocalDateTime.now(ZoneOffset.UTC).getYear() + 50) {
                t = t.minusYears(100);
            }
            return Optional.of(t.toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            // try asctime
        }
        try {
            return Optional.of(LocalDateTime.parse(v, ASCTIME).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
