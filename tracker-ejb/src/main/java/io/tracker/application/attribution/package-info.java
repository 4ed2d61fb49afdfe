/** Computing and storing attribution credits per conversion per model. */
package io.tracker.application.attribution;
