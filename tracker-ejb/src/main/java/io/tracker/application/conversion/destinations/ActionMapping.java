package io.tracker.application.conversion.destinations;

/**
 * One conversion action that goes out to a destination, and its name there.
 *
 * @param action the Tracker conversion action's key ({@code purchase})
 * @param name   the platform's name for it: Google's conversion action resource name
 *               ({@code customers/123/conversionActions/456}) for the API, or its name in uploaded files;
 *               Microsoft's conversion goal name; Meta's event name ({@code Purchase}); 1 to 200 characters
 */
public record ActionMapping(String action, String name) {
}
