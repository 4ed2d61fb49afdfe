package io.tracker.domain.conversion;

/** Macro conversions make money (purchase, signed contract); micro conversions lead there (add to cart, signup). */
public enum ConversionCategory {
    MACRO,
    MICRO
}
