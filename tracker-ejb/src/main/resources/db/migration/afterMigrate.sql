-- Run by Flyway after every migrate (also when nothing was new), as the schema owner: grants the
-- application role (placeholder app_role: the role jdbc/tracker connects as, see DatabaseMigration)
-- what it needs and nothing more. Idempotent; a changed application role is granted at its first start.

grant usage on schema ${flyway:defaultSchema} to ${app_role};
grant select, insert, update, delete on all tables in schema ${flyway:defaultSchema} to ${app_role};
grant usage, select on all sequences in schema ${flyway:defaultSchema} to ${app_role};
-- Flyway's own history is the owner's business.
revoke all on ${flyway:defaultSchema}.${flyway:table} from ${app_role};

-- The cross-tenant functions of V3: for the application role only, not for everyone.
revoke execute on all functions in schema ${flyway:defaultSchema} from public;
grant execute on all functions in schema ${flyway:defaultSchema} to ${app_role};

-- Tables, sequences and functions of later migrations (created by this same owner) alike.
alter default privileges in schema ${flyway:defaultSchema}
    grant select, insert, update, delete on tables to ${app_role};
alter default privileges in schema ${flyway:defaultSchema}
    grant usage, select on sequences to ${app_role};
alter default privileges in schema ${flyway:defaultSchema}
    revoke execute on functions from public;
alter default privileges in schema ${flyway:defaultSchema}
    grant execute on functions to ${app_role};
