package io.tracker.domain.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class ControlGroupTest {

    @Test
    void matchesAVectorComputedOutsideTheClass() throws Exception {
        // printf '7:cart-1' | sha256sum  ->  cc019126d8e962c5 c5aa37db...
        byte[] digest = MessageDigest.getInstance("SHA-256").digest("7:cart-1".getBytes(StandardCharsets.UTF_8));
        assertThat(HexFormat.of().formatHex(digest, 0, 8)).isEqualTo("cc019126d8e962c5");
        BigInteger first8 = new BigInteger(1, Arrays.copyOf(digest, 8));
        double u = first8.shiftRight(11).doubleValue() / Math.pow(2, 53);
        assertThat(u).isCloseTo(0.7968989105073994, offset(1e-15));

        assertThat(ControlGroup.inControl(7, "cart-1", 79)).isFalse();
        assertThat(ControlGroup.inControl(7, "cart-1", 80)).isTrue();
    }

    @Test
    void noneAtZeroAndAllAtHundred() {
        for (int i = 0; i < 1_000; i++) {
            assertThat(ControlGroup.inControl(3, "cart-" + i, 0)).isFalse();
            assertThat(ControlGroup.inControl(3, "cart-" + i, 100)).isTrue();
        }
    }

    @Test
    void theSameCartAlwaysLandsInTheSameGroup() {
        for (int i = 0; i < 200; i++) {
            assertThat(ControlGroup.inControl(11, "cart-" + i, 30)).isEqualTo(ControlGroup.inControl(11, "cart-" + i, 30));
        }
    }

    @Test
    void holdsBackAboutTheShareAsked() {
        int inControl = 0;
        for (int i = 0; i < 10_000; i++) {
            if (ControlGroup.inControl(1, "cart-" + i, 50)) {
                inControl++;
            }
        }
        assertThat(inControl).isBetween(4_700, 5_300);
    }

    @Test
    void eachFlowDrawsItsOwnGroup() {
        int differ = 0;
        for (int i = 0; i < 1_000; i++) {
            if (ControlGroup.inControl(1, "cart-" + i, 50) != ControlGroup.inControl(2, "cart-" + i, 50)) {
                differ++;
            }
        }
        // independent draws disagree about half the time
        assertThat(differ).isBetween(400, 600);
    }

    @Test
    void refusesAShareOutsideZeroToHundred() {
        assertThatThrownBy(() -> ControlGroup.inControl(1, "cart-1", -1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("controlPercent must be 0 to 100, but was -1");
        assertThatThrownBy(() -> ControlGroup.inControl(1, "cart-1", 101)).isInstanceOf(IllegalArgumentException.class);
    }
}
