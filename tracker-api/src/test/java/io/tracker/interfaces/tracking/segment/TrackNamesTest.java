package io.tracker.interfaces.tracking.segment;

import static org.assertj.core.api.Assertions.assertThat;

import io.tracker.interfaces.tracking.segment.TrackNames.Conversion;
import io.tracker.interfaces.tracking.segment.TrackNames.Event;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TrackNamesTest {

    @Test
    void orderCompletedIsAPurchase() {
        assertThat(TrackNames.of("Order Completed")).isEqualTo(new Conversion("purchase"));
        assertThat(TrackNames.of("order_completed")).isEqualTo(new Conversion("purchase"));
        assertThat(TrackNames.of("OrderCompleted")).isEqualTo(new Conversion("purchase"));
    }

    @Test
    void orderRefundsAndCancellationsChangeThePurchase() {
        assertThat(TrackNames.of("Order Refunded")).isEqualTo(new TrackNames.OrderChange(false));
        assertThat(TrackNames.of("order_refunded")).isEqualTo(new TrackNames.OrderChange(false));
        assertThat(TrackNames.of("Order Cancelled")).isEqualTo(new TrackNames.OrderChange(true));
        assertThat(TrackNames.of("Order Canceled")).isEqualTo(new TrackNames.OrderChange(true));
    }

    @ParameterizedTest
    @CsvSource({
            "Product Added, add_to_cart",
            "Checkout Started, checkout_started",
            "Signed Up, sign_up",
            "product_added, add_to_cart",
            "Newsletter Subscribed, newsletter_subscribed",
            "Video Playback Started, video_playback_started",
            "cartViewed, cart_viewed",
            "add_to_cart, add_to_cart",
            "'  Lead -- Qualified!  ', lead_qualified",
            "Step2Done, step2_done",
            "Über-Größe gewählt, über_größe_gewählt",
            "APIKey Created, apikey_created"})
    void eventNames(String segment, String tracker) {
        assertThat(TrackNames.of(segment)).isEqualTo(new Event(tracker));
    }

    @Test
    void aNameWithoutLettersOrDigitsMeansNothing() {
        assertThat(TrackNames.of(null)).isNull();
        assertThat(TrackNames.of("")).isNull();
        assertThat(TrackNames.of(" -- !! ")).isNull();
    }
}
