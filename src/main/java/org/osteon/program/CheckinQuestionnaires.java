package org.osteon.program;

import java.util.List;

/**
 * The questionnaires a check-in may name, as the package that defines them reports: implemented
 * above this package (mood), so that programs are checked against the definitions actually loaded
 * without program depending on mood.
 */
public interface CheckinQuestionnaires {
    /** The questionnaires this deployment offers, by id. */
    List<String> offered();

    /** Every questionnaire defined, offered or not, by id. */
    List<String> defined();
}
