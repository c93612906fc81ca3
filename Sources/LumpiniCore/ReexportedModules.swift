// The manifest's extent is a `GeoTypes.Envelope`: users of the core name it without importing GeoTypes.
@_exported import GeoTypes
