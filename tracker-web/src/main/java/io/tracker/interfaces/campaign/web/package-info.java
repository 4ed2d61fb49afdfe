/**
 * The campaigns page: the selected client's campaigns, read by everyone who reads its reports,
 * changed by analysts and agency admins through {@code CampaignService}.
 */
package io.tracker.interfaces.campaign.web;
