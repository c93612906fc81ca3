// The catalogue's API is made of the core's types (Manifest, DatasetMetadata, Workspace, LumpiniError).
@_exported import LumpiniCore
