package org.osteon.scoring.pipeline;

import java.util.ArrayList;
import java.util.List;

/** Records everything a scorer emits, in order. */
final class Recorder implements EpochSink {

    final List<EpochResult> epochs = new ArrayList<>();
    final List<ImpactPeak> peaks = new ArrayList<>();
    final List<Object> all = new ArrayList<>();

    @Override
    public void epoch(EpochResult epoch) {
        epochs.add(epoch);
        all.add(epoch);
    }

    @Override
    public void peak(ImpactPeak peak) {
        peaks.add(peak);
        all.add(peak);
    }
}
