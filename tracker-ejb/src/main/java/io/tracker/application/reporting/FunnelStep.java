package io.tracker.application.reporting;

import java.io.Serializable;

/**
 * A step of the dashboard's funnel.
 *
 * @param name     "Visits", a micro conversion action's name, or "Macro conversions"
 * @param count    visits, or counted conversions of the step's actions, in the period
 * @param fromPrevious this step's count ÷ the previous step's (the share that went on; null for the first step or
 *                 after an empty step)
 */
public record FunnelStep(String name, long count, Double fromPrevious) implements Serializable {

    /** 1 − {@link #fromPrevious}: the share lost on the way to this step; null where that is. */
    public Double dropOff() {
        return fromPrevious == null ? null : 1 - fromPrevious;
    }
}
