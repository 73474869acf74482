package dev.mjbridge.account;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * When an account's day begins for its daily limit: a wall-clock time in a zone
 * ({@code "00:00 UTC"}, {@code "06:00 Europe/Berlin"}).
 */
public record DayStart(LocalTime time, ZoneId zone) {

    public static final DayStart MIDNIGHT_UTC = new DayStart(LocalTime.MIDNIGHT, ZoneId.of("UTC"));

    /** Reads {@code "HH:mm ZONE"}; throws {@link IllegalArgumentException} saying what is wrong. */
    public static DayStart parse(String text) {
        String[] parts = text.trim().split("\\s+");
        if (parts.length != 2) {
            throw new IllegalArgumentException("must be a time and a zone like \"00:00 UTC\" or \"06:00 Europe/Berlin\", got '"
                    + text + "'");
        }
        return new DayStart(ClockText.time(parts[0]), ClockText.zone(parts[1]));
    }

    /** The start of the day that {@code now} is in. */
    public Instant currentStart(Instant now) {
        ZonedDateTime local = now.atZone(zone);
        LocalDate date = local.toLocalDate();
        ZonedDateTime start = date.atTime(time).atZone(zone);
        if (start.isAfter(local)) {
            start = date.minusDays(1).atTime(time).atZone(zone);
        }
        return start.toInstant();
    }

    /** When the day that {@code now} is in ends and the count restarts. */
    public Instant nextStart(Instant now) {
        return currentStart(now).atZone(zone).toLocalDate().plusDays(1).atTime(time).atZone(zone).toInstant();
    }

    @Override
    public String toString() {
        return ClockText.format(time) + " " + zone.getId();
    }

    /** Parsing and writing of the {@code HH:mm} and zone parts shared by the pacing keys. */
    static final class ClockText {
        private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

        private ClockText() {
        }

        static LocalTime time(String text) {
            if (!text.matches("\\d{1,2}:\\d{2}")) {
                throw new IllegalArgumentException("'" + text + "' is not a time of day (HH:mm)");
            }
            String[] hm = text.split(":");
            int hour = Integer.parseInt(hm[0]);
            int minute = Integer.parseInt(hm[1]);
            if (hour > 23 || minute > 59) {
                throw new IllegalArgumentException("'" + text + "' is not a time of day (00:00 to 23:59)");
            }
            return LocalTime.of(hour, minute);
        }

        static ZoneId zone(String text) {
            try {
                return ZoneId.of(text);
            } catch (DateTimeException e) {
                throw new IllegalArgumentException("'" + text + "' is not a time zone (e.g. UTC, Europe/Berlin, +02:00)");
            }
        }

        static String format(LocalTime time) {
            return HH_MM.format(time);
        }

        /** A moment as the operator wrote its zone: {@code "08:00 Europe/Berlin"}. */
        static String at(Instant instant, ZoneId zone) {
            return HH_MM.format(instant.atZone(zone)) + " " + zone.getId();
        }
    }
}
