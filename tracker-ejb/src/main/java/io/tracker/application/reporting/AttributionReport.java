package io.tracker.application.reporting;

import io.tracker.domain.attribution.AttributionModel;
import java.util.List;

/** Attribution of the conversions in a period to the values of one dimension, by one model. */
public record AttributionReport(AttributionModel model, ReportPeriod period, ReportDimension dimension,
                                List<AttributionRow> rows, double totalConversions, double totalRevenue) {
}
