/** Conversion actions and recorded conversions over HTTP. */
package io.tracker.interfaces.conversion.rest;
