/**
 * File imports: a touchpoint CSV in the common multi-touch layout and Google Analytics session
 * exports. Rows become the same validated events as the live API's.
 */
package io.tracker.application.tracking.imports;
