import FuzzSupport

// A closure, not the @_cdecl function itself: referring to that from another file emits its symbol twice.
runLibFuzzer { fuzzThaiDates($0, $1) }
