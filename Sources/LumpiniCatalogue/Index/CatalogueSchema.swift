import GRDB

/// The tables of the catalogue index and the migrations that create them.
///
/// The index is derived data: every table but `unpublished` can be rebuilt from the public tree.
/// A change of shape is a new migration appended here, never an edit of one already released.
enum CatalogueSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: datasets, versions, distributions, search") { db in
            try db.execute(sql: """
                CREATE TABLE dataset (
                    number INTEGER PRIMARY KEY,
                    id TEXT NOT NULL UNIQUE,
                    titleTh TEXT, titleEn TEXT, descriptionTh TEXT, descriptionEn TEXT,
                    publisher TEXT NOT NULL, theme TEXT NOT NULL, license TEXT NOT NULL,
                    classification TEXT NOT NULL,
                    highValue INTEGER NOT NULL, hvdCategory TEXT,
                    updateFrequency TEXT NOT NULL,
                    governanceStatus TEXT NOT NULL,
                    spatialName TEXT, temporalStart TEXT, temporalEnd TEXT,
                    minX REAL, minY REAL, maxX REAL, maxY REAL,
                    latestVersion INTEGER NOT NULL, versionCount INTEGER NOT NULL,
                    firstReleasedAt TEXT NOT NULL, releasedAt TEXT NOT NULL, staleAt TEXT,
                    rowsIn INTEGER, rowsPublished INTEGER, rowsQuarantined INTEGER, features INTEGER,
                    geometryType TEXT,
                    valid INTEGER, errorCount INTEGER, warningCount INTEGER, changedValues INTEGER,
                    formats TEXT NOT NULL,
                    qualityScore INTEGER NOT NULL, qualityRating TEXT NOT NULL, quality TEXT NOT NULL,
                    directory TEXT NOT NULL,
                    manifest TEXT NOT NULL,
                    searchTitle TEXT NOT NULL, searchKeywords TEXT NOT NULL, searchDescription TEXT NOT NULL
                );
                CREATE INDEX dataset_publisher ON dataset(publisher);
                CREATE INDEX dataset_theme ON dataset(theme);
                CREATE INDEX dataset_classification ON dataset(classification);
                CREATE INDEX dataset_highValue ON dataset(highValue, hvdCategory);
                CREATE INDEX dataset_releasedAt ON dataset(releasedAt);
                CREATE INDEX dataset_staleAt ON dataset(staleAt) WHERE staleAt IS NOT NULL;
                CREATE INDEX dataset_qualityRating ON dataset(qualityRating);
                CREATE INDEX dataset_extent ON dataset(minX, maxX);

                CREATE TABLE version (
                    datasetID TEXT NOT NULL,
                    version INTEGER NOT NULL,
                    releasedAt TEXT NOT NULL,
                    lumpiniVersion TEXT, inputHash TEXT,
                    rowsPublished INTEGER, rowsQuarantined INTEGER, features INTEGER, valid INTEGER,
                    fileCount INTEGER NOT NULL, totalSize INTEGER NOT NULL,
                    PRIMARY KEY (datasetID, version)
                ) WITHOUT ROWID;

                CREATE TABLE distribution (
                    datasetID TEXT NOT NULL,
                    version INTEGER NOT NULL,
                    path TEXT NOT NULL,
                    format TEXT NOT NULL, mediaType TEXT NOT NULL,
                    size INTEGER NOT NULL, sha256 TEXT NOT NULL, role TEXT NOT NULL,
                    PRIMARY KEY (datasetID, version, path)
                ) WITHOUT ROWID;

                -- The data formats of each dataset's latest version, folded to lowercase, for filtering.
                CREATE TABLE format (
                    format TEXT NOT NULL,
                    datasetID TEXT NOT NULL,
                    PRIMARY KEY (format, datasetID)
                ) WITHOUT ROWID;
                CREATE INDEX format_dataset ON format(datasetID);

                CREATE TABLE indicator (
                    code TEXT NOT NULL,
                    scheme TEXT NOT NULL,
                    datasetID TEXT NOT NULL,
                    PRIMARY KEY (code, datasetID, scheme)
                ) WITHOUT ROWID;
                CREATE INDEX indicator_dataset ON indicator(datasetID);

                CREATE TABLE keyword (
                    keyword TEXT NOT NULL,
                    language TEXT NOT NULL,
                    datasetID TEXT NOT NULL,
                    PRIMARY KEY (keyword, language, datasetID)
                ) WITHOUT ROWID;
                CREATE INDEX keyword_dataset ON keyword(datasetID);

                -- Datasets a release built but did not publish (awaiting approval, not public, failed).
                -- Not derivable from the public tree: kept across rebuilds.
                CREATE TABLE unpublished (
                    id TEXT PRIMARY KEY,
                    publisher TEXT NOT NULL, theme TEXT NOT NULL,
                    highValue INTEGER NOT NULL, hvdCategory TEXT,
                    governanceStatus TEXT NOT NULL, approved INTEGER NOT NULL, classification TEXT NOT NULL,
                    reason TEXT, recordedAt TEXT NOT NULL,
                    metadata TEXT NOT NULL
                ) WITHOUT ROWID;

                CREATE VIRTUAL TABLE dataset_fts USING fts5(
                    searchTitle, searchKeywords, searchDescription,
                    content='dataset', content_rowid='number', tokenize='trigram'
                );
                CREATE TRIGGER dataset_fts_insert AFTER INSERT ON dataset BEGIN
                    INSERT INTO dataset_fts(rowid, searchTitle, searchKeywords, searchDescription)
                    VALUES (new.number, new.searchTitle, new.searchKeywords, new.searchDescription);
                END;
                CREATE TRIGGER dataset_fts_delete AFTER DELETE ON dataset BEGIN
                    INSERT INTO dataset_fts(dataset_fts, rowid, searchTitle, searchKeywords, searchDescription)
                    VALUES ('delete', old.number, old.searchTitle, old.searchKeywords, old.searchDescription);
                END;
                CREATE TRIGGER dataset_fts_update AFTER UPDATE ON dataset BEGIN
                    INSERT INTO dataset_fts(dataset_fts, rowid, searchTitle, searchKeywords, searchDescription)
                    VALUES ('delete', old.number, old.searchTitle, old.searchKeywords, old.searchDescription);
                    INSERT INTO dataset_fts(rowid, searchTitle, searchKeywords, searchDescription)
                    VALUES (new.number, new.searchTitle, new.searchKeywords, new.searchDescription);
                END;
                """)
        }
        migrator.registerMigration("v2: compact dataset rows, format names") { db in
            // The latest manifest and the quality score (kilobytes of JSON each) move out of `dataset`, so that
            // scanning it for `list`, filters and counts reads small rows; `show` and exports read them by id.
            try db.execute(sql: """
                CREATE TABLE dataset_document (
                    id TEXT PRIMARY KEY,
                    manifest TEXT NOT NULL,
                    quality TEXT NOT NULL
                );
                INSERT INTO dataset_document (id, manifest, quality) SELECT id, manifest, quality FROM dataset;
                ALTER TABLE dataset DROP COLUMN manifest;
                ALTER TABLE dataset DROP COLUMN quality;
                """)
            // The format as the manifest names it, for counts; a rebuild fills it for rows indexed before.
            if try !db.columns(in: "format").contains(where: { $0.name == "name" }) {
                try db.execute(sql: "ALTER TABLE format ADD COLUMN name TEXT NOT NULL DEFAULT ''; UPDATE format SET name = format")
            }
        }
        migrator.registerMigration("v3: search text apart from the listed columns") { db in
            // `list` reads every row of `dataset`; the folded search text and the descriptions (which the
            // manifest in `dataset_document` also holds) made those rows four times wider than what it shows.
            try db.execute(sql: """
                CREATE TABLE dataset_search (
                    number INTEGER PRIMARY KEY,
                    searchTitle TEXT NOT NULL, searchKeywords TEXT NOT NULL, searchDescription TEXT NOT NULL
                );
                INSERT INTO dataset_search (number, searchTitle, searchKeywords, searchDescription)
                    SELECT number, searchTitle, searchKeywords, searchDescription FROM dataset;
                DROP TRIGGER dataset_fts_insert;
                DROP TRIGGER dataset_fts_delete;
                DROP TRIGGER dataset_fts_update;
                DROP TABLE dataset_fts;
                ALTER TABLE dataset DROP COLUMN searchTitle;
                ALTER TABLE dataset DROP COLUMN searchKeywords;
                ALTER TABLE dataset DROP COLUMN searchDescription;
                ALTER TABLE dataset DROP COLUMN descriptionTh;
                ALTER TABLE dataset DROP COLUMN descriptionEn;

                CREATE VIRTUAL TABLE dataset_fts USING fts5(
                    searchTitle, searchKeywords, searchDescription,
                    content='dataset_search', content_rowid='number', tokenize='trigram'
                );
                INSERT INTO dataset_fts(dataset_fts) VALUES ('rebuild');
                CREATE TRIGGER dataset_search_insert AFTER INSERT ON dataset_search BEGIN
                    INSERT INTO dataset_fts(rowid, searchTitle, searchKeywords, searchDescription)
                    VALUES (new.number, new.searchTitle, new.searchKeywords, new.searchDescription);
                END;
                CREATE TRIGGER dataset_search_delete AFTER DELETE ON dataset_search BEGIN
                    INSERT INTO dataset_fts(dataset_fts, rowid, searchTitle, searchKeywords, searchDescription)
                    VALUES ('delete', old.number, old.searchTitle, old.searchKeywords, old.searchDescription);
                END;
                CREATE TRIGGER dataset_search_update AFTER UPDATE ON dataset_search BEGIN
                    INSERT INTO dataset_fts(dataset_fts, rowid, searchTitle, searchKeywords, searchDescription)
                    VALUES ('delete', old.number, old.searchTitle, old.searchKeywords, old.searchDescription);
                    INSERT INTO dataset_fts(rowid, searchTitle, searchKeywords, searchDescription)
                    VALUES (new.number, new.searchTitle, new.searchKeywords, new.searchDescription);
                END;
                CREATE TRIGGER dataset_forget_search AFTER DELETE ON dataset BEGIN
                    DELETE FROM dataset_search WHERE number = old.number;
                END;
                """)
        }
        return migrator
    }
}
