/** The import page: uploading touchpoint and Google Analytics files for the signed-in tenant. */
package io.tracker.interfaces.tracking.web;
