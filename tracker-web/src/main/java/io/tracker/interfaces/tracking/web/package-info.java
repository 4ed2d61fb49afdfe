/**
 * The tracking pages of the signed-in tenant: importing touchpoint and Google Analytics files
 * ({@code import.xhtml}) and tracked links with their short URLs and QR codes ({@code links.xhtml}).
 */
package io.tracker.interfaces.tracking.web;
