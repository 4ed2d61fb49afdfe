package io.tracker.domain.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class QueryParametersTest {

    @Test
    void decodesExactlyOnce() {
        assertThat(QueryParameters.of("https://shop.example/?utm_source=Android%20App").get("utm_source"))
                .isEqualTo("Android App");
        assertThat(QueryParameters.of("https://shop.example/?utm_source=no%2520code").get("utm_source"))
                .isEqualTo("no%20code");
        assertThat(QueryParameters.of("https://shop.example/?q=a+b&p=1%2B1").get("q")).isEqualTo("a b");
        assertThat(QueryParameters.of("https://shop.example/?q=a+b&p=1%2B1").get("p")).isEqualTo("1+1");
        assertThat(QueryParameters.of("https://shop.example/?city=M%C3%BCnchen").get("city")).isEqualTo("München");
    }

    @Test
    void keepsEveryClickIdAsSentAndIgnoresTheFragment() {
        Map<String, String> query = QueryParameters.of(
                "https://shop.example/landing?gclid=TeSt_1&GBRAID=0AAAAA-xyz&wbraid=Ab-Cd&x=1#gclid=fragment");

        ClickIds ids = ClickIds.fromQuery(query);

        assertThat(ids.gclid()).isEqualTo("TeSt_1");
        assertThat(ids.gbraid()).as("the key's case does not matter, the value's does").isEqualTo("0AAAAA-xyz");
        assertThat(ids.wbraid()).isEqualTo("Ab-Cd");
        assertThat(ids.fbclid()).isNull();
    }

    @Test
    void firstValueWinsAndAMalformedEscapeSpoilsOnlyItsParameter() {
        Map<String, String> query = QueryParameters.of("/p?utm_source=first&utm_source=second&bad=%zz&utm_medium=email&=x&flag");

        assertThat(query).containsEntry("utm_source", "first").containsEntry("utm_medium", "email")
                .doesNotContainKeys("bad", "", "flag");
    }

    @Test
    void nothingWithoutAQuery() {
        assertThat(QueryParameters.of(null)).isEmpty();
        assertThat(QueryParameters.of("https://shop.example/")).isEmpty();
        assertThat(QueryParameters.of("https://shop.example/?")).isEmpty();
    }

    @Test
    void explicitValuesWinOverTheUrls() {
        Utm sent = new Utm("newsletter", null, " ", null, null);
        Utm fromUrl = new Utm("ads", "email", "spring", "t", null);

        assertThat(sent.orElse(fromUrl)).isEqualTo(new Utm("newsletter", "email", "spring", "t", null));
        assertThat(new ClickIds("g", null, null, null, null, null, null, null)
                .orElse(new ClickIds("other", "b", null, null, null, null, "li", "trk1")))
                .isEqualTo(new ClickIds("g", "b", null, null, null, null, "li", "trk1"));
    }
}
