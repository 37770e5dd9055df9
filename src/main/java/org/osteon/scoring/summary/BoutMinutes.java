package org.osteon.scoring.summary;

/**
 * Time in bouts of at least one length.
 *
 * @param boutMinutes the bout length
 * @param minutes time in such bouts that meets the bout's criterion (never more than the
 *     unbouted time meeting it)
 */
public record BoutMinutes(int boutMinutes, double minutes) {}
