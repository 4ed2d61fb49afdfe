package io.tracker.application.reporting;

import io.tracker.domain.attribution.AttributionModel;
import java.util.EnumMap;
import java.util.Map;

/** What people read for a model or a report dimension: on the dashboard, in the PDF summary and its e-mail. */
public final class ReportLabels {

    /** Every model has a label (DashboardBackingTest checks none is missing). */
    public static final Map<AttributionModel, String> MODELS = new EnumMap<>(Map.of(
            AttributionModel.LAST_TOUCH, "Last touch",
            AttributionModel.FIRST_TOUCH, "First touch",
            AttributionModel.LINEAR, "Linear",
            AttributionModel.POSITION_BASED, "Position-based",
            AttributionModel.TIME_DECAY, "Time decay",
            AttributionModel.MARKOV, "Markov",
            AttributionModel.SHAPLEY, "Shapley"));

    public static final Map<ReportDimension, String> DIMENSIONS = new EnumMap<>(Map.of(
            ReportDimension.CHANNEL, "Channel",
            ReportDimension.CAMPAIGN, "Campaign",
            ReportDimension.SOURCE_MEDIUM, "Source / medium",
            ReportDimension.CONVERSION_ACTION, "Conversion action"));

    private ReportLabels() {
    }
}
