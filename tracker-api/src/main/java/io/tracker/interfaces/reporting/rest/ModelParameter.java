package io.tracker.interfaces.reporting.rest;

import io.tracker.domain.attribution.AttributionModel;
import io.tracker.domain.shared.InvalidInputException;
import io.tracker.domain.shared.Text;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The {@code model} parameter of the report API. */
final class ModelParameter {

    private ModelParameter() {
    }

    /**
     * @throws InvalidInputException (400) when absent or not one of the models' API names
     */
    static AttributionModel required(String model) {
        if (model == null || model.isBlank()) {
            throw new InvalidInputException("'model' is required: one of " + names());
        }
        try {
            return AttributionModel.fromApiName(model);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("unknown attribution model " + Text.echo(model) + "; expected one of "
                    + names());
        }
    }

    static String names() {
        return Arrays.stream(AttributionModel.values()).map(AttributionModel::apiName).collect(Collectors.joining(", "));
    }
}
