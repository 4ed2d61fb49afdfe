package io.tracker.it.support;

import static org.assertj.core.api.Assertions.assertThat;

/** Assertions on the API's error answers (RFC 9457 problem details). */
public final class Problems {

    public static final String MEDIA_TYPE = "application/problem+json";

    private Problems() {
    }

    /**
     * Asserts that the answer has this status and is a problem+json body whose {@code status}
     * agrees and whose {@code title} and {@code detail} are filled.
     *
     * @return the problem's {@code detail}
     */
    public static String assertProblem(ApiResponse r, int status) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.contentType()).as(r.toString()).isEqualTo(MEDIA_TYPE);
        var problem = r.json();
        assertThat(problem.getInt("status")).as(r.toString()).isEqualTo(status);
        assertThat(problem.getString("title")).as(r.toString()).isNotBlank();
        assertThat(problem.getString("detail")).as(r.toString()).isNotBlank();
        return problem.getString("detail");
    }
}
