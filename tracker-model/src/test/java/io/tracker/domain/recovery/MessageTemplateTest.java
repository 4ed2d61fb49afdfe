package io.tracker.domain.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MessageTemplateTest {

    @Test
    void rendersTheLinkInPlace() {
        MessageTemplate template = MessageTemplate.parse("You left something behind: {link} Reply STOP to opt out.");
        assertThat(template.render("https://shop.example/c/abc"))
                .isEqualTo("You left something behind: https://shop.example/c/abc Reply STOP to opt out.");
        assertThat(MessageTemplate.parse("{link}").render("https://x.example")).isEqualTo("https://x.example");
        assertThat(template.text()).isEqualTo("You left something behind: {link} Reply STOP to opt out.");
    }

    @Test
    void insertsTheLinkAsItIs() {
        assertThat(MessageTemplate.parse("Back to cart: {link}").render("https://x.example/?q={link}"))
                .isEqualTo("Back to cart: https://x.example/?q={link}");
    }

    @Test
    void acceptsExactlyTheMaximumLength() {
        String text = "{link}" + "a".repeat(MessageTemplate.MAX_LENGTH - 6);
        assertThat(MessageTemplate.parse(text).text()).hasSize(1_000);
        assertThatThrownBy(() -> MessageTemplate.parse(text + "a")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the message text must be at most 1000 characters, but has 1001");
    }

    @Test
    void requiresText() {
        assertThatThrownBy(() -> MessageTemplate.parse(null)).hasMessage("the message text is required");
        assertThatThrownBy(() -> MessageTemplate.parse(" \n")).hasMessage("the message text is required");
    }

    @Test
    void requiresTheLinkOnce() {
        assertThatThrownBy(() -> MessageTemplate.parse("Come back soon!")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the message text must contain {link} where the link to the cart goes");
        assertThatThrownBy(() -> MessageTemplate.parse("{link} or {link}"))
                .hasMessage("the message text must contain {link} once, but has it 2 times");
    }

    @Test
    void namesAnUnknownPlaceholder() {
        assertThatThrownBy(() -> MessageTemplate.parse("Your {value} cart: {link}")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the message text has an unknown placeholder {value}; the only placeholder is {link}");
        assertThatThrownBy(() -> MessageTemplate.parse("{Link}")).hasMessageContaining("unknown placeholder {Link}");
        assertThatThrownBy(() -> MessageTemplate.parse("{link} {}")).hasMessageContaining("unknown placeholder {}");
    }

    @Test
    void refusesStrayBraces() {
        assertThatThrownBy(() -> MessageTemplate.parse("{link} :-}")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the message text has a '}' at character 10 that closes no placeholder; the only placeholder is {link}");
        assertThatThrownBy(() -> MessageTemplate.parse("{link} {")).hasMessageContaining("'{' at character 8 that is never closed");
        assertThatThrownBy(() -> MessageTemplate.parse("{{link}")).hasMessageContaining("'{' at character 1 that is never closed");
    }

    @Test
    void templatesWithTheSameTextAreEqual() {
        assertThat(MessageTemplate.parse("a {link} b")).isEqualTo(MessageTemplate.parse("a {link} b"))
                .hasSameHashCodeAs(MessageTemplate.parse("a {link} b")).isNotEqualTo(MessageTemplate.parse("a {link}"));
    }

    @Test
    void refusesAMissingLink() {
        MessageTemplate template = MessageTemplate.parse("{link}");
        assertThatThrownBy(() -> template.render(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("link is required");
        assertThatThrownBy(() -> template.render(" ")).hasMessage("link is required");
    }
}
