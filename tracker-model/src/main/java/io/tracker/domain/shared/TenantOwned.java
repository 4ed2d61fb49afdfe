package io.tracker.domain.shared;

import jakarta.persistence.MappedSuperclass;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/**
 * Base of every tenant-owned entity: the one place where tenant isolation is declared.
 *
 * <p>EclipseLink adds {@code tenant_id = :current} to every SELECT, UPDATE and DELETE of a
 * subclass and fills the column on INSERT, from the persistence-context property
 * {@value #TENANT_PROPERTY}. The application tier sets that property once per business call
 * (see {@code io.tracker.application.tenant.TenantFilter}); without it EclipseLink refuses to
 * run the query, so a forgotten tenant fails closed instead of leaking rows. {@code tenant_id}
 * is the leading column of every primary key, so the schema can be distributed by tenant.
 */
@MappedSuperclass
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = TenantOwned.TENANT_PROPERTY, primaryKey = true)
public abstract class TenantOwned {

    /** Persistence-context property holding the current tenant id. */
    public static final String TENANT_PROPERTY = "eclipselink.tenant-id";
}
