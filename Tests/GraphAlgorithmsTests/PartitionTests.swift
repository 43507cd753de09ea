import GraphAlgorithms
import GraphCore
import Testing

@Suite struct PartitionTests {
    @Test func labelsAreNumberedBySizeThenSmallestMember() {
        let p = Partition(rawLabels: [7, 7, 9, 1, 1, 1, 4, 4])
        #expect(p.sizes == [3, 2, 2, 1])
        // {3,4,5} first; {0,1} before {6,7} (smaller first member); {2} last.
        #expect(p.labels == [1, 1, 3, 0, 0, 0, 2, 2])
        #expect(p.members() == [[3, 4, 5], [0, 1], [6, 7], [2]])
    }

    @Test func samePartitionUnderDifferentLabelsIsEqual() {
        let a = Partition(rawLabels: [0, 0, 1, 2, 2, 1])
        let b = Partition(rawLabels: [42, 42, -3, 8, 8, -3])
        #expect(a == b)
        #expect(a.labels == b.labels)
    }

    @Test func singletonsAndComponents() throws {
        let s = Partition.singletons(nodeCount: 3)
        #expect(s.labels == [0, 1, 2])
        #expect(s.isSingleton(1))
        let g = try CommunityTestSupport.cliques(count: 2, size: 3)
        let c = Partition(ConnectedComponents(of: g))
        #expect(c == Partition(rawLabels: [5, 5, 5, 6, 6, 6]))
        #expect(ComponentsDetector().partition(of: g, seed: 1) == c)
    }

    @Test func emptyPartition() {
        let p = Partition(rawLabels: [Int]())
        #expect(p.count == 0)
        #expect(p.nodeCount == 0)
    }
}
