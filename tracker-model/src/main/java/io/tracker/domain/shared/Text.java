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
}
