package org.osteon.interop;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The FHIR export's and search's own rules, and the cohort export's (docs/interop.md). */
@ConfigMapping(prefix = "osteon.interop")
public interface InteropConfig {

    /**
     * Valid days a complete week needs before it gets weekly Observations (MVPA minutes per week,
     * strength days per week). Four of seven is the common floor in accelerometry for a week that
     * says something about habitual activity (e.g. NHANES 2003–2004 analyses asked for 4 valid
     * days); the weekly value is the sum over the valid days, not scaled up, so a week with fewer
     * would be undercounted by more than three days' activity.
     */
    @WithDefault("4")
    int weekMinValidDays();

    /** Days a FHIR search without a lower {@code date} bound reads: the export's default (today and the 29 before). */
    @WithDefault("30")
    int searchDefaultDays();

    /**
     * Days a cohort export may span (from..to inclusive): a year and a day, as the per-patient
     * APIs allow, so that a trial's whole follow-up can be exported in a few requests and one
     * request cannot ask the database for decades of every patient.
     */
    @WithDefault("366")
    int cohortMaxRangeDays();

    /**
     * The secret the study role's pseudonyms are computed with (HMAC-SHA256 of the patient id).
     * Unset, the study role cannot export: without a secret a pseudonym would be a function of the
     * patient id that anyone could recompute. Keep it as long as a trial needs its pseudonyms to
     * stay the same across exports; a new secret gives every patient a new pseudonym.
     */
    java.util.Optional<String> cohortPseudonymKey();
}
