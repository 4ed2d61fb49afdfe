package io.tracker.application.reporting;

import io.tracker.domain.attribution.AttributionModel;
import java.util.List;

/**
 * Attribution of the conversions in a period to the values of one dimension, by one model.
 *
 * @param totalCost all ad cost of the period's days with CPA, ROAS and ROI over the totals; null when no cost is
 *                  known in the period (and for the conversion action dimension)
 */
public record AttributionReport(AttributionModel model, ReportPeriod period, ReportDimension dimension,
                                List<AttributionRow> rows, double totalConversions, double totalRevenue,
                                CostFigures totalCost) {

    /** A report without cost. */
    public AttributionReport(AttributionModel model, ReportPeriod period, ReportDimension dimension,
                             List<AttributionRow> rows, double totalConversions, double totalRevenue) {
        this(model, period, dimension, rows, totalConversions, totalRevenue, null);
    }
}
