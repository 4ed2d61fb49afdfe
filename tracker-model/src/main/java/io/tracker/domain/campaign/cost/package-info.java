/**
 * Ad cost per campaign per day as the advertising platforms export it: which export a header line is
 * ({@link io.tracker.domain.campaign.cost.CostLayout}), and how its rows read
 * ({@link io.tracker.domain.campaign.cost.CostRowReader}). Pure: no persistence, no clock of its own.
 */
package io.tracker.domain.campaign.cost;
