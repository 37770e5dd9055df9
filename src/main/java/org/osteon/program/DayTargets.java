package org.osteon.program;

import java.time.LocalDate;
import java.util.List;
import org.osteon.program.ProgramDtos.ProgramVersionView;

/**
 * The program in force on one day: the version (null when none is) and its components with that
 * day's targets, progression applied (empty when none is). What adherence judges a day against,
 * and what the program API shows for today.
 */
public record DayTargets(LocalDate date, ProgramVersionView inForce, List<Component> components) {
    /** The number of the version in force, or null. */
    public Integer version() {
        return inForce == null ? null : inForce.version();
    }
}
