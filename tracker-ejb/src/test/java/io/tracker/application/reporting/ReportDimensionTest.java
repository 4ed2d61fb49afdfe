package io.tracker.application.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tracker.domain.shared.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class ReportDimensionTest {

    @ParameterizedTest
    @CsvSource({
            "channel, CHANNEL",
            "campaign, CAMPAIGN",
            "source_medium, SOURCE_MEDIUM",
            "conversion_action, CONVERSION_ACTION",
            "' Source_Medium ', SOURCE_MEDIUM",
            "CONVERSION_ACTION, CONVERSION_ACTION"})
    void readsEveryApiNameInAnyCaseAndSpacing(String text, ReportDimension expected) {
        assertThat(ReportDimension.parse(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   "})
    void channelWhenAbsent(String text) {
        assertThat(ReportDimension.parse(text)).isEqualTo(ReportDimension.CHANNEL);
    }

    @ParameterizedTest
    @ValueSource(strings = {"source", "medium", "source/medium", "action", "conversion-action", "channels"})
    void anythingElseIsBadInputNamingTheChoices(String text) {
        assertThatThrownBy(() -> ReportDimension.parse(text))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("dimension must be one of channel, campaign, source_medium or conversion_action, not '"
                        + text + "'");
    }

    @Test
    void theApiNameIsTheRowsKeyField() {
        assertThat(ReportDimension.SOURCE_MEDIUM.field()).isEqualTo("source_medium");
        assertThat(ReportDimension.CONVERSION_ACTION.field()).isEqualTo("conversion_action");
        // the grouping column of the roll-up: the action's id, named by its key in answers
        assertThat(ReportDimension.CONVERSION_ACTION.column()).isEqualTo("action_id");
    }
}
