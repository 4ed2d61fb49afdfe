package io.tracker.interfaces.recovery.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class CartRecoveryBackingTest {

    @Test
    void theSentenceRoundsToWholeSalesAndWritesAMinus() {
        // The report's example: 40 texted carts, 9 bought; the control's 10% predicts 4, so about 5 more (4.6).
        assertThat(CartRecoveryBacking.explanation(9, new BigDecimal("4.60"), new BigDecimal("-0.90"),
                new BigDecimal("10.90")))
                .isEqualTo("Of 9 recovered sales in the text group, about 5 (95% interval −1 to 11) would not have "
                        + "happened without the texts.");
        assertThat(CartRecoveryBacking.explanation(1234, new BigDecimal("500.50"), new BigDecimal("410.49"),
                new BigDecimal("590.51")))
                .isEqualTo("Of 1,234 recovered sales in the text group, about 501 (95% interval 410 to 591) would "
                        + "not have happened without the texts.");
    }

    @Test
    void anEstimateNotAboveZeroCreditsNothingToTheTexts() {
        assertThat(CartRecoveryBacking.explanation(1, new BigDecimal("-0.40"), new BigDecimal("-2.10"),
                new BigDecimal("1.30")))
                .isEqualTo("Of 1 recovered sale in the text group, none can be credited to the texts yet: the control "
                        + "group bought as often without them (95% interval −2 to 1 sales).");
    }
}
