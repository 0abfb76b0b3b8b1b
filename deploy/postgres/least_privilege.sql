-- Least privilege for the role the application connects as (see docs/security.md).
--
-- Two roles: the OWNER owns the schema and runs `zow db upgrade`; the APPLICATION role is
-- what DATABASE_URL of the web workers and the scheduler uses. The application role may
-- read and write the ordinary tables, but may only add to and read the audit trail: no
-- UPDATE, DELETE or TRUNCATE on audit_events, so the append-only promise holds in the
-- database too, not just in the code. It cannot create or alter tables.
--
-- Run as the owner, after every `zow db upgrade` (new tables need their grants):
--   psql "postgresql://OWNER@HOST/DB" -v app_role=zow_app -v app_password=SECRET \
--        -f deploy/postgres/least_privilege.sql
-- Without app_password the role is created without one (for peer or certificate login).
-- CI runs this script on PostgreSQL: tests/models/test_database_role.py.

\set ON_ERROR_STOP on

SELECT format('CREATE ROLE %I LOGIN', :'app_role')
 WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'app_role') \gexec

\if :{?app_password}
ALTER ROLE :"app_role" PASSWORD :'app_password';
\endif

-- Nobody but the owner creates objects in the schema (the default before PostgreSQL 15).
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
SELECT format('GRANT CONNECT ON DATABASE %I TO %I', current_database(), :'app_role') \gexec
GRANT USAGE ON SCHEMA public TO :"app_role";

GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO :"app_role";
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO :"app_role";

-- The audit trail is append-only: add and read, never change or remove.
REVOKE UPDATE, DELETE, TRUNCATE ON audit_events FROM :"app_role";

-- The schema version is the owner's: the application only reads it (`zow run` checks it).
SELECT format('REVOKE INSERT, UPDATE, DELETE ON alembic_version FROM %I', :'app_role')
 WHERE to_regclass('public.alembic_version') IS NOT NULL \gexec
