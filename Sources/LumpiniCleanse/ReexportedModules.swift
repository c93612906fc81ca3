// Each stage works on what the stage before it makes: records, as ingest reads them.
@_exported import LumpiniIngest
