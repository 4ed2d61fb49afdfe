package io.tracker.application.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import io.tracker.domain.tenant.ApiKeyScope;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class ApiKeyCacheTest {

    private static final AuthenticatedKey KEY = new AuthenticatedKey("t1", 7, EnumSet.of(ApiKeyScope.WRITE), "trk_abcd");

    @Test
    void aKeyIsFoundByItsHashUntilItIsForgotten() {
        ApiKeyCache cache = new ApiKeyCache();
        assertThat(cache.find("h1")).isEmpty();
        cache.put("h1", KEY);
        assertThat(cache.find("h1")).contains(KEY);
        assertThat(cache.find("h2")).isEmpty();

        cache.forget(8);
        assertThat(cache.find("h1")).contains(KEY);
        cache.forget(7);
        assertThat(cache.find("h1")).isEmpty();
    }

    @Test
    void aKeysUseIsDueOnceAMinute() {
        ApiKeyCache cache = new ApiKeyCache();
        assertThat(cache.useRecordDue(7)).isTrue();
        assertThat(cache.useRecordDue(7)).isFalse();
        assertThat(cache.useRecordDue(8)).isTrue();
        cache.forget(7);
        assertThat(cache.useRecordDue(7)).isTrue();
    }
}
