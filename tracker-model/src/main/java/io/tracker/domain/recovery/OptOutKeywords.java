package io.tracker.domain.recovery;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a shopper's SMS reply as an opt-out or an opt-in, with the keywords Twilio handles by default
 * (<a href="https://help.twilio.com/articles/223134027">Twilio support for opt-out keywords (SMS STOP
 * filtering)</a>), so that Tracker's own opt-out record agrees with the block Twilio puts on the number:
 * <ul>
 *   <li>opt out: STOP, STOPALL, UNSUBSCRIBE, CANCEL, END, QUIT, and REVOKE and OPTOUT, which Twilio added on
 *       14 May 2025 for the FCC's opt-out rule
 *       (<a href="https://www.twilio.com/en-us/blog/update-to-fcc-s-sms-opt-out-keywords">Twilio's
 *       announcement</a>);</li>
 *   <li>opt in again: START, YES, UNSTOP.</li>
 * </ul>
 *
 * <p>As with Twilio, only a message that is the keyword alone counts ("STOP PLEASE" does not), in any case
 * and with white space around it (no-break spaces included). Unlike Twilio, trailing full stops and
 * exclamation marks are ignored as well ("Stop." and "STOP!!" opt out): a shopper who writes them plainly
 * means it, and honouring an opt-out too readily costs far less than texting someone who asked us to stop.
 */
public final class OptOutKeywords {

    /** What a reply asks for. */
    public enum Reply {
        /** Send no more texts to this number. */
        OPT_OUT,
        /** Texts to this number may resume. */
        OPT_IN
    }

    private static final Map<String, Reply> KEYWORDS = Map.ofEntries(
            Map.entry("STOP", Reply.OPT_OUT), Map.entry("STOPALL", Reply.OPT_OUT),
            Map.entry("UNSUBSCRIBE", Reply.OPT_OUT), Map.entry("CANCEL", Reply.OPT_OUT),
            Map.entry("END", Reply.OPT_OUT), Map.entry("QUIT", Reply.OPT_OUT),
            Map.entry("REVOKE", Reply.OPT_OUT), Map.entry("OPTOUT", Reply.OPT_OUT),
            Map.entry("START", Reply.OPT_IN), Map.entry("YES", Reply.OPT_IN), Map.entry("UNSTOP", Reply.OPT_IN));

    private OptOutKeywords() {
    }

    /** The reply's meaning, or empty when the body (possibly null) is anything but a keyword alone. */
    public static Optional<Reply> read(String body) {
        if (body == null) {
            return Optional.empty();
        }
        int start = 0;
        int end = body.length();
        while (start < end && blank(body.charAt(start))) {
            start++;
        }
        while (end > start && ignoredAtEnd(body.charAt(end - 1))) {
            end--;
        }
        return Optional.ofNullable(KEYWORDS.get(body.substring(start, end).toUpperCase(Locale.ROOT)));
    }

    private static boolean ignoredAtEnd(char c) {
        return blank(c) || c == '.' || c == '!';
    }

    /** White space including the no-break spaces some phone keyboards insert, which {@code strip()} keeps. */
    private static boolean blank(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }
}
