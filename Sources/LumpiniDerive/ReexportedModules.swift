// A derived dataset reads its inputs' published files as ingest reads sources, and hands its rows on as records.
@_exported import LumpiniIngest
