package io.tracker.domain.calltracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tracker.domain.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

class PhoneNumberTest {

    @Test
    void readsTheFormatsPagesAndProvidersUse() {
        for (String written : new String[] {"(800) 555-0100", "800.555.0100", "800-555-0100", "+1 800 555 0100",
                "1-800-555-0100", "tel:+18005550100", "+18005550100"}) {
            assertThat(PhoneNumber.parse("to", written, null).e164()).as(written).isEqualTo("+18005550100");
        }
        assertThat(PhoneNumber.parse("to", "030 1234567", "DE").e164()).isEqualTo("+49301234567");
    }

    @Test
    void formatsAndMasks() {
        PhoneNumber n = new PhoneNumber("+18005550199");
        assertThat(n.national()).isEqualTo("(800) 555-0199");
        assertThat(n.masked()).isEqualTo("+1 ••• 0199");
    }

    @Test
    void refusesWhatIsNoNumber() {
        assertThatThrownBy(() -> PhoneNumber.parse("to", "not a number", null)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("to");
        assertThatThrownBy(() -> PhoneNumber.parse("to", "+1 800 555", null)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> PhoneNumber.parse("to", "", null)).hasMessageContaining("to is required");
    }
}
