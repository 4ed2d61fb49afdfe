/** REST API of SMS cart recovery: flows, carts, the report, erasure, and the SMS platform's webhook. */
package io.tracker.interfaces.recovery.rest;
