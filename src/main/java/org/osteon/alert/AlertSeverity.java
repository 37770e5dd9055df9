package org.osteon.alert;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The severity order of the alert rules' kinds, most severe first, for lists that show a patient's
 * worst open alert. Plain Java, no framework.
 *
 * <ol>
 *   <li>{@code phq9_item9}: the patient answered that they have thought of death or self-harm; a
 *       risk to life, acted on today, before anything else.
 *   <li>{@code safety_cap}: the program's own safety limit was passed; continuing risks harm.
 *   <li>{@code phq_worsening}: depression worsened by a clinically important step or into the
 *       severe bands; it calls for contact soon, and is known, unlike what silence hides.
 *   <li>{@code no_sync}: nothing has arrived for days, so neither harm nor adherence can be seen;
 *       blindness ranks above a known shortfall.
 *   <li>{@code non_adherence}: a streak of missed days; the program is not being done, which is
 *       known and measured.
 *   <li>{@code mood_decline}: a slow decline over weeks in mood-relevant activity (bouted MVPA or
 *       relative amplitude); it asks for a conversation, not for action today.
 * </ol>
 *
 * A kind not in this list (none today; a rule added later) ranks after all of them until it is
 * placed here. Invariant: {@link #worst} of any set is its element of lowest {@link #rank}.
 */
public final class AlertSeverity {
    private AlertSeverity() {}

    /** The kinds, most severe first. */
    public static final List<String> ORDER = List.of(
            AlertRules.PHQ9_ITEM9, "safety_cap", AlertRules.PHQ_WORSENING, "no_sync", "non_adherence", "mood_decline");

    /** 0 for the most severe kind; {@code ORDER.size()} for a kind not in the order. */
    public static int rank(String kind) {
        int i = ORDER.indexOf(kind);
        return i < 0 ? ORDER.size() : i;
    }

    /** The most severe of these kinds; empty when there are none. Ties between unknown kinds go by name. */
    public static Optional<String> worst(Collection<String> kinds) {
        return kinds.stream()
                .min(java.util.Comparator.comparingInt(AlertSeverity::rank)
                        .thenComparing(java.util.Comparator.naturalOrder()));
    }
}
