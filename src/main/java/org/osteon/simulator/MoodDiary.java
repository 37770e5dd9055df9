package org.osteon.simulator;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * What a demo patient's app answers over the history: PHQ-9 and PHQ-2 responses whose totals follow
 * the wearer's habit, so that mood shows beside bone in the report and the console, and each mood
 * alert has a cause.
 *
 * <ul>
 *   <li>steady: PHQ-9 11 (moderate) then 7 (mild), a positive PHQ-2 (3) between, then 1;
 *   <li>fading: PHQ-9 8 then 14, six points above the first (the worsening alert), with item 9
 *       answered 1 in the second (the self-harm alert); PHQ-2 2 then 4;
 *   <li>overdoing: PHQ-9 6 then 5, PHQ-2 1 then 1.
 * </ul>
 *
 * <p>Answers are dated {@link #DAYS_BEFORE_TODAY} days before the run's today at 19:00 UTC, so that
 * every one lies within the 14 days the service accepts an answer for, and only on days of the
 * history. Response ids are derived from the patient, questionnaire and date: a second submission
 * of the same diary is the same response, stored once.
 */
public final class MoodDiary {
    /** Days before today of the PHQ-9, PHQ-2, PHQ-9 and PHQ-2 answers, in that order. */
    static final int[] DAYS_BEFORE_TODAY = {12, 9, 5, 2};

    private static final LocalTime ANSWERED = LocalTime.of(19, 0);

    private MoodDiary() {}

    /**
     * One answered questionnaire as the app submits it.
     *
     * @param id the client-chosen response id
     * @param answers item scores in item order
     */
    public record Answer(UUID id, String questionnaire, List<Integer> answers, Instant answeredAt) {
        public int total() {
            return answers.stream().mapToInt(Integer::intValue).sum();
        }
    }

    /**
     * The answers of a wearer with {@code habit}, for the history from {@code firstDay} to
     * {@code today}, oldest first.
     */
    public static List<Answer> answers(String patientId, DayPlanner.Habit habit, LocalDate firstDay, LocalDate today) {
        int[][] totals = switch (habit) {
            // {PHQ-9 total, item 9} then PHQ-2 totals, in the order of DAYS_BEFORE_TODAY.
            case STEADY -> new int[][] {{11, 0}, {3}, {7, 0}, {1}};
            case FADING -> new int[][] {{8, 0}, {2}, {14, 1}, {4}};
            case OVERDOING -> new int[][] {{6, 0}, {1}, {5, 0}, {1}};
        };
        List<Answer> out = new ArrayList<>();
        for (int i = 0; i < DAYS_BEFORE_TODAY.length; i++) {
            LocalDate date = today.minusDays(DAYS_BEFORE_TODAY[i]);
            if (date.isBefore(firstDay)) {
                continue;
            }
            boolean phq9 = totals[i].length == 2;
            String questionnaire = phq9 ? "phq-9" : "phq-2";
            List<Integer> items = phq9 ? items(9, totals[i][0], totals[i][1]) : items(2, totals[i][0], 0);
            UUID id = UUID.nameUUIDFromBytes(
                    (patientId + "/" + questionnaire + "/" + date).getBytes(StandardCharsets.UTF_8));
            out.add(new Answer(id, questionnaire, items, date.atTime(ANSWERED).toInstant(ZoneOffset.UTC)));
        }
        return out;
    }

    /**
     * {@code count} item scores (0 to 3) adding up to {@code total}, the ninth being {@code item9}
     * when there are nine: the others filled evenly from the first item on.
     */
    static List<Integer> items(int count, int total, int item9) {
        int[] items = new int[count];
        int left = total;
        if (count == 9) {
            items[8] = item9;
            left -= item9;
        }
        int free = count == 9 ? 8 : count;
        if (left < 0 || left > 3 * free) {
            throw new IllegalArgumentException("no " + count + " items of 0 to 3 add up to " + total);
        }
        for (int round = 0; left > 0; round++) {
            for (int i = 0; i < free && left > 0; i++) {
                if (items[i] == round) {
                    items[i]++;
                    left--;
                }
            }
        }
        return Arrays.stream(items).boxed().toList();
    }
}
