/**
 * The tracked-link redirect {@code GET /c/{code}}: a plain asynchronous servlet of the API module (no
 * sign-in mechanism, no session), which records the click through the collection core and redirects
 * to the link's destination with {@code trk=<click id>}.
 */
package io.tracker.interfaces.tracking.links;
