package io.tracker.domain.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PersonKeyTest {

    @Test
    void anEmailIsTrimmedLowerCasedAndHashed() {
        // sha256("jane.doe@example.com"), computed with: printf %s jane.doe@example.com | sha256sum
        String expected = "email:86e0b9e56c17cc4d12387e1949b85053fbe73bc3ce5a1188713a9d300cc6133d";
        assertThat(PersonKey.ofEmail("  Jane.Doe@Example.COM ").value()).isEqualTo(expected);
        assertThat(PersonKey.ofEmailSha256(expected.substring(6).toUpperCase()).value()).isEqualTo(expected);
    }

    @Test
    void aUserIdKeepsItsCase() {
        assertThat(PersonKey.ofUserId(" U-42x ").value()).isEqualTo("user:U-42x");
        assertThat(PersonKey.ofUserId("u-42X")).isNotEqualTo(PersonKey.ofUserId("U-42x"));
    }

    @Test
    void badInputIsRefused() {
        assertThatThrownBy(() -> PersonKey.ofUserId(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PersonKey.ofUserId("x".repeat(201))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PersonKey.ofEmailSha256("abc")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PersonKey.ofEmail("no-at-sign")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PersonKey("fax:1")).isInstanceOf(IllegalArgumentException.class);
        assertThat(new PersonKey("tel:" + "a".repeat(64)).value()).startsWith("tel:");
    }
}
