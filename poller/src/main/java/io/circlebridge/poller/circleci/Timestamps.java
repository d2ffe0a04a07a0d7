package io.circlebridge.poller.circleci;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.TemporalAccessor;
import java.util.regex.Pattern;

/**
 * Lenient parser for the timestamp formats CircleCI sends.
 *
 * <p>Accepted: ISO-8601 with {@code T} or a space between date and time, 0 to 9 fractional digits, and an offset
 * written as {@code Z}, {@code +00:00}, {@code +0000} or {@code +00}, or no offset (read as UTC, the zone CircleCI
 * uses). Also accepted are the {@code #joda/inst } prefix that leaks into environment variable times, Go's
 * {@code 2024-12-18 17:23:29.361740256 +0000 UTC} form, and numbers as epoch seconds or, from 10^11 on, epoch
 * milliseconds.
 */
final class Timestamps {

    private static final String JODA_PREFIX = "#joda/inst";
    private static final Pattern SPACE_BEFORE_OFFSET = Pattern.compile("\\s+(?=[+-]\\d{2}:?\\d{0,2}$|Z$)");
    private static final long EPOCH_MILLIS_THRESHOLD = 100_000_000_000L;

    private static final DateTimeFormatter LENIENT = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HH", "Z").optionalEnd()
            .toFormatter();

    private Timestamps() {
    }

    /** Parses a timestamp text, or returns null when it is null, blank or not a recognizable timestamp. */
    static Instant parse(String text) {
        if (text == null) {
            return null;
        }
        String normalized = normalize(text);
        if (normalized.isEmpty()) {
            return null;
        }
        try {
            TemporalAccessor parsed = LENIENT.parseBest(normalized, OffsetDateTime::from, LocalDateTime::from);
            if (parsed instanceof OffsetDateTime offsetDateTime) {
                return offsetDateTime.toInstant();
            }
            return ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** Converts an epoch number: seconds below 10^11, milliseconds from there on. */
    static Instant fromEpochNumber(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return null;
        }
        try {
            if (Math.abs(value) >= EPOCH_MILLIS_THRESHOLD) {
                return Instant.ofEpochMilli((long) value);
            }
            long seconds = (long) Math.floor(value);
            long nanos = Math.round((value - seconds) * 1_000_000_000d);
            return Instant.ofEpochSecond(seconds, nanos);
        } catch (DateTimeException | ArithmeticException e) {
            return null;
        }
    }

    private static String normalize(String text) {
        String value = text.strip();
        if (value.startsWith(JODA_PREFIX)) {
            value = value.substring(JODA_PREFIX.length()).strip();
        }
        if (value.endsWith(" UTC")) {
            value = value.substring(0, value.length() - " UTC".length()).strip();
        }
        // Go prints "2024-12-18 17:23:29.361 +0000": the date-time separator becomes 'T', the offset is joined.
        if (value.length() > 10 && value.charAt(10) == ' ') {
            value = value.substring(0, 10) + 'T' + value.substring(11).strip();
        }
        return SPACE_BEFORE_OFFSET.matcher(value).replaceFirst("");
    }
}
