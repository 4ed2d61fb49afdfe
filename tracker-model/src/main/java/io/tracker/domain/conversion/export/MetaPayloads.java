package io.tracker.domain.conversion.export;

import java.util.List;

/** SCRATCH STUB (reverted before merging branch export). */
public final class MetaPayloads {
    private MetaPayloads() {
    }

    public static String events(List<OutgoingConversion> rows, String testEventCode) {
        StringBuilder b = new StringBuilder("{\"data\":[");
        for (int i = 0; i < rows.size(); i++) {
            OutgoingConversion c = rows.get(i);
            b.append(i == 0 ? "" : ",").append("{\"event_name\":\"").append(c.platformName())
                    .append("\",\"event_time\":").append(c.convertedAt().getEpochSecond())
                    .append(c.eventId() == null ? "" : ",\"event_id\":\"" + c.eventId() + "\"")
                    .append(",\"action_source\":\"").append(c.actionSource()).append("\",\"user_data\":{");
            if (c.clicks().fbclid() != null) {
                long ms = (c.clickedAt() == null ? c.convertedAt() : c.clickedAt()).toEpochMilli();
                b.append("\"fbc\":\"fb.1.").append(ms).append('.').append(c.clicks().fbclid()).append('"');
            }
            b.append("},\"custom_data\":{\"value\":").append(c.value().toPlainString()).append(",\"currency\":\"")
                    .append(c.currency().toLowerCase()).append("\"}}");
        }
        b.append(']');
        if (testEventCode != null) {
            b.append(",\"test_event_code\":\"").append(testEventCode).append('"');
        }
        return b.append('}').toString();
    }
}
