package io.tracker.domain.conversion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tracker.domain.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

class UrlRuleTest {

    @Test
    void equalsIgnoresQueryAndFragmentWhenThePatternHasNoQuery() {
        UrlRule rule = UrlRule.of(UrlMatch.EQUALS, "https://shop.example/thanks");
        assertThat(rule.matches("https://shop.example/thanks")).isTrue();
        assertThat(rule.matches("https://shop.example/thanks?order=42")).isTrue();
        assertThat(rule.matches("https://shop.example/thanks#top")).isTrue();
        assertThat(rule.matches("https://shop.example/thanks/again")).isFalse();
        assertThat(rule.matches("https://shop.example/Thanks")).isFalse();
        assertThat(rule.matches("http://shop.example/thanks")).isFalse();
        assertThat(rule.matches(null)).isFalse();
    }

    @Test
    void equalsWithAQueryComparesTheQueryToo() {
        UrlRule rule = UrlRule.of(UrlMatch.EQUALS, "https://shop.example/done?step=3");
        assertThat(rule.matches("https://shop.example/done?step=3")).isTrue();
        assertThat(rule.matches("https://shop.example/done?step=3#x")).isTrue();
        assertThat(rule.matches("https://shop.example/done?step=2")).isFalse();
        assertThat(rule.matches("https://shop.example/done")).isFalse();
    }

    @Test
    void startsWithComparesThePrefixWithoutTheFragment() {
        UrlRule rule = UrlRule.of(UrlMatch.STARTS_WITH, "https://shop.example/checkout/complete");
        assertThat(rule.matches("https://shop.example/checkout/complete?o=1")).isTrue();
        assertThat(rule.matches("https://shop.example/checkout/completed")).isTrue();
        assertThat(rule.matches("https://shop.example/checkout/")).isFalse();
        assertThat(UrlRule.of(UrlMatch.STARTS_WITH, "https://a.example/x#y").matches("https://a.example/x#y")).isFalse();
    }

    @Test
    void regexIsFoundAnywhereUnlessAnchored() {
        UrlRule anywhere = UrlRule.of(UrlMatch.REGEX, "/thank-?you");
        assertThat(anywhere.matches("https://shop.example/en/thankyou?o=1")).isTrue();
        assertThat(anywhere.matches("https://shop.example/thank-you")).isTrue();
        assertThat(anywhere.matches("https://shop.example/thanks")).isFalse();
        UrlRule anchored = UrlRule.of(UrlMatch.REGEX, "^https://shop\\.example/order/\\d+/done$");
        assertThat(anchored.matches("https://shop.example/order/123/done")).isTrue();
        assertThat(anchored.matches("https://shop.example/order/123/done?x=1")).isFalse();
        assertThat(anchored.matches("https://evil.example/?https://shop.example/order/1/done")).isFalse();
    }

    @Test
    void aRunawayRegexCountsAsNoMatchInsteadOfStalling() {
        UrlRule evil = UrlRule.of(UrlMatch.REGEX, "^(a+)+$");
        long started = System.nanoTime();
        assertThat(evil.matches("a".repeat(40) + "!")).isFalse();
        assertThat(System.nanoTime() - started).isLessThan(5_000_000_000L);
        assertThat(evil.matches("aaaa")).isTrue();
    }

    @Test
    void refusesMissingLongAndBrokenPatternsNamingTheField() {
        assertThatThrownBy(() -> UrlRule.of(null, "x")).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("trigger.url_match");
        assertThatThrownBy(() -> UrlRule.of(UrlMatch.EQUALS, " ")).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("trigger.url_pattern is required");
        assertThatThrownBy(() -> UrlRule.of(UrlMatch.REGEX, "([a-z]")).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("trigger.url_pattern is not a valid regular expression");
        assertThatThrownBy(() -> UrlRule.of(UrlMatch.REGEX, "a".repeat(UrlRule.MAX_REGEX + 1)))
                .isInstanceOf(InvalidInputException.class).hasMessage("trigger.url_pattern is longer than 500 characters");
        assertThat(UrlRule.of(UrlMatch.REGEX, "a".repeat(UrlRule.MAX_REGEX)).pattern()).hasSize(500);
        assertThatThrownBy(() -> UrlRule.of(UrlMatch.STARTS_WITH, "h".repeat(UrlRule.MAX_PATTERN + 1)))
                .isInstanceOf(InvalidInputException.class).hasMessage("trigger.url_pattern is longer than 2048 characters");
    }
}
