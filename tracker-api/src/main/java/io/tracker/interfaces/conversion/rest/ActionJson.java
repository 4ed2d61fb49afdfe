package io.tracker.interfaces.conversion.rest;

import io.tracker.domain.conversion.ActionSettings;
import io.tracker.domain.conversion.ActionStatus;
import io.tracker.domain.conversion.ActionTrigger;
import io.tracker.domain.conversion.ActionValue;
import io.tracker.domain.conversion.ConversionAction;
import io.tracker.domain.conversion.ConversionCategory;
import io.tracker.domain.conversion.CountingMode;
import io.tracker.domain.conversion.JourneyStart;
import io.tracker.domain.conversion.TriggerType;
import io.tracker.domain.conversion.UrlMatch;
import io.tracker.domain.conversion.UrlRule;
import io.tracker.domain.conversion.ValueSource;
import io.tracker.domain.shared.InvalidInputException;
import io.tracker.domain.shared.Text;
import io.tracker.interfaces.shared.rest.StrictJson;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Currency;
import java.util.Locale;
import java.util.Set;

/**
 * A conversion action as JSON, both ways (the shape {@link ConversionActionsResource} documents). Reading
 * starts from a base ({@link ActionSettings#basic defaults} for POST and PUT, the current settings for
 * PATCH) and replaces what the body names: {@code trigger} as a whole, {@code value} field by field.
 * Every mistake is an {@link InvalidInputException} naming the field; unknown fields are refused too, so a
 * misspelt {@code lookback_day} is not silently ignored.
 */
final class ActionJson {

    private static final Set<String> FIELDS = Set.of("key", "name", "category", "trigger", "value", "default_value",
            "counting", "lookback_days", "view_through_days", "journey_start", "status");
    private static final Set<String> TRIGGER_FIELDS = Set.of("type", "event", "url_match", "url_pattern", "min_seconds");
    private static final Set<String> VALUE_FIELDS = Set.of("source", "default", "currency");

    private ActionJson() {
    }

    /** The body as one JSON object. */
    static JsonObject object(byte[] body) {
        JsonValue root;
        try {
            root = StrictJson.read(body == null ? new byte[0] : body);
        } catch (StrictJson.MalformedJsonException e) {
            throw new InvalidInputException("the body is not JSON: " + e.getMessage());
        }
        if (!(root instanceof JsonObject o)) {
            throw new InvalidInputException("the body must be a JSON object");
        }
        onlyKnown(o, FIELDS, "");
        return o;
    }

    /** The key of a POST body: required. */
    static String key(JsonObject o) {
        String key = string(o, "key");
        if (key == null) {
            throw new InvalidInputException("key is required: 1 to 64 of a-z, 0-9, '_' or '-', such as 'purchase'");
        }
        return key.strip();
    }

    /** The settings: {@code base} with what the body names replaced, checked. */
    static ActionSettings settings(JsonObject o, ActionSettings base) {
        String name = string(o, "name");
        return new ActionSettings(name == null ? base.name() : name,
                o.containsKey("category") ? parse(ConversionCategory.class, "category", o) : base.category(),
                o.containsKey("trigger") ? trigger(o.get("trigger")) : base.trigger(),
                value(o, base.value()),
                o.containsKey("counting") ? parse(CountingMode.class, "counting", o) : base.counting(),
                o.containsKey("lookback_days") ? whole(o, "lookback_days", "") : base.lookbackDays(),
                o.containsKey("view_through_days") ? whole(o, "view_through_days", "") : base.viewThroughDays(),
                o.containsKey("journey_start") ? parse(JourneyStart.class, "journey_start", o) : base.journeyStart(),
                o.containsKey("status") ? parse(ActionStatus.class, "status", o) : base.status());
    }

    /** The action on the wire. */
    static JsonObjectBuilder view(ConversionAction a) {
        ActionTrigger t = a.trigger();
        JsonObjectBuilder trigger = StrictJson.PROVIDER.createObjectBuilder().add("type", lower(t.type()));
        switch (t.type()) {
            case EVENT -> trigger.add("event", t.eventName(a.getKey()));
            case URL -> trigger.add("url_match", lower(t.url().match())).add("url_pattern", t.url().pattern());
            case CALL -> trigger.add("min_seconds", t.callMinSeconds());
            case OFFLINE -> {
                // nothing more: offline conversions name the action themselves
            }
        }
        ActionValue v = a.value();
        JsonObjectBuilder value = StrictJson.PROVIDER.createObjectBuilder().add("source", lower(v.source()))
                .add("default", v.defaultValue());
        if (v.currency() == null) {
            value.addNull("currency");
        } else {
            value.add("currency", v.currency().getCurrencyCode());
        }
        return StrictJson.PROVIDER.createObjectBuilder()
                .add("id", a.getId()).add("key", a.getKey()).add("name", a.getName())
                .add("category", lower(a.getCategory())).add("trigger", trigger).add("value", value)
                .add("default_value", v.defaultValue()).add("counting", lower(a.getCounting()))
                .add("lookback_days", a.getLookbackDays()).add("view_through_days", a.getViewThroughDays())
                .add("journey_start", lower(a.getJourneyStart())).add("status", lower(a.getStatus()));
    }

    private static ActionTrigger trigger(JsonValue json) {
        if (!(json instanceof JsonObject t)) {
            throw new InvalidInputException("trigger must be an object such as {\"type\":\"event\",\"event\":\"Order Completed\"}");
        }
        onlyKnown(t, TRIGGER_FIELDS, "trigger.");
        if (!t.containsKey("type")) {
            throw new InvalidInputException("trigger.type is required: event, url, call or offline");
        }
        TriggerType type = parse(TriggerType.class, "trigger.type", t, "type");
        UrlRule url = type == TriggerType.URL ? UrlRule.of(t.containsKey("url_match")
                ? parse(UrlMatch.class, "trigger.url_match", t, "url_match") : null, string(t, "url_pattern", "trigger."))
                : null;
        Integer minSeconds = type == TriggerType.CALL && t.containsKey("min_seconds") && !isNull(t, "min_seconds")
                ? whole(t, "min_seconds", "trigger.") : null;
        return new ActionTrigger(type, type == TriggerType.EVENT ? string(t, "event", "trigger.") : null, url, minSeconds);
    }

    private static ActionValue value(JsonObject o, ActionValue base) {
        ValueSource source = base.source();
        BigDecimal defaultValue = base.defaultValue();
        Currency currency = base.currency();
        if (o.containsKey("default_value")) {
            defaultValue = number(o, "default_value", "");
        }
        if (o.containsKey("value")) {
            if (!(o.get("value") instanceof JsonObject v)) {
                throw new InvalidInputException("value must be an object such as {\"source\":\"event\",\"default\":0,"
                        + "\"currency\":null}");
            }
            onlyKnown(v, VALUE_FIELDS, "value.");
            if (v.containsKey("source")) {
                source = parse(ValueSource.class, "value.source", v, "source");
            }
            if (v.containsKey("default")) {
                defaultValue = number(v, "default", "value.");
            }
            if (v.containsKey("currency")) {
                currency = ActionValue.currency(string(v, "currency", "value."));
            }
        }
        return new ActionValue(source, defaultValue, currency);
    }

    private static void onlyKnown(JsonObject o, Set<String> known, String prefix) {
        for (String field : o.keySet()) {
            if (!known.contains(field)) {
                throw new InvalidInputException(prefix + Text.echo(field) + " is not a field of a conversion action; "
                        + "known: " + known.stream().sorted().map(f -> prefix + f).toList());
            }
        }
    }

    private static boolean isNull(JsonObject o, String field) {
        return o.get(field) == null || o.get(field).getValueType() == JsonValue.ValueType.NULL;
    }

    private static String string(JsonObject o, String field) {
        return string(o, field, "");
    }

    private static String string(JsonObject o, String field, String prefix) {
        if (isNull(o, field)) {
            return null;
        }
        if (!(o.get(field) instanceof JsonString s)) {
            throw new InvalidInputException(prefix + field + " must be a string");
        }
        return s.getString();
    }

    private static int whole(JsonObject o, String field, String prefix) {
        if (o.get(field) instanceof JsonNumber n && n.isIntegral()) {
            try {
                return n.intValueExact();
            } catch (ArithmeticException e) {
                // out of int range: answered below
            }
        }
        throw new InvalidInputException(prefix + field + " must be a whole number, not " + Text.echo(String.valueOf(o.get(field))));
    }

    private static BigDecimal number(JsonObject o, String field, String prefix) {
        if (isNull(o, field)) {
            return BigDecimal.ZERO;
        }
        if (!(o.get(field) instanceof JsonNumber n)) {
            throw new InvalidInputException(prefix + field + " must be a number such as 12.50");
        }
        BigDecimal v = n.bigDecimalValue();
        if (v.scale() > 20) {
            throw new InvalidInputException(prefix + field + " has more than 20 decimal places");
        }
        return v;
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String field, JsonObject o) {
        return parse(type, field, o, field);
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String field, JsonObject o, String member) {
        String text = isNull(o, member) ? null : o.get(member) instanceof JsonString s ? s.getString() : o.get(member).toString();
        try {
            return Enum.valueOf(type, String.valueOf(text).strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field + " must be one of " + Arrays.stream(type.getEnumConstants())
                    .map(ActionJson::lower).toList() + ", not " + Text.echo(text));
        }
    }

    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }
}
