import Testing

@Suite struct HelpTests {
    @Test func helpListsTheCommand() throws {
        let result = try CommandRunner.run(["--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("USAGE: uccn"))
    }
}
