import Testing

@testable import GraphAlgorithms

/// The threads that compute one batch of betweenness sources together: every piece of a
/// phase claimed by exactly one member, what a phase wrote seen by all in the next, and
/// a stop request seen by every member after the barrier.
@Suite struct KernelTeamTests {
    @Test(arguments: [1, 2, 3])
    func membersClaimEveryPieceOnceAndSeeTheLastPhase(members: Int) {
        let size = 1000, phases = 60, chunk = 7
        let team = KernelTeam(members: members)
        defer { team.deallocate() }
        let buffers = SharedBuffer<UInt64>(repeating: 1, count: 2 * size)
        defer { buffers.deallocate() }
        let claims = SharedBuffer<Int>(repeating: 0, count: size)
        defer { claims.deallocate() }
        // Phase p reads the array phase p − 1 wrote, at another node, and writes the other.
        team.run { member in
            for p in 0..<phases {
                let read = buffers.base + (p % 2) * size, write = buffers.base + ((p + 1) % 2) * size
                while let piece = team.claim(chunk, of: size, near: member) {
                    for i in piece {
                        write[i] = read[i] &* 31 &+ read[(7 * i + 3) % size] &+ UInt64(p)
                        claims[i] += 1
                    }
                }
                team.wait()
            }
        }
        #expect(team.members == members)
        var read = [UInt64](repeating: 1, count: size), write = read
        for p in 0..<phases {
            for i in 0..<size { write[i] = read[i] &* 31 &+ read[(7 * i + 3) % size] &+ UInt64(p) }
            swap(&read, &write)
        }
        #expect(Array(UnsafeBufferPointer(start: buffers.base + (phases % 2) * size, count: size)) == read)
        #expect(claims.toArray() == [Int](repeating: phases, count: size))
    }

    @Test func aStopRequestedBeforeABarrierIsSeenByEveryMember() {
        let team = KernelTeam(members: 3)
        defer { team.deallocate() }
        let seen = SharedBuffer<Int>(repeating: -1, count: 6)
        defer { seen.deallocate() }
        team.run { member in
            seen[member] = team.stopping ? 1 : 0
            team.wait()
            if member == 1 { team.requestStop() }
            team.wait()
            seen[3 + member] = team.stopping ? 1 : 0
        }
        #expect(seen.toArray() == [0, 0, 0, 1, 1, 1])
    }
}
