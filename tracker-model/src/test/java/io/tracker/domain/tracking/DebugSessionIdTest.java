package io.tracker.domain.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DebugSessionIdTest {

    @Test
    void randomIdsHaveTheShapeAndDiffer() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            String id = DebugSessionId.random().value();
            assertThat(id).hasSize(26).startsWith("dbg_").matches("dbg_[A-Za-z0-9_-]{22}");
            seen.add(id);
        }
        assertThat(seen).hasSize(100);
    }

    @Test
    void onlyThePrefixAnd22Base64UrlCharactersAreWellFormed() {
        assertThat(DebugSessionId.wellFormed("dbg_abcdefghijklmnopqrstuv")).isTrue();
        assertThat(DebugSessionId.wellFormed("dbg_ABC-_0123456789abcdefg")).isTrue();
        assertThat(DebugSessionId.wellFormed(null)).isFalse();
        assertThat(DebugSessionId.wellFormed("")).isFalse();
        assertThat(DebugSessionId.wellFormed("dbg_abcdefghijklmnopqrstu")).isFalse(); // 21
        assertThat(DebugSessionId.wellFormed("dbg_abcdefghijklmnopqrstuvw")).isFalse(); // 23
        assertThat(DebugSessionId.wellFormed("dbx_abcdefghijklmnopqrstuv")).isFalse();
        assertThat(DebugSessionId.wellFormed("dbg_abcdefghijklmnopqrst+/")).isFalse();
        assertThat(DebugSessionId.wellFormed("dbg_abcdefghijklmnopqrs v")).isFalse();
        assertThatThrownBy(() -> new DebugSessionId("on")).isInstanceOf(IllegalArgumentException.class);
    }
}
