"""Database triggers that keep `spatial_claimgeometry` equal to the active proposals'
geometry in ANALYSIS_SRID, and drop the cluster membership of a deleted proposal (both
tables have no foreign keys; see docs/adr/0006-claim-geometry.md).

Triggers, not hooks: imports, the demo generator and SQL bulk loads write proposals
without the proposal services, and the full recompute must see them all. The triggers
are statement-level with transition tables, so a bulk load of a million rows costs one
set-based INSERT ... SELECT, not a million trigger calls. The SRID is written into the
function when it is created (by migration 0004, and again by `recluster --reindex` after
ANALYSIS_SRID changed).
"""

FUNCTION = "spatial_claim_geometry_sync"
TABLE = "spatial_claimgeometry"

# Which proposals are claims that cluster: active and drawn. A claim about a whole district
# or the city is context for clusters, never a member (docs/adr/0008-claim-scope.md).
# `{row}` is the alias of the proposal row.
CLUSTERED = "{row}status = 'active' AND {row}scope = 'drawn'"
# Before proposals had a scope (migration spatial 0004 runs before proposals 0004 adds it).
CLUSTERED_BEFORE_SCOPES = "{row}status = 'active'"


def clustered(row: str = "", condition: str = CLUSTERED) -> str:
    """The SQL condition that a proposal (alias `row`, e.g. "p") is a clustered claim."""
    return condition.format(row=f"{row}." if row else "")


def install_sql(srid: int, condition: str = CLUSTERED) -> list[str]:
    """Statements that (re)create the function and its triggers for `srid`."""
    srid = int(srid)
    return [
        f"""
CREATE OR REPLACE FUNCTION {FUNCTION}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'TRUNCATE' THEN
        -- DELETE, not TRUNCATE: the statement that fired this may be truncating them too
        DELETE FROM {TABLE};
        DELETE FROM spatial_clustermember;
        RETURN NULL;
    END IF;
    IF TG_OP = 'DELETE' THEN
        DELETE FROM {TABLE} c USING old_rows o WHERE c.proposal_id = o.id;
        DELETE FROM spatial_clustermember m USING old_rows o WHERE m.proposal_id = o.id;
        RETURN NULL;
    END IF;
    IF TG_OP = 'UPDATE' THEN
        DELETE FROM {TABLE} c USING new_rows n
        WHERE c.proposal_id = n.id AND NOT ({clustered("n", condition)});
        -- (re)project only rows whose geometry or status changed (a support changes neither)
        INSERT INTO {TABLE} (proposal_id, geom)
        SELECT n.id, ST_Transform(n.geom, {srid}) FROM new_rows n JOIN old_rows o ON o.id = n.id
        WHERE {clustered("n", condition)}
          AND (NOT ({clustered("o", condition)}) OR n.geom::bytea IS DISTINCT FROM o.geom::bytea)
        ON CONFLICT (proposal_id) DO UPDATE SET geom = EXCLUDED.geom;
        RETURN NULL;
    END IF;
    INSERT INTO {TABLE} (proposal_id, geom)
    SELECT id, ST_Transform(geom, {srid}) FROM new_rows WHERE {clustered("", condition)}
    ON CONFLICT (proposal_id) DO UPDATE SET geom = EXCLUDED.geom;
    RETURN NULL;
END $$""",
        f"DROP TRIGGER IF EXISTS {FUNCTION}_insert ON proposals_proposal",
        f"CREATE TRIGGER {FUNCTION}_insert AFTER INSERT ON proposals_proposal "
        f"REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION {FUNCTION}()",
        f"DROP TRIGGER IF EXISTS {FUNCTION}_update ON proposals_proposal",
        f"CREATE TRIGGER {FUNCTION}_update AFTER UPDATE ON proposals_proposal "
        "REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows "
        f"FOR EACH STATEMENT EXECUTE FUNCTION {FUNCTION}()",
        f"DROP TRIGGER IF EXISTS {FUNCTION}_delete ON proposals_proposal",
        f"CREATE TRIGGER {FUNCTION}_delete AFTER DELETE ON proposals_proposal "
        f"REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION {FUNCTION}()",
        f"DROP TRIGGER IF EXISTS {FUNCTION}_truncate ON proposals_proposal",
        f"CREATE TRIGGER {FUNCTION}_truncate AFTER TRUNCATE ON proposals_proposal "
        f"FOR EACH STATEMENT EXECUTE FUNCTION {FUNCTION}()",
    ]


def fill_sql(srid: int, condition: str = CLUSTERED) -> str:
    """The statement that fills the (empty) table from the clustered claims."""
    return (
        f"INSERT INTO {TABLE} (proposal_id, geom) SELECT id, ST_Transform(geom, {int(srid)}) "
        f"FROM proposals_proposal WHERE {clustered('', condition)}"
    )


def refill_sql(srid: int) -> list[str]:
    """Statements that empty the table and fill it again."""
    return [f"TRUNCATE {TABLE}", fill_sql(srid)]


def rebuild_sql(srid: int) -> list[str]:
    """Statements that move the table to `srid` and refill it from the proposals."""
    srid = int(srid)
    return [
        f"ALTER TABLE {TABLE} ALTER COLUMN geom TYPE geometry(Geometry, {srid}) "
        f"USING ST_SetSRID(geom, {srid})",
        *refill_sql(srid),
    ]


UNINSTALL_SQL = [
    f"DROP TRIGGER IF EXISTS {FUNCTION}_{event} ON proposals_proposal"
    for event in ("insert", "update", "delete", "truncate")
] + [f"DROP FUNCTION IF EXISTS {FUNCTION}()"]
