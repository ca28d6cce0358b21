-- The shared map library (issue #18): one row per map, every saved version kept.
-- A map's live row holds its canonical YAML text and the same content parsed (JSONB), so the
-- database can answer questions across maps; a deleted map keeps its row with deleted_at set
-- (the trash), so its versions survive until it is restored.

CREATE TABLE maps (
    id             bigserial PRIMARY KEY,
    name           text        NOT NULL CHECK (name ~ '^[A-Za-z0-9][A-Za-z0-9_-]{0,79}$'),
    revision       text        NOT NULL,  -- SHA-256 of the YAML text, as in the folder library
    version        integer     NOT NULL,  -- the number of the latest row in map_versions
    yaml           text        NOT NULL,
    content        jsonb       NOT NULL,
    title          text        NOT NULL,
    question       text,
    node_count     integer     NOT NULL,
    counts_by_kind jsonb       NOT NULL,
    updated_at     timestamptz NOT NULL DEFAULT now(),
    deleted_at     timestamptz
);

-- One live map per name; maps in the trash may share a name with each other and with a live one.
CREATE UNIQUE INDEX maps_live_name ON maps (name) WHERE deleted_at IS NULL;

CREATE TABLE map_versions (
    map_id   bigint      NOT NULL REFERENCES maps (id) ON DELETE CASCADE,
    version  integer     NOT NULL,
    revision text        NOT NULL,
    yaml     text        NOT NULL,
    content  jsonb       NOT NULL,
    author   text        NOT NULL,
    label    text        NOT NULL,  -- one line: the change, as the undo button names it
    saved_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (map_id, version)
);
