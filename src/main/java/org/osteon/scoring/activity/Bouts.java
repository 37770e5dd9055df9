package org.osteon.scoring.activity;

/**
 * Bouted time (GGIR {@code g.getbout}, as specified in docs/metrics.md §2): a window of L epochs is
 * a bout when at least {@code criterion} of its epochs meet the intensity condition, it starts and
 * ends on an epoch that meets it, and it holds no run of more than {@code maxGapEpochs} epochs that
 * do not. Time in bouts counts only the epochs that meet the condition and lie in at least one
 * bout, so it never exceeds the unbouted time (GGIR's bout.metric 6 does the same).
 *
 * <p>GGIR's code reaches this through rolling means centred on each epoch and marks one epoch more
 * than the bout length; Osteon implements the rule as written instead and says so here.
 */
public final class Bouts {

    private Bouts() {}

    /**
     * Number of epochs meeting the condition that lie in at least one bout.
     *
     * @param meets per epoch, whether it meets the condition (non-wear epochs must be false)
     * @param boutEpochs bout length L in epochs
     * @param criterion fraction of L that must meet the condition (0.8 MVPA, 0.9 inactivity)
     * @param maxGapEpochs longest allowed run of epochs that do not meet it
     */
    public static int epochsInBouts(boolean[] meets, int boutEpochs, double criterion, int maxGapEpochs) {
        int n = meets.length;
        if (boutEpochs <= 0 || boutEpochs > n) {
            return 0;
        }
        int[] met = new int[n + 1];
        int[] longGaps = new int[n + 1];
        int gap = 0;
        for (int i = 0; i < n; i++) {
            gap = meets[i] ? 0 : gap + 1;
            met[i + 1] = met[i] + (meets[i] ? 1 : 0);
            longGaps[i + 1] = longGaps[i] + (gap > maxGapEpochs ? 1 : 0);
        }
        int needed = (int) Math.ceil(criterion * boutEpochs - 1e-9);
        int[] cover = new int[n + 1];
        for (int s = 0; s + boutEpochs <= n; s++) {
            int e = s + boutEpochs;
            if (meets[s] && meets[e - 1] && met[e] - met[s] >= needed && longGaps[e] - longGaps[s] == 0) {
                cover[s]++;
                cover[e]--;
            }
        }
        int inBouts = 0;
        int depth = 0;
        for (int i = 0; i < n; i++) {
            depth += cover[i];
            if (depth > 0 && meets[i]) {
                inBouts++;
            }
        }
        return inBouts;
    }
}
