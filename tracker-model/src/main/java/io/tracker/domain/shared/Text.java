package io.tracker.domain.shared;

/** Checks on free text from outside that every input path applies the same way. */
public final class Text {

    private Text() {
    }

    /**
     * The value, unless it contains a NUL character (U+0000), which PostgreSQL cannot store in
     * text and no legitimate name, id or URL contains.
     *
     * @throws InvalidInputException naming the field
     */
    public static String withoutNul(String field, String value) {
        if (value != null && value.indexOf('\0') >= 0) {
            throw new InvalidInputException(field + " contains a NUL character (U+0000)");
        }
        return value;
    }

    /** Longest piece of a caller's value that an error message repeats. */
    public static final int MAX_ECHO = 60;

    /**
     * A value from outside as an error message may repeat it: in single quotes, cut to
     * {@value #MAX_ECHO} characters with the full length said, so that a 900 KB field does not come
     * back in a 900 KB error (or fill a list of line errors). Control characters become {@code ?}.
     *
     * @return e.g. {@code '12.5'} or {@code '99999…' (900000 characters)}; {@code ''} for null
     */
    public static String echo(String value) {
        if (value == null) {
            return "''";
        }
        boolean cut = value.length() > MAX_ECHO;
        StringBuilder shown = new StringBuilder(MAX_ECHO + 30).append('\'');
        for (int i = 0; i < Math.min(value.length(), MAX_ECHO); ) {
            int c = value.codePointAt(i);
            // Control characters and unpaired surrogates would spoil the message (and its JSON).
            boolean printable = !Character.isISOControl(c) && !(Character.charCount(c) == 1 && Character.isSurrogate((char) c));
            shown.appendCodePoint(printable ? c : '?');
            i += Character.charCount(c);
        }
        shown.append(cut ? "…'" : "'");
        if (cut) {
            shown.append(" (").append(value.length()).append(" characters)");
        }
        return shown.toString();
    }

    /**
     * True when the text holds a UTF-16 surrogate that is not part of a pair (from a JSON escape
     * such as {@code "\\ud800"}): such text is not Unicode and cannot be stored as sent.
     */
    public static boolean hasLoneSurrogate(String value) {
        if (value == null) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                    i++;
                } else {
                    return true;
                }
            } else if (Character.isLowSurrogate(c)) {
                return true;
            }
        }
        return false;
    }
}
