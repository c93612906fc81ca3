// `import Lumpini` gives the whole library: every stage, the GDAL-free core and the catalogue.
@_exported import LumpiniCatalogue
@_exported import LumpiniCore
@_exported import LumpiniPrivacy
@_exported import LumpiniPublish
@_exported import LumpiniDerive
