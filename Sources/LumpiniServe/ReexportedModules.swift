@_exported import LumpiniCatalogue
