package io.tracker.domain.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class ApiKeyTest {

    @Test
    void aKeyWithoutScopesIsRefusedNotWidenedToAll() {
        assertThatThrownBy(() -> new ApiKey("k", ApiKeySecret.generate(), EnumSet.noneOf(ApiKeyScope.class)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one scope");
    }

    @Test
    void keepsExactlyTheGivenScopes() {
        assertThat(new ApiKey("k", ApiKeySecret.generate(), EnumSet.of(ApiKeyScope.READ)).getScopes())
                .containsExactly(ApiKeyScope.READ);
    }
}
