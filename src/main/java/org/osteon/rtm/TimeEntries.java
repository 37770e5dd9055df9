package org.osteon.rtm;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.osteon.common.ApiException;
import org.osteon.common.InvalidTextException;
import org.osteon.common.Text;
import org.osteon.rtm.RtmDtos.TimeEntryRequest;
import org.osteon.rtm.RtmRepository.Episode;

/**
 * Checks a time entry before it is stored: every field present, end after start and at most
 * {@link RtmConfig#maxEntryDuration()} later, not ahead of the clock by more than the skew, its start
 * inside one of the patient's episodes, and the activity one line of printable text (clinical free
 * text: stored and answered, never logged). A failure is a 400 naming the field.
 */
final class TimeEntries {
    private TimeEntries() {}

    /** A line saying what was done ("reviewed week 3 impact data; adjusted targets"); the column has the same bound. */
    static final int MAX_ACTIVITY_CHARS = 200;

    static void check(TimeEntryRequest e, Instant now, RtmConfig config, ZoneId zone, List<Episode> episodes) {
        if (e.start() == null) {
            throw ApiException.badField("start", "is required (an instant such as 2026-03-02T09:00:00+01:00)");
        }
        if (e.end() == null) {
            throw ApiException.badField("end", "is required (an instant such as 2026-03-02T09:20:00+01:00)");
        }
        if (e.interactive() == null) {
            throw ApiException.badField("interactive", "is required: true or false");
        }
        if (!e.end().isAfter(e.start())) {
            throw ApiException.badField("end", "must be after start");
        }
        Duration max = config.maxEntryDuration();
        if (Duration.between(e.start(), e.end()).compareTo(max) > 0) {
            throw ApiException.badField("end", "an entry may span at most " + max.toMinutes() + " minutes after start");
        }
        if (e.end().isAfter(now.plus(config.maxClockSkew()))) {
            throw ApiException.badField(
                    "end",
                    "must not lie in the future (at most "
                            + config.maxClockSkew().toSeconds() + " s ahead of the service's clock)");
        }
        activity(e.activity());
        LocalDate day = LocalDate.ofInstant(e.start(), zone);
        boolean inEpisode = episodes.stream().anyMatch(ep -> ep.covers(day));
        if (!inEpisode) {
            throw ApiException.badField(
                    "start",
                    "must fall on a day of one of the patient's RTM episodes (" + spans(episodes)
                            + "); start an episode first");
        }
    }

    /** The activity as stored, stripped; a 400 naming {@code activity} when it breaks a rule. */
    static String activity(String activity) {
        if (activity == null || activity.isBlank()) {
            throw ApiException.badField("activity", "is required: one line saying what was done");
        }
        Optional<String> bad = Text.problem(activity, false);
        if (bad.isPresent()) {
            throw ApiException.badField("activity", new InvalidTextException(bad.get(), false).getMessage());
        }
        String stripped = activity.strip();
        int length = stripped.codePointCount(0, stripped.length());
        if (length > MAX_ACTIVITY_CHARS) {
            throw ApiException.badField(
                    "activity", "must be at most " + MAX_ACTIVITY_CHARS + " characters; this one has " + length);
        }
        return stripped;
    }

    private static String spans(List<Episode> episodes) {
        if (episodes.isEmpty()) {
            return "it has none";
        }
        return "episodes: "
                + String.join(
                        ", ",
                        episodes.stream()
                                .map(ep -> ep.start() + " to " + (ep.end() == null ? "open" : ep.end()))
                                .toList());
    }
}
