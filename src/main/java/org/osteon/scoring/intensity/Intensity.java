package org.osteon.scoring.intensity;

/**
 * Intensity class of one epoch. {@link #BELOW_MODERATE} is used by cut-point sets that define no
 * sedentary/light boundary (Vähä-Ypyä MAD, Freedson counts): for them sedentary time is not
 * defined rather than guessed.
 */
public enum Intensity {
    SEDENTARY,
    LIGHT,
    BELOW_MODERATE,
    MODERATE,
    VIGOROUS;

    /** Moderate or vigorous: the epochs that count towards MVPA minutes and bouts. */
    public boolean isMvpa() {
        return this == MODERATE || this == VIGOROUS;
    }
}
