package io.tracker.domain.shared;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * Maps {@link Instant} attributes to {@code timestamptz} columns. EclipseLink 4.0 (Payara 6)
 * would otherwise serialise an {@code Instant} as bytes; a {@link Timestamp} is an instant too,
 * and the PostgreSQL driver binds it to {@code timestamptz} independently of the JVM's zone.
 */
@Converter(autoApply = true)
public class InstantConverter implements AttributeConverter<Instant, Timestamp> {

    @Override
    public Timestamp convertToDatabaseColumn(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    @Override
    public Instant convertToEntityAttribute(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
