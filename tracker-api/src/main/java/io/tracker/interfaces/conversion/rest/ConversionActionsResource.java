package io.tracker.interfaces.conversion.rest;

import io.tracker.application.conversion.ConversionActionService;
import io.tracker.domain.conversion.ConversionAction;
import io.tracker.domain.conversion.ConversionCategory;
import io.tracker.domain.conversion.CountingMode;
import io.tracker.domain.shared.InvalidInputException;
import io.tracker.domain.shared.NotFoundException;
import io.tracker.domain.tenant.ApiKeyScope;
import io.tracker.interfaces.shared.rest.Problem;
import io.tracker.interfaces.tenant.rest.TenantApi;
import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * {@code /api/v1/conversion-actions}: what the tenant counts as a conversion. POST body
 * {@code {"key","name","category":"macro|micro","default_value":0,"counting":"every|one"}}; creating
 * needs an analyst's or agency admin's token.
 */
@Path("v1/conversion-actions")
@TenantApi(ApiKeyScope.READ)
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@Consumes(MediaType.APPLICATION_JSON)
public class ConversionActionsResource {

    @EJB
    private ConversionActionService actions;

    @Context
    private UriInfo uriInfo;

    /** A conversion action on the wire. */
    public record ActionView(long id, String key, String name, String category, BigDecimal defaultValue,
                             String counting) {
        static ActionView of(ConversionAction a) {
            return new ActionView(a.getId(), a.getKey(), a.getName(), a.getCategory().name().toLowerCase(Locale.ROOT),
                    a.getDefaultValue(), a.getCounting().name().toLowerCase(Locale.ROOT));
        }
    }

    /** Body of POST. */
    public record NewAction(String key, String name, String category, BigDecimal defaultValue, String counting) {
    }

    @GET
    public List<ActionView> list() {
        return actions.list().stream().map(ActionView::of).toList();
    }

    @GET
    @Path("{id}")
    public ActionView get(@PathParam("id") long id) {
        return actions.list().stream().filter(a -> a.getId() == id).findFirst().map(ActionView::of)
                .orElseThrow(() -> new NotFoundException("no conversion action " + id));
    }

    @POST
    public Response create(NewAction body) {
        if (body == null) {
            throw new InvalidInputException("a JSON body is required");
        }
        String key = body.key() == null ? "" : body.key().trim();
        if (!key.matches("[a-z0-9_\\-]{1,64}")) {
            throw new InvalidInputException("key must be 1 to 64 of a-z, 0-9, '_' or '-', such as 'purchase'");
        }
        String name = body.name() == null || body.name().isBlank() ? key : body.name().trim();
        BigDecimal value = body.defaultValue() == null ? BigDecimal.ZERO : body.defaultValue();
        if (value.signum() < 0) {
            throw new InvalidInputException("default_value must not be negative");
        }
        ConversionAction a = actions.create(key, name, parse(ConversionCategory.class, "category", body.category()),
                value.setScale(2, java.math.RoundingMode.HALF_UP),
                parse(CountingMode.class, "counting", body.counting() == null ? "every" : body.counting()));
        return Response.created(uriInfo.getAbsolutePathBuilder().path(String.valueOf(a.getId())).build())
                .entity(ActionView.of(a)).build();
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String field, String value) {
        try {
            return Enum.valueOf(type, String.valueOf(value).trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field + " must be one of " + java.util.Arrays.stream(type.getEnumConstants())
                    .map(c -> c.name().toLowerCase(Locale.ROOT)).toList() + ", not '" + value + "'");
        }
    }
}
