"""Database triggers that record which part of a map layer a write changed (TileChange),
whatever wrote it: the services, imports, the demo generator, SQL bulk loads, the admin.

Statement-level with transition tables: one INSERT ... SELECT per statement. A statement
that changes more than BULK rows records one change of the whole layer instead of a box per
row, so a bulk load costs one row here. A write that changes nothing a tile shows (a
support or comment count, a name) records a change without a box: it invalidates the map's
GeoJSON answers (which show counts and names) but no tile.
"""

BULK = 500
FUNCTION = "publishing_tile_change"

# What a tile of each layer shows: a write to other columns changes no tile.
_LAYERS = {
    "proposals": {
        "table": "proposals_proposal",
        "geom": "geom",
        "shown": ("geom", "status", "kind", "category", "scope", "title", "description"),
    },
    "clusters": {
        "table": "spatial_cluster",
        "geom": "outline",
        "shown": ("outline", "dissolved_at", "contested", "score", "claim_count", "categories"),
    },
}


def _function(layer: str, spec: dict) -> str:
    geom = spec["geom"]
    changed = " OR ".join(f"o.{c}::text IS DISTINCT FROM n.{c}::text" for c in spec["shown"])
    name = f"{FUNCTION}_{layer}"
    return f"""
CREATE OR REPLACE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    touched bigint;
BEGIN
    IF TG_OP = 'UPDATE' THEN
        SELECT count(*) INTO touched FROM old_rows o JOIN new_rows n ON n.id = o.id WHERE {changed};
    ELSIF TG_OP = 'INSERT' THEN
        SELECT count(*) INTO touched FROM new_rows;
    ELSE
        SELECT count(*) INTO touched FROM old_rows;
    END IF;
    IF touched > {BULK} THEN
        INSERT INTO publishing_tilechange (layer, box, everything) VALUES ('{layer}', NULL, true);
    ELSIF touched = 0 THEN
        INSERT INTO publishing_tilechange (layer, box, everything) VALUES ('{layer}', NULL, false);
    ELSIF TG_OP = 'UPDATE' THEN
        INSERT INTO publishing_tilechange (layer, box, everything)
        SELECT '{layer}', b, false FROM old_rows o JOIN new_rows n ON n.id = o.id,
            LATERAL (VALUES (ST_Envelope(o.{geom})), (ST_Envelope(n.{geom}))) AS boxes (b)
        WHERE {changed};
    ELSIF TG_OP = 'INSERT' THEN
        INSERT INTO publishing_tilechange (layer, box, everything)
        SELECT '{layer}', ST_Envelope({geom}), false FROM new_rows;
    ELSE
        INSERT INTO publishing_tilechange (layer, box, everything)
        SELECT '{layer}', ST_Envelope({geom}), false FROM old_rows;
    END IF;
    RETURN NULL;
END $$"""


def _triggers(layer: str, table: str) -> list[str]:
    name = f"{FUNCTION}_{layer}"
    events = {
        "insert": "REFERENCING NEW TABLE AS new_rows",
        "update": "REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows",
        "delete": "REFERENCING OLD TABLE AS old_rows",
    }
    statements = []
    for event, clause in events.items():
        statements += [
            f"DROP TRIGGER IF EXISTS {name}_{event} ON {table}",
            f"CREATE TRIGGER {name}_{event} AFTER {event.upper()} ON {table} {clause} "
            f"FOR EACH STATEMENT EXECUTE FUNCTION {name}()",
        ]
    statements += [
        f"DROP TRIGGER IF EXISTS {name}_truncate ON {table}",
        f"CREATE TRIGGER {name}_truncate AFTER TRUNCATE ON {table} FOR EACH STATEMENT "
        f"EXECUTE FUNCTION {FUNCTION}_everything('{layer}')",
    ]
    return statements


# A public name shows in the map's GeoJSON (author_name), in no tile.
_USER_FUNCTION = f"""
CREATE OR REPLACE FUNCTION {FUNCTION}_names() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO publishing_tilechange (layer, box, everything)
    SELECT 'proposals', NULL, false
    WHERE EXISTS (SELECT 1 FROM old_rows o JOIN new_rows n ON n.id = o.id
                  WHERE (o.first_name, o.last_name, o.username, o.show_name_publicly)
                        IS DISTINCT FROM (n.first_name, n.last_name, n.username,
                                          n.show_name_publicly));
    RETURN NULL;
END $$"""

_EVERYTHING_FUNCTION = f"""
CREATE OR REPLACE FUNCTION {FUNCTION}_everything() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO publishing_tilechange (layer, box, everything) VALUES (TG_ARGV[0], NULL, true);
    RETURN NULL;
END $$"""


def install_sql() -> list[str]:
    statements = [_EVERYTHING_FUNCTION, _USER_FUNCTION]
    for layer, spec in _LAYERS.items():
        statements += [_function(layer, spec), *_triggers(layer, spec["table"])]
    statements += [
        f"DROP TRIGGER IF EXISTS {FUNCTION}_names ON accounts_user",
        f"CREATE TRIGGER {FUNCTION}_names AFTER UPDATE ON accounts_user "
        "REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows "
        f"FOR EACH STATEMENT EXECUTE FUNCTION {FUNCTION}_names()",
    ]
    return statements


def uninstall_sql() -> list[str]:
    statements = [f"DROP TRIGGER IF EXISTS {FUNCTION}_names ON accounts_user"]
    for layer, spec in _LAYERS.items():
        for event in ("insert", "update", "delete", "truncate"):
            statements.append(
                f"DROP TRIGGER IF EXISTS {FUNCTION}_{layer}_{event} ON {spec['table']}"
            )
        statements.append(f"DROP FUNCTION IF EXISTS {FUNCTION}_{layer}()")
    statements += [
        f"DROP FUNCTION IF EXISTS {FUNCTION}_names()",
        f"DROP FUNCTION IF EXISTS {FUNCTION}_everything()",
    ]
    return statements


def trigger_names(layer: str) -> list[str]:
    """The triggers of `layer` on its table (benchmarks disable them for a bulk load)."""
    return [f"{FUNCTION}_{layer}_{event}" for event in ("insert", "update", "delete")]
