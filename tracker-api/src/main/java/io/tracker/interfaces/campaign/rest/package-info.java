/** Campaigns API: the tenant's campaigns, read by members and keys, changed by analysts and agency admins. */
package io.tracker.interfaces.campaign.rest;
