import FuzzSupport
import GraphFormats

/// libFuzzer entry point for the EdgeList reader.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    fuzzOne(data, size, format: .edgeList)
}

/// The executable's entry point (see runFuzzer).
@_cdecl("FuzzEdgeList_main")
public func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    runFuzzer(argc, argv) { data, size in fuzzOne(data, size, format: .edgeList) }
}
