package io.tracker.application.reporting;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The portfolio's derived figures: a change against the previous period and the agency's median. */
public final class PortfolioFigures {

    private PortfolioFigures() {
    }

    /**
     * The relative change from {@code previous} to {@code current}, (current − previous) ÷ previous, as a
     * fraction (0.5 is +50 %).
     *
     * @return empty when it cannot be computed: the previous period's figure is 0
     */
    public static Optional<Double> change(double current, double previous) {
        return previous == 0 ? Optional.empty() : Optional.of((current - previous) / previous);
    }

    /**
     * The median: the middle value of the sorted values, or the mean of the two middle ones for an even count.
     *
     * @return empty for no values
     */
    public static Optional<Double> median(List<Double> values) {
        if (values.isEmpty()) {
            return Optional.empty();
        }
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return Optional.of(n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2);
    }

    /**
     * The currency most of the clients report in, ties to the first code alphabetically: the one the
     * revenue median is taken in (amounts in different currencies are not comparable).
     *
     * @return empty for no clients
     */
    public static <T> Optional<String> mostCommonCurrency(List<T> clients, Function<T, String> currency) {
        Map<String, Long> counts = clients.stream().collect(Collectors.groupingBy(currency, Collectors.counting()));
        return counts.entrySet().stream()
                .min(Comparator.<Map.Entry<String, Long>>comparingLong(e -> -e.getValue()).thenComparing(Map.Entry::getKey))
                .map(Map.Entry::getKey);
    }
}
