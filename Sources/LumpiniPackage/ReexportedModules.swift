// A dataset package is described by the core's types (DatasetDescription, LumpiniError, Workspace).
@_exported import LumpiniCore
