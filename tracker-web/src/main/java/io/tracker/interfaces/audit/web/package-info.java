/**
 * The audit capability's pages: the data-accuracy audit ({@code /accuracy.xhtml}, its imports on
 * {@code /import.xhtml}), the tag-health page and the dashboard's alerts card.
 */
package io.tracker.interfaces.audit.web;
