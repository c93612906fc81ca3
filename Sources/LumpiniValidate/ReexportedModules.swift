// Each stage works on what the stage before it makes: cleansed records and the recipe's reports.
@_exported import LumpiniCleanse
