package io.tracker.interfaces.audit.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TagHealthBackingTest {

    @Test
    void refusalsNameTheFormsFieldsInWords() {
        assertThat(TagHealthBacking.inWords("emails[1]: 'nope' is not an e-mail address (name@example.com)"))
                .isEqualTo("E-mail address 2: 'nope' is not an e-mail address (name@example.com)");
        assertThat(TagHealthBacking.inWords("emails: 21 addresses; at most 20"))
                .isEqualTo("E-mail addresses: 21 addresses; at most 20");
        assertThat(TagHealthBacking.inWords("thank_you_patterns[0]: give 2 to 200 characters besides *"))
                .isEqualTo("Thank-you pattern 1: give 2 to 200 characters besides *");
        assertThat(TagHealthBacking.inWords("webhook_url: 'ftp://x' is not an absolute http(s) URL"))
                .isEqualTo("Webhook URL: 'ftp://x' is not an absolute http(s) URL");
        assertThat(TagHealthBacking.inWords("a JSON body is required")).isEqualTo("a JSON body is required");
    }
}
