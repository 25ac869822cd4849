package io.github.attnlab.plot;

import java.awt.Color;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;

/** The look every chart of the library shares: one colour cycle and one way to make axes. */
public final class Style {

    private static final Color[] PALETTE = {
        new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0xff7f0e),
        new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f),
        new Color(0xbcbd22), new Color(0x17becf)
    };

    private Style() {
    }

    /** The colour of series number {@code i} (cycling through ten colours). */
    public static Color color(int i) {
        return PALETTE[Math.floorMod(i, PALETTE.length)];
    }

    /**
     * A linear axis that does not force zero into its range, or a logarithmic axis with ticks at
     * whole powers of ten.
     */
    public static ValueAxis axis(String label, boolean log) {
        if (log) {
            LogAxis a = new LogAxis(label);
            a.setSmallestValue(1e-300);
            a.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
            return a;
        }
        NumberAxis a = new NumberAxis(label);
        a.setAutoRangeIncludesZero(false);
        return a;
    }
}
