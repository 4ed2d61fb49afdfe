/**
 * The reporting pages: the dashboard of the selected client (KPIs, attribution by channel, its
 * chart and the comparison of the four models) and the agency admins' portfolio of all their
 * clients' KPIs. Backing beans here only call {@code ReportService} and shape its projections for
 * the page; figures are formatted by {@code io.tracker.interfaces.shared.web.Formats}.
 */
package io.tracker.interfaces.reporting.web;
