package org.osteon.scoring.io;

import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * What a reader knows about a recording before its first sample: the wall-clock time of
 * sample 0, the UTC offset of that clock when the file states it, and the sample rate.
 * Sample {@code i} is at {@code start + i / sampleRateHz} seconds: readers deliver a
 * regular stream and fill or report gaps themselves.
 *
 * @param start local clock time of the first sample
 * @param offset UTC offset of {@code start}, or {@code null} when the file does not say
 *     (ActiLife CSV exports carry local time only)
 * @param sampleRateHz samples per second per axis
 * @param device serial number or a short description of the source
 */
public record RecordingInfo(LocalDateTime start, ZoneOffset offset, int sampleRateHz, String device) {

    public RecordingInfo {
        if (start == null) {
            throw new IllegalArgumentException("recording start must be known");
        }
        if (sampleRateHz <= 0) {
            throw new IllegalArgumentException("sample rate must be positive, got " + sampleRateHz);
        }
    }
}
