-- comboscope store schema, SQLite dialect (keep in step with ../postgresql/V1__schema.sql).
-- Timestamps are epoch milliseconds (UTC); dates are ISO-8601 text.
CREATE TABLE project (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    name        VARCHAR(200)   NOT NULL,
    description TEXT           NOT NULL,
    created_at  BIGINT         NOT NULL
);

CREATE TABLE experiment (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    project_id  BIGINT         NOT NULL REFERENCES project (id),
    assay       VARCHAR(200)   NOT NULL,
    cell_line   VARCHAR(200)   NOT NULL,
    exp_date    VARCHAR(10),
    notes       TEXT           NOT NULL,
    created_at  BIGINT         NOT NULL
);
CREATE INDEX experiment_project ON experiment (project_id);

CREATE TABLE dataset (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    experiment_id BIGINT        NOT NULL REFERENCES experiment (id),
    file_name     VARCHAR(255)  NOT NULL,
    format        VARCHAR(32)   NOT NULL,
    sha256        CHAR(64)      NOT NULL,
    size_bytes    BIGINT        NOT NULL,
    created_at    BIGINT        NOT NULL
);
CREATE INDEX dataset_experiment ON dataset (experiment_id);

-- The verbatim upload, in chunks of at most 1 MiB so neither side holds it whole in memory.
CREATE TABLE dataset_chunk (
    dataset_id BIGINT  NOT NULL REFERENCES dataset (id),
    seq        INTEGER NOT NULL,
    bytes      BLOB    NOT NULL,
    PRIMARY KEY (dataset_id, seq)
);

CREATE TABLE analysis (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    dataset_id       BIGINT        NOT NULL REFERENCES dataset (id),
    kind             VARCHAR(64)   NOT NULL,
    parameters_json  TEXT          NOT NULL,
    software_version VARCHAR(100)  NOT NULL,
    status           VARCHAR(16)   NOT NULL,
    progress_done    INTEGER       NOT NULL,
    progress_total   INTEGER       NOT NULL,
    message          TEXT          NOT NULL,
    created_at       BIGINT        NOT NULL,
    started_at       BIGINT,
    finished_at      BIGINT
);
CREATE INDEX analysis_dataset ON analysis (dataset_id);
CREATE INDEX analysis_status ON analysis (status);

CREATE TABLE block_result (
    analysis_id BIGINT        NOT NULL REFERENCES analysis (id),
    seq         INTEGER       NOT NULL,
    block_id    VARCHAR(1000) NOT NULL,
    drug1       VARCHAR(1000) NOT NULL,
    drug2       VARCHAR(1000) NOT NULL,
    block_id_lc VARCHAR(1000) NOT NULL,
    drug1_lc    VARCHAR(1000) NOT NULL,
    drug2_lc    VARCHAR(1000) NOT NULL,
    zip         DOUBLE PRECISION,
    hsa         DOUBLE PRECISION,
    bliss       DOUBLE PRECISION,
    loewe       DOUBLE PRECISION,
    css         DOUBLE PRECISION,
    values_json TEXT          NOT NULL,
    PRIMARY KEY (analysis_id, block_id)
);
CREATE UNIQUE INDEX block_result_seq ON block_result (analysis_id, seq);

CREATE TABLE cell_result (
    analysis_id BIGINT           NOT NULL REFERENCES analysis (id),
    seq         INTEGER          NOT NULL,
    block_id    VARCHAR(1000)    NOT NULL,
    conc1       DOUBLE PRECISION NOT NULL,
    conc2       DOUBLE PRECISION NOT NULL,
    response    DOUBLE PRECISION NOT NULL,
    values_json TEXT             NOT NULL,
    PRIMARY KEY (analysis_id, seq)
);
CREATE INDEX cell_result_block ON cell_result (analysis_id, block_id, conc1, conc2);

CREATE TABLE curve_result (
    analysis_id BIGINT        NOT NULL REFERENCES analysis (id),
    block_id    VARCHAR(1000) NOT NULL,
    drug_index  INTEGER       NOT NULL,
    drug        VARCHAR(1000) NOT NULL,
    values_json TEXT          NOT NULL,
    PRIMARY KEY (analysis_id, block_id, drug_index)
);

CREATE TABLE artifact (
    analysis_id BIGINT        NOT NULL REFERENCES analysis (id),
    name        VARCHAR(255)  NOT NULL,
    media_type  VARCHAR(255)  NOT NULL,
    content     BLOB          NOT NULL,
    PRIMARY KEY (analysis_id, name)
);
