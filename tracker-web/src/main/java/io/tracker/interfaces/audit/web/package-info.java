/** The data-accuracy audit's pages: the audit ({@code /accuracy.xhtml}) and the imports on {@code /import.xhtml}. */
package io.tracker.interfaces.audit.web;
