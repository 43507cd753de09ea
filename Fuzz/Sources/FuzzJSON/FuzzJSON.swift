import FuzzSupport
import GraphFormats

/// libFuzzer entry point for the JSON reader.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    fuzzOne(data, size, format: .json)
}
