package io.tracker.domain.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WebsiteDomainTest {

    @Test
    void theLowerCaseHostWithoutPortOrUserInfo() {
        assertThat(WebsiteDomain.of("https://Shop.Example:8443/a?b=c")).isEqualTo("shop.example");
        assertThat(WebsiteDomain.of("https://user@www.shop.example/")).isEqualTo("www.shop.example");
    }

    @Test
    void aUrlThatUriRefusesIsReadByHand() {
        assertThat(WebsiteDomain.of("https://Shop.example:80/search?q=red shoes")).isEqualTo("shop.example");
    }

    @Test
    void noUrlOrNoHostIsNoDomain() {
        assertThat(WebsiteDomain.of(null)).isEqualTo(WebsiteDomain.NONE);
        assertThat(WebsiteDomain.of(" ")).isEqualTo(WebsiteDomain.NONE);
        assertThat(WebsiteDomain.of("/relative/path")).isEqualTo(WebsiteDomain.NONE);
    }
}
