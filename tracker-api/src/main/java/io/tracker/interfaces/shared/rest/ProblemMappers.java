package io.tracker.interfaces.shared.rest;

import io.tracker.application.tenant.CurrentTenant;
import io.tracker.domain.shared.ConflictException;
import io.tracker.domain.shared.ContentTooLargeException;
import io.tracker.domain.shared.DomainException;
import io.tracker.domain.shared.ForbiddenException;
import io.tracker.domain.shared.InvalidInputException;
import io.tracker.domain.shared.NotFoundException;
import io.tracker.domain.shared.RuleViolationException;
import io.tracker.application.shared.DatabaseOutage;
import jakarta.ejb.EJBException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every error leaves the API as problem+json: domain exceptions by their meaning, JAX-RS's own
 * (404 for an unknown path, 405, 415 …) with their status, an unreachable database
 * ({@link DatabaseOutage}) as 503 with {@code Retry-After}, anything else as a 500 that says
 * nothing about the inside (the stack trace goes to the server log only).
 */
public final class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class.getName());

    private ProblemMappers() {
    }

    static Response forDomain(DomainException e) {
        if (e instanceof NotFoundException) {
            return Problem.of(Response.Status.NOT_FOUND, e.getMessage());
        }
        if (e instanceof ForbiddenException) {
            return Problem.of(Response.Status.FORBIDDEN, e.getMessage());
        }
        if (e instanceof ConflictException) {
            return Problem.of(Response.Status.CONFLICT, e.getMessage());
        }
        if (e instanceof RuleViolationException) {
            return Problem.of(422, e.getMessage());
        }
        if (e instanceof ContentTooLargeException) {
            return Problem.of(413, e.getMessage());
        }
        if (e instanceof InvalidInputException) {
            return Problem.of(Response.Status.BAD_REQUEST, e.getMessage());
        }
        if (e instanceof CurrentTenant.NoTenantException) {
            return Problem.of(Response.Status.UNAUTHORIZED, "this request needs credentials");
        }
        return Problem.of(Response.Status.BAD_REQUEST, e.getMessage());
    }

    /** Domain exceptions thrown directly by resources. */
    @Provider
    public static class DomainExceptionMapper implements ExceptionMapper<DomainException> {
        @Override
        public Response toResponse(DomainException e) {
            return forDomain(e);
        }
    }

    /** Exceptions from EJBs arrive wrapped; unwrap a domain exception, hide anything else. */
    @Provider
    public static class EjbExceptionMapper implements ExceptionMapper<EJBException> {
        @Override
        public Response toResponse(EJBException e) {
            Throwable cause = e;
            while (cause != null) {
                if (cause instanceof DomainException d) {
                    return forDomain(d);
                }
                cause = cause.getCause();
            }
            if (DatabaseOutage.isCause(e)) {
                return databaseUnavailable(e);
            }
            return internal(e);
        }
    }

    @Provider
    public static class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (status >= 500) {
                return internal(e);
            }
            String detail = e.getMessage() == null || e.getMessage().startsWith("HTTP ")
                    ? Response.Status.fromStatusCode(status) == null ? "request failed"
                    : Response.Status.fromStatusCode(status).getReasonPhrase()
                    : e.getMessage();
            return Problem.of(status, detail);
        }
    }

    @Provider
    public static class UnexpectedExceptionMapper implements ExceptionMapper<RuntimeException> {
        @Override
        public Response toResponse(RuntimeException e) {
            if (e instanceof DomainException d) {
                return forDomain(d);
            }
            if (e instanceof EJBException ejb) {
                return new EjbExceptionMapper().toResponse(ejb);
            }
            if (e instanceof WebApplicationException w) {
                return new WebApplicationExceptionMapper().toResponse(w);
            }
            if (DatabaseOutage.isCause(e)) {
                return databaseUnavailable(e);
            }
            if (isUnreadableJson(e)) {
                return Problem.of(Response.Status.BAD_REQUEST, "malformed JSON body: it is not valid JSON, or its fields "
                        + "do not have the types this request expects (see the API documentation)");
            }
            return internal(e);
        }
    }

    /** A request body that JSON-B could not read (Jersey reports it as a ProcessingException). */
    static boolean isUnreadableJson(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof jakarta.json.bind.JsonbException || t instanceof jakarta.json.JsonException) {
                return true;
            }
        }
        return false;
    }


    /**
     * 503 with {@code Retry-After} ({@link DatabaseOutage#RETRY_AFTER_SECONDS}). Logged without the
     * stack trace: during an outage every request fails the same way.
     */
    static Response databaseUnavailable(Throwable e) {
        LOG.warning(() -> "the database is unreachable, answering 503: " + e);
        Response problem = Problem.of(Response.Status.SERVICE_UNAVAILABLE, "Tracker's database cannot be reached at "
                + "the moment; try again in " + DatabaseOutage.RETRY_AFTER_SECONDS + " seconds (sending the same "
                + "events or file again stores nothing twice)");
        return Response.fromResponse(problem).header(HttpHeaders.RETRY_AFTER, DatabaseOutage.RETRY_AFTER_SECONDS)
                .build();
    }

    static Response internal(Throwable e) {
        LOG.log(Level.SEVERE, "unexpected error in the API", e);
        return Problem.of(Response.Status.INTERNAL_SERVER_ERROR,
                "the server failed to handle this request; nothing was stored");
    }
}
