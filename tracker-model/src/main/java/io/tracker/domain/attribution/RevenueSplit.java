package io.tracker.domain.attribution;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * A conversion's value shared out by one model's credits, to {@value #SCALE} decimals, so that the parts add up
 * to the value exactly. Rounding each part alone (value × share) loses up to half a unit of the last place per
 * credit, and summed over thousands of conversions a report's revenue total drifted cents away from the sum of
 * the conversions' values that the KPI card shows; the largest part (the first of equal ones) takes the
 * remainder, as the largest remainder method does.
 */
public final class RevenueSplit {

    /** Decimals of a credit's revenue (numeric(24, 6) in the credit tables). */
    public static final int SCALE = 6;

    private RevenueSplit() {
    }

    /**
     * @param value  the conversion's value
     * @param shares one model's credits of it, each in (0, 1], adding up to 1 (as doubles do)
     * @return one revenue per share, in order, adding up to {@code value} at {@value #SCALE} decimals
     */
    public static List<BigDecimal> of(BigDecimal value, List<Double> shares) {
        List<BigDecimal> parts = new ArrayList<>(shares.size());
        BigDecimal sum = BigDecimal.ZERO;
        int largest = -1;
        for (int i = 0; i < shares.size(); i++) {
            BigDecimal part = value.multiply(BigDecimal.valueOf(shares.get(i))).setScale(SCALE, RoundingMode.HALF_EVEN);
            parts.add(part);
            sum = sum.add(part);
            if (largest < 0 || shares.get(i) > shares.get(largest)) {
                largest = i;
            }
        }
        if (largest >= 0) {
            BigDecimal rest = value.setScale(SCALE, RoundingMode.HALF_EVEN).subtract(sum);
            parts.set(largest, parts.get(largest).add(rest));
        }
        return parts;
    }
}
