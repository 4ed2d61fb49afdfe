/** JSF backing beans of the audit capability: the tag-health page and the dashboard's alerts card. */
package io.tracker.interfaces.audit.web;
