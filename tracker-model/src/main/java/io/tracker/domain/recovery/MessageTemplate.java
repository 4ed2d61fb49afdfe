package io.tracker.domain.recovery;

/**
 * The text a recovery flow sends, with exactly one {@code {link}} where the link back to the shopper's cart
 * goes. {@code {link}} is the only placeholder; any other text in braces is refused by name, so that a typo
 * such as {@code {lnik}} or {@code {Link}} is caught when the flow is saved rather than texted to shoppers.
 *
 * <p>At most {@value #MAX_LENGTH} characters, counted as UTF-16 code units like a browser's {@code maxlength}
 * (an emoji counts two). That bounds what is stored, not what is billed: carriers split a text into segments
 * of 160 GSM-7 or 70 UCS-2 characters.
 */
public final class MessageTemplate {

    /** Longest template accepted, in UTF-16 code units. */
    public static final int MAX_LENGTH = 1_000;

    private static final String LINK = "{link}";

    private final String before;
    private final String after;

    private MessageTemplate(String before, String after) {
        this.before = before;
        this.after = after;
    }

    /**
     * A template from what a user wrote.
     *
     * @throws IllegalArgumentException when the text is missing or blank, longer than {@value #MAX_LENGTH}
     *                                  characters, has no {@code {link}} or more than one, has another
     *                                  placeholder, or has a brace that opens or closes nothing
     */
    public static MessageTemplate parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("the message text is required");
        }
        if (text.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("the message text must be at most " + MAX_LENGTH
                    + " characters, but has " + text.length());
        }
        int links = 0;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '}') {
                throw new IllegalArgumentException("the message text has a '}' at character " + (i + 1)
                        + " that closes no placeholder; the only placeholder is " + LINK);
            }
            if (c == '{') {
                int close = text.indexOf('}', i);
                int nextOpen = text.indexOf('{', i + 1);
                if (close < 0 || (nextOpen >= 0 && nextOpen < close)) {
                    throw new IllegalArgumentException("the message text has a '{' at character " + (i + 1)
                            + " that is never closed; the only placeholder is " + LINK);
                }
                String placeholder = text.substring(i, close + 1);
                if (!placeholder.equals(LINK)) {
                    throw new IllegalArgumentException("the message text has an unknown placeholder " + placeholder
                            + "; the only placeholder is " + LINK);
                }
                links++;
                i = close + 1;
            } else {
                i++;
            }
        }
        if (links != 1) {
            throw new IllegalArgumentException(links == 0
                    ? "the message text must contain " + LINK + " where the link to the cart goes"
                    : "the message text must contain " + LINK + " once, but has it " + links + " times");
        }
        int at = text.indexOf(LINK);
        return new MessageTemplate(text.substring(0, at), text.substring(at + LINK.length()));
    }

    /**
     * The text to send, with {@code link} in place of {@code {link}}. The link is inserted as it is: it is not
     * read for placeholders, so a URL containing braces stays intact.
     *
     * @throws IllegalArgumentException when {@code link} is null or blank
     */
    public String render(String link) {
        if (link == null || link.isBlank()) {
            throw new IllegalArgumentException("link is required");
        }
        return before + link + after;
    }

    /** The template as written, {@code {link}} included. */
    public String text() {
        return before + LINK + after;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MessageTemplate other && text().equals(other.text());
    }

    @Override
    public int hashCode() {
        return text().hashCode();
    }

    @Override
    public String toString() {
        return text();
    }
}
