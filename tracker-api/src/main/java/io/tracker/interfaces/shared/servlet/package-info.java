/**
 * Plain servlets of the API module outside JAX-RS: {@code GET /v1/ping} (the benchmarks' baseline),
 * {@code GET /}, which sends browsers on to the UI's landing page, and the module's error page.
 */
package io.tracker.interfaces.shared.servlet;
