/**
 * The tracking pages of the signed-in tenant: importing touchpoint and Google Analytics files
 * ({@code import.xhtml}), the set-up page of the tenant's websites with their tag snippets
 * ({@code sites.xhtml}) and tracked links with their short URLs and QR codes ({@code links.xhtml}).
 */
package io.tracker.interfaces.tracking.web;
