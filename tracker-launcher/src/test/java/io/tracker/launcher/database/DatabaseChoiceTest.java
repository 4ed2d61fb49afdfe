package io.tracker.launcher.database;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The README's "Database" order: configured URL, else 127.0.0.1:5432, else the embedded PostgreSQL. */
class DatabaseChoiceTest {

    @Test
    void aConfiguredUrlWinsWhateverElseAnswers() {
        DatabaseChoice choice = DatabaseChoice.choose("jdbc:postgresql://db:5432/shop", "owner", "pw", true, true,
                5433, "tracker");

        assertThat(choice.url().url()).isEqualTo("jdbc:postgresql://db:5432/shop");
        assertThat(choice.ownerUser()).isEqualTo("owner");
        assertThat(choice.ownerPassword()).isEqualTo("pw");
        assertThat(choice.embedded()).isFalse();
    }

    @Test
    void theLocalServerIsUsedWhenItAnswers() {
        DatabaseChoice choice = DatabaseChoice.choose(null, "postgres", "", true, false, 5433, "tracker");

        assertThat(choice.url().url()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/tracker");
        assertThat(choice.embedded()).isFalse();
    }

    @Test
    void theEmbeddedServerIsUsedWhenNothingAnswersOrWhenForced() {
        DatabaseChoice nothing = DatabaseChoice.choose(null, "someone", "secret", false, false, 5433, "tracker");
        DatabaseChoice forced = DatabaseChoice.choose(null, "someone", "secret", true, true, 6000, "tracker");

        assertThat(nothing.embedded()).isTrue();
        assertThat(nothing.url().url()).isEqualTo("jdbc:postgresql://127.0.0.1:5433/tracker");
        assertThat(nothing.ownerUser()).isEqualTo("postgres");
        assertThat(nothing.ownerPassword()).isEmpty();
        assertThat(forced.url().url()).isEqualTo("jdbc:postgresql://127.0.0.1:6000/tracker");
    }
}
