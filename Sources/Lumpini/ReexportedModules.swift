// `import Lumpini` gives the whole library: the GDAL-free core and catalogue are part of its API.
@_exported import LumpiniCatalogue
@_exported import LumpiniCore
