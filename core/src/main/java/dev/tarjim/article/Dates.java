package dev.tarjim.article;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reads the publication dates editors and CMSs write: ISO dates and date-times, with or without an offset. */
final class Dates {

    private static final Pattern OFFSET_COLON = Pattern.compile("(?:Z|[+-]\\d\\d:\\d\\d)$");
    private static final Pattern OFFSET_PLAIN = Pattern.compile("[+-]\\d{4}$");
    private static final DateTimeFormatter OFFSET_NO_COLON = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss[.SSS]Z");

    private Dates() {
    }

    /**
     * Parses {@code 2024-03-01}, {@code 2024-03-01T10:00:00Z}, {@code 2024-03-01T10:00:00+03:00},
     * {@code 2024-03-01 10:00} or {@code 2024-03-01T10:00:00+0300}; times without an offset are taken as UTC and
     * dates alone as midnight UTC.
     */
    static Optional<Instant> parse(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String v = value.strip();
        try {
            if (v.length() == 10) {
                return Optional.of(LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant());
            }
            String t = v.length() > 10 && v.charAt(10) == ' ' ? v.substring(0, 10) + 'T' + v.substring(11) : v;
            if (OFFSET_COLON.matcher(t).find()) {
                return Optional.of(OffsetDateTime.parse(t).toInstant());
            }
            if (OFFSET_PLAIN.matcher(t).find()) {
                return Optional.of(OffsetDateTime.parse(t, OFFSET_NO_COLON).toInstant());
            }
            return Optional.of(LocalDateTime.parse(t).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
