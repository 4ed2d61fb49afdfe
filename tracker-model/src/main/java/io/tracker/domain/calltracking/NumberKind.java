package io.tracker.domain.calltracking;

/**
 * The kinds of tracking number (column {@code tracking_number.kind}).
 *
 * <ul>
 *   <li>{@code OFFLINE}: tied to one campaign (a radio ad, a flyer, a listing); its calls are the campaign's;</li>
 *   <li>{@code SOURCE}: shown, instead of a pool's business number, to every visitor of one source / medium
 *       (all google / cpc visitors); its calls are that source's;</li>
 *   <li>{@code POOL}: one of a pool's dynamic numbers, held by one visitor session at a time (DNI); its calls
 *       are the session's that held it when the call started.</li>
 * </ul>
 */
public enum NumberKind {
    OFFLINE,
    SOURCE,
    POOL
}
