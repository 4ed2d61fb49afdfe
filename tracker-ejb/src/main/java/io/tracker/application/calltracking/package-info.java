/**
 * Call tracking (issue #9): tracking numbers and number pools ({@link io.tracker.application.calltracking.CallTrackingSetupService}),
 * dynamic number insertion for the tag ({@link io.tracker.application.calltracking.NumberAssignmentService}: one live
 * session per pool number, held exclusively across servers) and the calls the telephony provider reports
 * ({@link io.tracker.application.calltracking.CallService}), which join the journeys and attribution like clicks.
 */
package io.tracker.application.calltracking;
