/**
 * Call tracking's HTTP interface: the tag's number request ({@code GET /api/v1/dni/number}), the telephony
 * provider's webhook and the call log ({@code /api/v1/calls}), and the set-up of numbers, pools and the
 * webhook ({@code /api/v1/number-pools}, {@code /api/v1/tracking-numbers}, {@code /api/v1/call-webhook}).
 */
package io.tracker.interfaces.calltracking.rest;
