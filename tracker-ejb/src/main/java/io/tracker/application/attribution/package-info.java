/**
 * Computing and storing attribution credits per conversion per model, and path analyses: uploaded
 * path data with every model side by side ({@link io.tracker.application.attribution.PathAnalysisService}).
 */
package io.tracker.application.attribution;
