// Each stage works on what the stage before it makes: validated records and both reports.
@_exported import LumpiniValidate
