package io.tracker.interfaces.tenant.rest;

import io.tracker.application.tenant.ApiKeyService;
import io.tracker.application.tenant.AuditLog;
import io.tracker.application.tenant.Caller;
import io.tracker.application.tenant.MembershipService;
import io.tracker.application.tenant.TenantService;
import io.tracker.domain.shared.InvalidInputException;
import io.tracker.domain.shared.Text;
import io.tracker.domain.tenant.ApiKey;
import io.tracker.domain.tenant.ApiKeyScope;
import io.tracker.domain.tenant.AuditEntry;
import io.tracker.domain.tenant.Tenant;
import io.tracker.domain.tenant.TenantMember;
import io.tracker.domain.tenant.TenantRole;
import io.tracker.interfaces.shared.rest.Problem;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The management API for agencies that automate client onboarding, for OpenID Connect access
 * tokens of agency admins (people, or a client-credentials service account). An agency only ever
 * sees and changes its own clients: any other tenant id answers 404.
 *
 * <ul>
 *   <li>{@code GET /api/v1/tenants}: the caller's clients; {@code POST}: create one
 *       ({@code {"name","time_zone","currency","website_domains":[],"industry","agency_id","phone_region"}}) → 201
 *       ({@code phone_region}: where phone numbers without a country code are read, default {@code US});</li>
 *   <li>{@code GET|POST /api/v1/tenants/{id}/keys}: list keys (never their secrets) / create one
 *       ({@code {"name","scopes":["read","write"]}}) → 201 with the secret, shown this once;</li>
 *   <li>{@code DELETE /api/v1/tenants/{id}/keys/{keyId}}: revoke → 204; refused at once afterwards;</li>
 *   <li>{@code GET|POST /api/v1/tenants/{id}/members}, {@code PUT|DELETE …/members/{email}}: users and roles;</li>
 *   <li>{@code GET /api/v1/tenants/{id}/audit}: the client's audit log, newest first.</li>
 * </ul>
 */
@Path("v1/tenants")
@AgencyApi
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@Consumes(MediaType.APPLICATION_JSON)
public class TenantsResource {

    @EJB
    private TenantService tenants;

    @EJB
    private ApiKeyService apiKeys;

    @EJB
    private MembershipService members;

    @EJB
    private AuditLog audit;

    @Inject
    private CurrentCaller currentCaller;

    @Context
    private UriInfo uriInfo;

    /** A client tenant on the wire. */
    public record ClientTenant(String id, String agencyId, String name, String timeZone, String currency,
                               List<String> websiteDomains, String industry, String phoneRegion, Instant createdAt) {
        static ClientTenant of(Tenant t) {
            return new ClientTenant(t.getId(), t.getAgencyId(), t.getName(), t.getTimeZone().getId(),
                    t.getCurrency().getCurrencyCode(), t.getWebsiteDomains(), t.getIndustry(), t.getPhoneRegion(),
                    t.getCreatedAt());
        }
    }

    /** Body of {@code POST /api/v1/tenants}. */
    public record NewClientTenant(String name, String timeZone, String currency, List<String> websiteDomains,
                                  String industry, String agencyId, String phoneRegion) {
    }

    /** An API key on the wire; {@code secret} only in the answer that creates it. */
    public record Key(long id, String name, String prefix, List<String> scopes, Instant createdAt,
                      Instant lastUsedAt, Instant revokedAt, String secret) {
        static Key of(ApiKey k, String secret) {
            return new Key(k.getId(), k.getName(), k.getKeyPrefix(),
                    k.getScopes().stream().map(s -> s.name().toLowerCase(Locale.ROOT)).sorted().toList(),
                    k.getCreatedAt(), k.getLastUsedAt(), k.getRevokedAt(), secret);
        }
    }

    /** Body of {@code POST /api/v1/tenants/{id}/keys}. */
    public record NewKey(String name, List<String> scopes) {
    }

    /** A member on the wire. */
    public record Member(String email, String role, boolean joined, Instant invitedAt) {
        static Member of(TenantMember m) {
            return new Member(m.getEmail(), m.getRole().name().toLowerCase(Locale.ROOT), m.hasJoined(), m.getInvitedAt());
        }
    }

    /** Body of {@code POST …/members} and {@code PUT …/members/{email}}. */
    public record MemberChange(String email, String role) {
    }

    /** An audit entry on the wire. */
    public record Audit(Instant at, String actor, String action, String target, String details) {
        static Audit of(AuditEntry e) {
            return new Audit(e.getAt(), e.getActor(), e.getAction(), e.getTarget(), e.getDetails());
        }
    }

    @GET
    public List<ClientTenant> list() {
        return tenants.clientsOf(caller()).stream().map(ClientTenant::of).toList();
    }

    @POST
    public Response create(NewClientTenant body) {
        NewClientTenant b = required(body);
        Tenant t = tenants.createClient(caller(), b.agencyId(), b.name(), b.timeZone(), b.currency(),
                b.websiteDomains(), b.industry(), b.phoneRegion());
        return Response.created(uriInfo.getAbsolutePathBuilder().path(t.getId()).build())
                .entity(ClientTenant.of(t)).build();
    }

    @GET
    @Path("{id}")
    public ClientTenant get(@PathParam("id") String id) {
        return ClientTenant.of(tenants.selectAdministeredClient(caller(), id));
    }

    @GET
    @Path("{id}/keys")
    public List<Key> keys(@PathParam("id") String id) {
        tenants.selectAdministeredClient(caller(), id);
        return apiKeys.list().stream().map(k -> Key.of(k, null)).toList();
    }

    @POST
    @Path("{id}/keys")
    public Response createKey(@PathParam("id") String id, NewKey body) {
        NewKey b = required(body);
        tenants.selectAdministeredClient(caller(), id);
        if (b.name() == null || b.name().isBlank() || b.name().length() > 200) {
            throw new InvalidInputException("name is required (at most 200 characters)");
        }
        Text.withoutNul("name", b.name());
        ApiKeyService.CreatedKey created = apiKeys.create(b.name().trim(), scopes(b.scopes()));
        return Response.created(uriInfo.getAbsolutePathBuilder().path(String.valueOf(created.key().getId())).build())
                .entity(Key.of(created.key(), created.secret().value())).build();
    }

    @DELETE
    @Path("{id}/keys/{keyId}")
    public Response revokeKey(@PathParam("id") String id, @PathParam("keyId") long keyId) {
        tenants.selectAdministeredClient(caller(), id);
        apiKeys.revoke(keyId);
        return Response.noContent().build();
    }

    @GET
    @Path("{id}/members")
    public List<Member> members(@PathParam("id") String id) {
        tenants.selectAdministeredClient(caller(), id);
        return members.list().stream().map(Member::of).toList();
    }

    @POST
    @Path("{id}/members")
    public Response invite(@PathParam("id") String id, MemberChange body) {
        MemberChange b = required(body);
        tenants.selectAdministeredClient(caller(), id);
        TenantMember m = members.invite(b.email(), role(b.role()));
        return Response.created(uriInfo.getAbsolutePathBuilder().path(m.getEmail()).build()).entity(Member.of(m)).build();
    }

    @PUT
    @Path("{id}/members/{email}")
    public Member changeRole(@PathParam("id") String id, @PathParam("email") String email, MemberChange body) {
        MemberChange b = required(body);
        tenants.selectAdministeredClient(caller(), id);
        return Member.of(members.changeRole(email, role(b.role())));
    }

    @DELETE
    @Path("{id}/members/{email}")
    public Response removeMember(@PathParam("id") String id, @PathParam("email") String email) {
        tenants.selectAdministeredClient(caller(), id);
        members.remove(email);
        return Response.noContent().build();
    }

    @GET
    @Path("{id}/audit")
    public List<Audit> audit(@PathParam("id") String id, @QueryParam("limit") Integer limit) {
        tenants.selectAdministeredClient(caller(), id);
        return audit.recent(limit == null ? 100 : limit).stream().map(Audit::of).toList();
    }

    private Caller caller() {
        return currentCaller.require();
    }

    private static <T> T required(T body) {
        if (body == null) {
            throw new InvalidInputException("a JSON body is required");
        }
        return body;
    }

    private static Set<ApiKeyScope> scopes(List<String> names) {
        if (names == null || names.isEmpty()) {
            throw new InvalidInputException("scopes is required: [\"read\"], [\"write\"] or both");
        }
        Set<ApiKeyScope> scopes = EnumSet.noneOf(ApiKeyScope.class);
        for (String n : names) {
            try {
                scopes.add(ApiKeyScope.valueOf(String.valueOf(n).trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("unknown scope '" + n + "'; use read or write");
            }
        }
        return scopes;
    }

    private static TenantRole role(String name) {
        String n = name == null ? "" : name.trim().toUpperCase(Locale.ROOT);
        if (!n.equals("ANALYST") && !n.equals("VIEWER")) {
            throw new InvalidInputException("role must be 'analyst' or 'viewer'; agency admins are agency members");
        }
        return TenantRole.valueOf(n);
    }
}
