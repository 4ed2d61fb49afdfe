/** Managing the tenant's conversion actions. */
package io.tracker.application.conversion;
