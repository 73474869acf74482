package dev.mjbridge.account;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * When an account takes new work: wall-clock ranges in one zone
 * ({@code "08:00-12:00, 14:00-23:30 Europe/Berlin"}); a range whose end is before its start
 * crosses midnight. No ranges means always.
 */
public record WorkHours(List<Range> ranges, ZoneId zone) {

    public static final WorkHours ALWAYS = new WorkHours(List.of(), ZoneId.of("UTC"));

    /** From {@code from} (included) to {@code to} (excluded), across midnight when {@code to} is earlier. */
    public record Range(LocalTime from, LocalTime to) {
        boolean contains(LocalTime time) {
            return from.isBefore(to) ? !time.isBefore(from) && time.isBefore(to)
                    : !time.isBefore(from) || time.isBefore(to);
        }

        @Override
        public String toString() {
            return DayStart.ClockText.format(from) + "-" + DayStart.ClockText.format(to);
        }
    }

    public WorkHours {
        ranges = List.copyOf(ranges);
    }

    /** Reads {@code "HH:mm-HH:mm[, HH:mm-HH:mm...] ZONE"}; empty is always. */
    public static WorkHours parse(String text) {
        String trimmed = text.trim();
        if (trimmed.isEmpty()) {
            return ALWAYS;
        }
        int lastSpace = trimmed.lastIndexOf(' ');
        if (lastSpace < 0) {
            throw new IllegalArgumentException("must be ranges and a zone like \"08:00-23:30 Europe/Berlin\", got '"
                    + text + "'");
        }
        ZoneId zone = DayStart.ClockText.zone(trimmed.substring(lastSpace + 1));
        List<Range> ranges = new ArrayList<>();
        for (String part : trimmed.substring(0, lastSpace).split(",")) {
            String[] ends = part.trim().split("\\s*-\\s*");
            if (ends.length != 2) {
                throw new IllegalArgumentException("'" + part.trim() + "' is not a range like 08:00-23:30");
            }
            Range range = new Range(DayStart.ClockText.time(ends[0]), DayStart.ClockText.time(ends[1]));
            if (range.from().equals(range.to())) {
                throw new IllegalArgumentException("range '" + range + "' is empty; leave workHours empty for always");
            }
            ranges.add(range);
        }
        return new WorkHours(ranges, zone);
    }

    public boolean always() {
        return ranges.isEmpty();
    }

    public boolean contains(Instant now) {
        if (always()) {
            return true;
        }
        LocalTime local = now.atZone(zone).toLocalTime();
        return ranges.stream().anyMatch(r -> r.contains(local));
    }

    /** {@code now} when inside the hours, else the next moment a range starts. */
    public Instant nextOpening(Instant now) {
        if (contains(now)) {
            return now;
        }
        LocalDate today = now.atZone(zone).toLocalDate();
        Instant best = null;
        for (Range range : ranges) {
            for (LocalDate day : List.of(today, today.plusDays(1))) {
                Instant start = ZonedDateTime.of(day, range.from(), zone).toInstant();
                if (start.isAfter(now) && (best == null || start.isBefore(best))) {
                    best = start;
                }
            }
        }
        return best;
    }

    @Override
    public String toString() {
        if (always()) {
            return "";
        }
        return String.join(", ", ranges.stream().map(Range::toString).toList()) + " " + zone.getId();
    }
}
