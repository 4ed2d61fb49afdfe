/**
 * The tracking pages: the import page (uploading touchpoint and Google Analytics files for the signed-in
 * tenant) and the set-up page of the tenant's websites with their tag snippets ({@code /app/sites.xhtml}).
 */
package io.tracker.interfaces.tracking.web;
