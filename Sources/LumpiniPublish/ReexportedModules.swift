// Each stage works on what the stage before it makes: validated records, the reports and the Table Schema.
@_exported import LumpiniValidate
