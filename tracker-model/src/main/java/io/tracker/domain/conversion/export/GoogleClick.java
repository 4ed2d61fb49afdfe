package io.tracker.domain.conversion.export;

import java.util.Optional;

/**
 * The one Google click id a conversion goes to Google Ads with. Google takes exactly one of {@code gclid},
 * {@code gbraid} and {@code wbraid} per conversion ({@code ClickConversion}'s click ids; the API rejects two
 * with {@code GBRAID_WBRAID_BOTH_SET}, "Can't use both gbraid and wbraid parameters",
 * https://developers.google.com/google-ads/api/reference/rpc/v26/ConversionUploadErrorEnum.ConversionUploadError;
 * Google's import templates likewise take one click id a row, https://support.google.com/google-ads/answer/7014069).
 * When several are known the {@code gclid} wins (it identifies the click itself; the braids are the aggregated
 * iOS stand-ins for it), then {@code gbraid} (app), then {@code wbraid} (web).
 *
 * @param field the field's name as Google spells it: {@code gclid}, {@code gbraid} or {@code wbraid}
 * @param value the click id, unchanged
 */
public record GoogleClick(String field, String value) {

    /** The preferred Google click id of these clicks; empty when none is known (blank counts as unknown). */
    public static Optional<GoogleClick> of(OutgoingConversion.Clicks clicks) {
        if (clicks == null) {
            return Optional.empty();
        }
        if (known(clicks.gclid())) {
            return Optional.of(new GoogleClick("gclid", clicks.gclid()));
        }
        if (known(clicks.gbraid())) {
            return Optional.of(new GoogleClick("gbraid", clicks.gbraid()));
        }
        if (known(clicks.wbraid())) {
            return Optional.of(new GoogleClick("wbraid", clicks.wbraid()));
        }
        return Optional.empty();
    }

    private static boolean known(String id) {
        return id != null && !id.isBlank();
    }
}
