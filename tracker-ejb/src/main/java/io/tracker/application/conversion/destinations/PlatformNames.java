package io.tracker.application.conversion.destinations;

import io.tracker.domain.conversion.export.Platform;
import io.tracker.domain.shared.InvalidInputException;
import io.tracker.domain.shared.Text;
import java.util.Locale;

/**
 * The platforms' names in URLs and on pages: {@code google-ads}, {@code microsoft-ads}, {@code meta}
 * ({@link Platform#GOOGLE_ADS}, {@link Platform#MICROSOFT_ADS}, {@link Platform#META}).
 */
public final class PlatformNames {

    private PlatformNames() {
    }

    /** The URL name: {@code google-ads}, {@code microsoft-ads}, {@code meta}. */
    public static String path(Platform platform) {
        return platform.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** What a person reads: Google Ads, Microsoft Advertising, Meta. */
    public static String label(Platform platform) {
        return switch (platform) {
            case GOOGLE_ADS -> "Google Ads";
            case MICROSOFT_ADS -> "Microsoft Advertising";
            case META -> "Meta";
        };
    }

    /**
     * Reads a URL name.
     *
     * @throws InvalidInputException naming the parameter for anything else
     */
    public static Platform parse(String parameter, String text) {
        if (text != null) {
            for (Platform p : Platform.values()) {
                if (path(p).equals(text.trim().toLowerCase(Locale.ROOT))) {
                    return p;
                }
            }
        }
        throw new InvalidInputException("'" + parameter + "' must be google-ads, microsoft-ads or meta, not "
                + Text.echo(text));
    }
}
