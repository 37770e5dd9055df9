package org.osteon.scoring.summary;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.osteon.scoring.bone.ImpactBandSet.ImpactBand;
import org.osteon.scoring.bone.ImpactHistogram;
import org.osteon.scoring.bone.StressStimulus;
import org.osteon.scoring.intensity.Intensity;
import org.osteon.scoring.pipeline.EpochResult;

/** The epochs and worn impact peaks of one local day, kept until the day is summarised. */
final class DayAccumulator {

    final LocalDate date;
    final ImpactHistogram histogram;
    final StressStimulus stress;
    final int[] bandCounts;
    private final List<ImpactBand> bands;
    private boolean[] mvpa = new boolean[1024];
    private boolean[] sedentary = new boolean[1024];
    private int epochs;
    private int wearEpochs;
    private int mvpaEpochs;
    private int vigorousEpochs;
    private int sedentaryEpochs;
    private double enmoSum;
    int steps;

    DayAccumulator(LocalDate date, List<ImpactBand> bands, double dssExponent) {
        this.date = date;
        this.bands = bands;
        this.bandCounts = new int[bands.size()];
        this.stress = new StressStimulus(dssExponent);
        this.histogram = new ImpactHistogram();
    }

    private DayAccumulator(DayAccumulator o) {
        this.date = o.date;
        this.histogram = o.histogram.copy();
        this.stress = o.stress.copy();
        this.bandCounts = o.bandCounts.clone();
        this.bands = o.bands;
        this.mvpa = o.mvpa.clone();
        this.sedentary = o.sedentary.clone();
        this.epochs = o.epochs;
        this.wearEpochs = o.wearEpochs;
        this.mvpaEpochs = o.mvpaEpochs;
        this.vigorousEpochs = o.vigorousEpochs;
        this.sedentaryEpochs = o.sedentaryEpochs;
        this.enmoSum = o.enmoSum;
        this.steps = o.steps;
    }

    DayAccumulator copy() {
        return new DayAccumulator(this);
    }

    void add(EpochResult e) {
        if (epochs == mvpa.length) {
            mvpa = Arrays.copyOf(mvpa, epochs * 2);
            sedentary = Arrays.copyOf(sedentary, epochs * 2);
        }
        boolean worn = !e.nonwear();
        mvpa[epochs] = worn && e.intensity().isMvpa();
        sedentary[epochs] = worn && e.intensity() == Intensity.SEDENTARY;
        epochs++;
        if (worn) {
            wearEpochs++;
            enmoSum += e.enmoMg();
            steps += e.steps();
            mvpaEpochs += mvpa[epochs - 1] ? 1 : 0;
            vigorousEpochs += e.intensity() == Intensity.VIGOROUS ? 1 : 0;
            sedentaryEpochs += sedentary[epochs - 1] ? 1 : 0;
        }
    }

    /** Adds a worn impact peak to the histogram, the bands and the stress stimulus. */
    void addPeak(double g) {
        histogram.add(g);
        stress.add(g, 1);
        for (int b = 0; b < bandCounts.length; b++) {
            if (bands.get(b).contains(g)) {
                bandCounts[b]++;
            }
        }
    }

    int wearEpochs() {
        return wearEpochs;
    }

    double enmoMeanMg() {
        return wearEpochs == 0 ? Double.NaN : enmoSum / wearEpochs;
    }

    int mvpaEpochs() {
        return mvpaEpochs;
    }

    int vigorousEpochs() {
        return vigorousEpochs;
    }

    int sedentaryEpochs() {
        return sedentaryEpochs;
    }

    boolean[] mvpa() {
        return Arrays.copyOf(mvpa, epochs);
    }

    boolean[] sedentary() {
        return Arrays.copyOf(sedentary, epochs);
    }

    List<HistogramBin> histogramBins() {
        List<HistogramBin> bins = new ArrayList<>();
        for (int b = 0; b < histogram.bins(); b++) {
            bins.add(new HistogramBin(histogram.lowerG(b), histogram.upperG(b), histogram.count(b)));
        }
        return bins;
    }

    List<BandCount> bandCounts() {
        List<BandCount> out = new ArrayList<>();
        for (int b = 0; b < bandCounts.length; b++) {
            ImpactBand band = bands.get(b);
            out.add(new BandCount(band.name(), band.lowerG(), band.upperG(), bandCounts[b]));
        }
        return out;
    }
}
