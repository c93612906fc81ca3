// Each stage works on what the stage before it makes: the dataset package (its description, loader and path policy).
@_exported import LumpiniPackage
