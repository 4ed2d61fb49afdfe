/** REST resources of the audit capability: tag health ({@code /api/v1/audits/tag-health}) and alerts. */
package io.tracker.interfaces.audit.rest;
