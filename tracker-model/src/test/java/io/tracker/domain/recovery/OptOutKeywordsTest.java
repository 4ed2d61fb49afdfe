package io.tracker.domain.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import io.tracker.domain.recovery.OptOutKeywords.Reply;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class OptOutKeywordsTest {

    @Test
    void readsTwiliosOptOutKeywords() {
        for (String body : new String[] {"STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "REVOKE", "OPTOUT"}) {
            assertThat(OptOutKeywords.read(body)).as(body).contains(Reply.OPT_OUT);
        }
    }

    @Test
    void readsTwiliosOptInKeywords() {
        for (String body : new String[] {"START", "YES", "UNSTOP"}) {
            assertThat(OptOutKeywords.read(body)).as(body).contains(Reply.OPT_IN);
        }
    }

    @Test
    void ignoresCaseSpaceAndTrailingFullStopsOrExclamationMarks() {
        for (String body : new String[] {"stop", "Stop", " STOP\n", "Stop.", "STOP!!", "stop!. ", "Stop !", "\u00a0Stop\u2003"}) {
            assertThat(OptOutKeywords.read(body)).as(body).contains(Reply.OPT_OUT);
        }
        assertThat(OptOutKeywords.read("yes!")).contains(Reply.OPT_IN);
    }

    @Test
    void anythingButAKeywordAloneIsNoReply() {
        for (String body : new String[] {"STOP PLEASE", "please stop", "stopp", "stop?", "opt out", "HELP", "INFO",
                "", "   ", ".", "!!", "st op", "y"}) {
            assertThat(OptOutKeywords.read(body)).as(body).isEmpty();
        }
        assertThat(OptOutKeywords.read(null)).isEmpty();
    }

    @Test
    void readsTheDottedIUnderATurkishLocaleToo() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("tr"));
            assertThat(OptOutKeywords.read("quit")).contains(Reply.OPT_OUT);
            assertThat(OptOutKeywords.read("unsubscribe")).contains(Reply.OPT_OUT);
        } finally {
            Locale.setDefault(before);
        }
    }
}
