package io.tracker.application.reporting.schedules;

import java.util.List;

/**
 * A new schedule as given (unchecked: {@link ReportScheduleService#create} checks it).
 *
 * @param recipients 1 to 20 e-mail addresses
 * @param frequency  {@code weekly} or {@code monthly}
 * @param model      an attribution model's API name; null: {@code last_touch}
 * @param sendHour   0..23 in the client's time zone; null: 8
 */
public record ScheduleChange(List<String> recipients, String frequency, String model, Integer sendHour) {
}
